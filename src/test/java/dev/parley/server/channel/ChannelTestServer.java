package dev.parley.server.channel;

import dev.parley.server.TimeSource;
import dev.parley.server.http.Caller;
import dev.parley.server.http.RequestAuthenticator;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A real Jetty server on 127.0.0.1 and an ephemeral port serving only the channel handler, with a
 * fake authenticator that trusts the {@code x-test-account} header.
 */
final class ChannelTestServer implements AutoCloseable {
  static final String ACCOUNT_HEADER = "x-test-account";

  static final RequestAuthenticator FAKE_AUTHENTICATOR =
      request ->
          Optional.ofNullable(request.getHeaders().get(ACCOUNT_HEADER))
              .map(id -> new Caller(id, id + "@example.test", "sid-hash-" + id));

  /** Millisecond timings so tests finish quickly; the other values are the defaults. */
  static ChannelConfig fastConfig() {
    return ChannelConfig.defaults()
        .withTimings(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(30))
        .withUnreachableGrace(Duration.ZERO);
  }

  private final ChannelHub hub;
  private final Server server;
  private final ServerConnector connector;

  ChannelTestServer(ChannelConfig config) throws Exception {
    hub = new ChannelHub(config, TimeSource.SYSTEM);
    QueuedThreadPool pool = new QueuedThreadPool(32, 4);
    pool.setName("channel-test-jetty");
    server = new Server(pool);
    // Routing is by path alone (PROTOCOL.md section 2): a proxy-style absolute request line whose
    // authority differs from Host must not be refused, as Jetty's default compliance does.
    HttpConfiguration http = new HttpConfiguration();
    http.setHttpCompliance(
        HttpCompliance.RFC9110.with("parley", HttpCompliance.Violation.MISMATCHED_AUTHORITY));
    connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new ChannelHandler(hub, FAKE_AUTHENTICATOR));
    server.start();
  }

  ChannelHub hub() {
    return hub;
  }

  int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() {
    hub.close();
    try {
      server.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty did not stop", e);
    }
  }
}
