package dev.parley.server.storage;

import static dev.parley.server.storage.StoreFixtures.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
  void writesQueuedBehindARunningOneCommitTogetherAndOnlyTheFailedOnesRollBack() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    IllegalStateException boom = new IllegalStateException("boom");
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try {
      Future<?> blocker =
          pool.submit(
              () ->
                  inWrite(
                      tx -> {
                        tx.insertAccount(account("0"));
                        running.countDown();
                        awaitQuietly(release);
                      }));
      assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
      Future<?> first = pool.submit(() -> inWrite(tx -> tx.insertAccount(account("1"))));
      Future<?> throwing =
          pool.submit(
              () ->
                  inWrite(
                      tx -> {
                        tx.insertAccount(account("2"));
                        throw boom;
                      }));
      Future<?> failedStatement =
          pool.submit(
              () ->
                  inWrite(
                      tx -> {
                        tx.insertAccount(account("3"));
                        try {
                          tx.insertAccount(account("1")); // or "0": taken either way
                          tx.insertAccount(account("0"));
                        } catch (StoreException expected) {
                          // doomed all the same
                        }
                      }));
      Future<?> last = pool.submit(() -> inWrite(tx -> tx.insertAccount(account("4"))));
      Thread.sleep(200); // let them queue behind the blocker, so they share one commit
      release.countDown();

      blocker.get(10, TimeUnit.SECONDS);
      first.get(10, TimeUnit.SECONDS);
      last.get(10, TimeUnit.SECONDS);
      assertThatThrownBy(() -> throwing.get(10, TimeUnit.SECONDS)).hasCauseReference(boom);
      assertThatThrownBy(() -> failedStatement.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(StoreException.class);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }

    assertThat(list(StoreTransaction::accounts))
        .extracting(Account::id)
        .containsExactlyInAnyOrder("0", "1", "4");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void anUnknownUrlOrAnInMemoryDatabaseIsRefused() {
    assertThatThrownBy(() -> Stores.open("jdbc:mysql://localhost/parley", dataDir))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Stores.open("jdbc:sqlite::memory:", dataDir))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
