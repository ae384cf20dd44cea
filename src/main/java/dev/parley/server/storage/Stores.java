package dev.parley.server.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Opens the store a server is configured with. */
public final class Stores {

  /** The SQLite file used when no database URL is configured. */
  public static final String DEFAULT_FILE_NAME = "parley.db";

  private Stores() {}

  /**
   * Opens and migrates a store: SQLite at {@code dataDir/parley.db} when {@code jdbcUrlOrNull} is
   * null or blank, else PostgreSQL for a {@code jdbc:postgresql:} URL or SQLite for a {@code
   * jdbc:sqlite:} URL.
   *
   * @throws IllegalArgumentException for any other URL
   * @throws StoreException when the database cannot be opened or migrated
   */
  public static Store open(String jdbcUrlOrNull, Path dataDir) {
    if (jdbcUrlOrNull == null || jdbcUrlOrNull.isBlank()) {
      Objects.requireNonNull(dataDir, "dataDir");
      try {
        Files.createDirectories(dataDir);
      } catch (IOException e) {
        throw new StoreException("cannot create data directory " + dataDir + ": " + e, e);
      }
      return SqliteStore.open("jdbc:sqlite:" + dataDir.resolve(DEFAULT_FILE_NAME).toAbsolutePath());
    }
    String url = jdbcUrlOrNull.trim();
    if (url.startsWith("jdbc:postgresql:")) {
      return PostgresStore.open(url);
    }
    if (url.startsWith("jdbc:sqlite:")) {
      return SqliteStore.open(url);
    }
    // Not echoing the URL: it may carry a password.
    throw new IllegalArgumentException(
        "unsupported database URL: expected jdbc:postgresql:... or jdbc:sqlite:...");
  }
}
