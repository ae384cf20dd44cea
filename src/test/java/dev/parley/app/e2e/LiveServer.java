package dev.parley.app.e2e;

import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import dev.parley.server.storage.Account;
import dev.parley.server.testing.ServerFixture;
import java.nio.file.Path;

/**
 * A real server on a loopback port that a test can stop for a while and start again on the same
 * port and data (a server that disappears and comes back).
 */
public final class LiveServer implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final String url;
  private ParleyServer server;

  public LiveServer(Path dir) throws Exception {
    this.dir = dir;
    this.server = ParleyServer.start(config(0));
    this.port = server.port();
    this.url = server.url();
  }

  private ServerConfig config(int onPort) {
    return ServerConfig.defaults(dir.resolve("data"))
        .withPort(onPort)
        .withPasswordParams(ServerFixture.CHEAP_HASHING);
  }

  public String url() {
    return url;
  }

  public void stop() {
    server.close();
    server = null;
  }

  public void start() throws Exception {
    server = ParleyServer.start(config(port));
  }

  public Account createAccount(String email, String name) {
    return server.accounts().create(email, name, ServerFixture.PASSWORD.toCharArray(), false);
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
