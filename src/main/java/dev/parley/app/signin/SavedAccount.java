package dev.parley.app.signin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The account the app signs in to at start: on a server ({@code REMOTE}) or on the embedded one
 * ({@code LOCAL}). Kept in {@code account.properties} in the config directory; the refresh token
 * itself is in the data directory.
 */
record SavedAccount(Kind kind, String serverUrl, String email) {
  enum Kind {
    REMOTE,
    LOCAL,
    DEMO
  }

  static Optional<SavedAccount> load(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
      Kind kind = Kind.valueOf(p.getProperty("kind", ""));
      return Optional.of(
          new SavedAccount(kind, p.getProperty("server", ""), p.getProperty("email", "")));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Tells accounts apart: the kind, the server and the email. */
  String key() {
    return kind == Kind.DEMO
        ? SignInService.DEMO_ACCOUNT_KEY
        : kind + "|" + (serverUrl == null ? "" : serverUrl) + "|" + (email == null ? "" : email);
  }

  void save(Path file) throws IOException {
    Properties p = new Properties();
    p.setProperty("kind", kind.name());
    p.setProperty("server", serverUrl == null ? "" : serverUrl);
    p.setProperty("email", email == null ? "" : email);
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      p.store(out, "Parley's account; sign out in the app to forget it");
    }
  }
}
