package dev.parley.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite, plus what only SQLite has: the file and its journal mode. */
class SqliteStoreTest extends StoreContractTest {

  @TempDir Path dataDir;

  @Override
  protected void createEmptyDatabase() {
    // A fresh @TempDir per test is empty already.
  }

  @Override
  protected Store openStore() {
    return Stores.open(null, dataDir);
  }

  @Override
  protected void dropDatabase() {
    // @TempDir removes the file.
  }

  @Override
  protected String expectedEngine() {
    return "sqlite";
  }

  @Override
  protected boolean readsBlockWrites() {
    return false; // reads run on their own WAL connections
  }

  @Test
  void withoutAUrlTheStoreIsOneFileInTheDataDirectoryInWalMode() throws Exception {
    inWrite(tx -> tx.nextTimestamp(1));

    Path file = dataDir.resolve("parley.db");
    assertThat(file).exists();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void aSqliteUrlOpensTheFileItNamesAndCreatesNothingInTheDataDirectory(@TempDir Path other)
      throws Exception {
    Path file = other.resolve("elsewhere.db");
    try (Store elsewhere = Stores.open("jdbc:sqlite:" + file, other.resolve("unused"))) {
      elsewhere.write(tx -> tx.nextTimestamp(77));
    }
    try (Store again = Stores.open("jdbc:sqlite:" + file, null)) {
      assertThat(again.read(StoreTransaction::lastTimestamp)).isEqualTo(77);
    }
    assertThat(Files.exists(other.resolve("unused"))).isFalse();
  }

  @Test
  void theDataDirectoryIsCreatedWhenMissing(@TempDir Path other) {
    Path nested = other.resolve("a/b");
    try (Store created = Stores.open(null, nested)) {
      assertThat(created.engine()).isEqualTo("sqlite");
    }
    assertThat(nested.resolve("parley.db")).exists();
  }

  @Test
  void anUnknownUrlOrAnInMemoryDatabaseIsRefused() {
    assertThatThrownBy(() -> Stores.open("jdbc:mysql://localhost/parley", dataDir))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Stores.open("jdbc:sqlite::memory:", dataDir))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
