package dev.parley.app.e2e;

import dev.parley.client.Auth;
import dev.parley.client.CredentialsPrompt;
import dev.parley.client.RefreshTokenCache;
import dev.parley.server.testing.ServerFixture;
import java.nio.file.Files;
import java.nio.file.Path;

/** Signing in as the test accounts (all with {@link ServerFixture#PASSWORD}). */
public final class TestAccounts {
  private TestAccounts() {}

  /** Answers with the email and the test password; never asked for a code. */
  public static CredentialsPrompt prompt(String email) {
    return new CredentialsPrompt() {
      @Override
      public String email() {
        return email;
      }

      @Override
      public String password() {
        return ServerFixture.PASSWORD;
      }

      @Override
      public String verificationCode() {
        return null;
      }
    };
  }

  /**
   * Leaves in the app's {@code --home} what signing in once does: the saved account and its refresh
   * token, so the app signs in silently.
   */
  public static void signedInEarlier(String url, String email, Path home) throws Exception {
    Files.createDirectories(home.resolve("config"));
    Files.writeString(
        home.resolve("config").resolve("account.properties"),
        "kind=REMOTE\nserver=" + url.replace(":", "\\:") + "\nemail=" + email + "\n");
    Auth.getAuth(
        url, prompt(email), new RefreshTokenCache(home.resolve("data").resolve("refresh-token")));
  }
}
