package dev.parley.app.session;

import dev.parley.client.Auth;
import dev.parley.client.ClientException;
import dev.parley.client.Cookies;
import dev.parley.client.CredentialsPrompt;
import dev.parley.client.RefreshTokenCache;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import dev.parley.server.storage.Account;
import dev.parley.server.testing.ServerFixture;
import java.nio.file.Path;

/**
 * A real server on a loopback port that a test can stop for a while and start again on the same
 * port and data, as {@link ServerFixture} does in one step; plus accounts and signing in.
 */
final class RestartableServer implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final String url;
  private ParleyServer server;

  RestartableServer(Path dir) throws Exception {
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

  String url() {
    return url;
  }

  void stop() {
    server.close();
    server = null;
  }

  void start() throws Exception {
    server = ParleyServer.start(config(port));
  }

  Account createAccount(String email, String name) {
    return server.accounts().create(email, name, ServerFixture.PASSWORD.toCharArray(), false);
  }

  Cookies signIn(String email) throws ClientException {
    CredentialsPrompt prompt = dev.parley.app.e2e.TestAccounts.prompt(email);
    return Auth.getAuth(url, prompt, new RefreshTokenCache(dir.resolve("tokens").resolve(email)));
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
