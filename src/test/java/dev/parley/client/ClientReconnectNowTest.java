package dev.parley.client;

import static dev.parley.client.LiveClients.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.storage.Account;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Client#reconnectNow()} cuts a long reconnect backoff short. */
class ClientReconnectNowTest {
  private static final BackoffPolicy SLOW =
      new BackoffPolicy(Duration.ofMinutes(5), Duration.ofMinutes(10), 0);

  @TempDir Path dir;
  private LiveClients live;
  private TcpProxy proxy;
  private Client client;

  @BeforeEach
  void start() throws Exception {
    live = new LiveClients(dir);
    Account alice = live.account("alice@example.org", "Alice Liddell");
    proxy = new TcpProxy(URI.create(live.fixture().url()).getPort());
    client =
        live.client(
            live.signIn(alice.email()),
            proxy.url(),
            options -> options.origin(live.fixture().url()).reconnectBackoff(SLOW));
  }

  @AfterEach
  void stop() throws Exception {
    live.close();
    proxy.close();
  }

  @Test
  void reconnectNowSkipsTheBackoffWait() {
    LiveClients.Running run = live.connect(client);
    proxy.refuse(true);
    proxy.cutAll();
    ConnectionState lost =
        run.states().skipUntil(s -> s.kind() == ConnectionState.Kind.RECONNECTING, WAIT);
    assertThat(lost.nextAttempt()).isAfter(Instant.now().plus(Duration.ofMinutes(4)));

    proxy.refuse(false);
    client.reconnectNow();

    run.states().skipUntil(s -> s.kind() == ConnectionState.Kind.CONNECTED, WAIT);
  }

  @Test
  void aWokenAttemptThatFailsWaitsTheFullBackoffAgainUntilTheNextReconnectNow() {
    LiveClients.Running run = live.connect(client);
    proxy.refuse(true);
    proxy.cutAll();
    run.states().skipUntil(s -> s.kind() == ConnectionState.Kind.RECONNECTING, WAIT);
    client.reconnectNow(); // the attempt it starts is refused: the wait after it is long again
    run.states().skipUntil(s -> s.kind() == ConnectionState.Kind.RECONNECTING, WAIT);

    proxy.refuse(false);
    client.reconnectNow();

    run.states().skipUntil(s -> s.kind() == ConnectionState.Kind.CONNECTED, WAIT);
  }

  @Test
  void reconnectNowWhileConnectedOrStoppedDoesNothing() {
    client.reconnectNow(); // not running: nothing to wake
    LiveClients.Running run = live.connect(client);
    client.reconnectNow();

    assertThat(client.connectionState().kind()).isEqualTo(ConnectionState.Kind.CONNECTED);
    client.disconnect();
    run.states().skipUntil(s -> s.kind() == ConnectionState.Kind.DISCONNECTED, WAIT);
    client.reconnectNow();
  }
}
