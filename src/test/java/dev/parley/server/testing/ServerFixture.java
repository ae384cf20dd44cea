package dev.parley.server.testing;

import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import dev.parley.server.auth.PasswordHasher;
import dev.parley.server.storage.Account;
import java.nio.file.Path;

/**
 * A real server on a random loopback port with cheap password hashing, on SQLite in a temp dir or
 * on a PostgreSQL URL, plus helpers to create people and sign them in.
 */
public final class ServerFixture implements AutoCloseable {
  public static final String PASSWORD = "correct horse battery";
  public static final PasswordHasher.Params CHEAP_HASHING = new PasswordHasher.Params(1024, 1, 1);

  private final Path dataDir;
  private final String dbUrl;
  private ParleyServer server;

  public ServerFixture(Path dataDir, String dbUrl) throws Exception {
    this.dataDir = dataDir;
    this.dbUrl = dbUrl;
    start();
  }

  private void start() throws Exception {
    start(0);
  }

  private void start(int port) throws Exception {
    server =
        ParleyServer.start(
            ServerConfig.defaults(dataDir)
                .withPort(port)
                .withDbUrl(dbUrl)
                .withPasswordParams(CHEAP_HASHING));
  }

  /** Stops and starts the server on the same data and port, as after a restart. */
  public void restart() throws Exception {
    int port = server.port();
    server.close();
    start(port);
  }

  public ParleyServer server() {
    return server;
  }

  public String url() {
    return server.url();
  }

  public Account createAccount(String email, String name) {
    return server.accounts().create(email, name, PASSWORD.toCharArray(), false);
  }

  public HangoutsTestClient signIn(String email) {
    return HangoutsTestClient.signIn(url(), email, PASSWORD);
  }

  @Override
  public void close() {
    server.close();
  }
}
