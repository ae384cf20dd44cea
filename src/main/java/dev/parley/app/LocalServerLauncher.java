package dev.parley.app;

import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import dev.parley.server.demo.DemoWorld;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the app reaches the server: it starts a Parley server inside the app's process, on
 * loopback, for "Start on this computer" and for the demo. The port is remembered in the data
 * directory and reused, because image and join links the server hands out name it.
 */
public final class LocalServerLauncher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalServerLauncher.class);

  /** The demo world's account. */
  public static final String DEMO_EMAIL = DemoWorld.OWNER_EMAIL;

  public static final String DEMO_PASSWORD = DemoWorld.OWNER_PASSWORD;

  private final ParleyServer server;

  private LocalServerLauncher(ParleyServer server) {
    this.server = server;
  }

  /**
   * Starts a server keeping its data in {@code dataDir}; with {@code demo}, seeds the demo world
   * the first time.
   *
   * @throws LocalServerException when it cannot start (the data directory is unusable, ...)
   */
  public static LocalServerLauncher start(Path dataDir, boolean demo) {
    try {
      Files.createDirectories(dataDir);
      int port = rememberedPort(dataDir);
      ParleyServer server;
      try {
        server = ParleyServer.start(config(dataDir, port, demo));
      } catch (BindException e) {
        LOG.warn("port {} is taken; the embedded server takes another", port);
        server = ParleyServer.start(config(dataDir, 0, demo));
      }
      rememberPort(dataDir, server.port());
      return new LocalServerLauncher(server);
    } catch (Exception e) {
      throw new LocalServerException("the local server could not start: " + e.getMessage(), e);
    }
  }

  private static ServerConfig config(Path dataDir, int port, boolean demo) {
    return ServerConfig.defaults(dataDir).withHost("127.0.0.1").withPort(port).withDemo(demo);
  }

  /** The server's address, {@code http://127.0.0.1:PORT}. */
  public String url() {
    return server.url();
  }

  /** Whether an account with this address exists. */
  public boolean hasAccount(String email) {
    return server.accounts().list().stream().anyMatch(a -> a.email().equalsIgnoreCase(email));
  }

  /**
   * Creates an account (the person's own, on "Start on this computer").
   *
   * @throws LocalServerException with the server's reason (bad address, short password, taken)
   */
  public void createAccount(String email, String name, char[] password) {
    try {
      server.accounts().create(email, name, password, false);
    } catch (RuntimeException e) {
      throw new LocalServerException(e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    server.close();
  }

  private static int rememberedPort(Path dataDir) {
    Path file = dataDir.resolve("local-server.properties");
    if (Files.isRegularFile(file)) {
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
        return Integer.parseInt(p.getProperty("port", "0"));
      } catch (IOException | NumberFormatException e) {
        LOG.warn("ignoring unreadable {}: {}", file, e.toString());
      }
    }
    return 0;
  }

  private static void rememberPort(Path dataDir, int port) throws IOException {
    Properties p = new Properties();
    p.setProperty("port", Integer.toString(port));
    try (OutputStream out = Files.newOutputStream(dataDir.resolve("local-server.properties"))) {
      p.store(out, "the embedded server's port; its links name it");
    }
  }

  /** The embedded server failed. */
  public static final class LocalServerException extends AppException {
    private static final long serialVersionUID = 1L;

    public LocalServerException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
