package dev.parley.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Persist before you acknowledge: a child JVM writes to SQLite and reports each commit; after a
 * SIGKILL every reported commit must still be in the file.
 */
class CrashSafeSqliteStoreTest {

  private static final int COMMITS_BEFORE_KILL = 300;

  @TempDir Path dataDir;
  @TempDir Path logDir;

  @Test
  void everyCommitReportedBeforeSigkillIsStillThereAfterReopening() throws Exception {
    Path stderr = logDir.resolve("writer.err");
    Process writer =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SqliteCrashWriter.class.getName(),
                dataDir.toString())
            .redirectError(stderr.toFile())
            .start();
    List<Integer> committed = new CopyOnWriteArrayList<>();
    CountDownLatch enough = new CountDownLatch(COMMITS_BEFORE_KILL);
    Thread reader = new Thread(() -> collect(writer, committed, enough), "crash-writer-stdout");
    reader.start();
    try {
      boolean reached = enough.await(90, TimeUnit.SECONDS);
      assertThat(reached)
          .as("commits reported before the deadline; writer stderr:%n%s", read(stderr))
          .isTrue();
    } finally {
      writer.destroyForcibly();
      assertThat(writer.waitFor(30, TimeUnit.SECONDS)).as("writer died").isTrue();
      reader.join(TimeUnit.SECONDS.toMillis(30));
    }
    assertThat(reader.isAlive()).as("stdout reader finished").isFalse();
    assertThat(writer.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

    try (Store store = Stores.open(null, dataDir)) {
      store.read(
          tx -> {
            for (int id : committed) {
              assertThat(tx.account("a" + id)).as("account a%d", id).isPresent();
              assertThat(tx.event("e" + id)).as("event e%d", id).isPresent();
            }
            return null;
          });
      long newest = store.read(StoreTransaction::lastTimestamp);
      long next = store.write(tx -> tx.nextTimestamp(0));
      assertThat(next).isGreaterThan(newest);
    }
    assertThat(committed).hasSizeGreaterThanOrEqualTo(COMMITS_BEFORE_KILL);
  }

  private static void collect(Process writer, List<Integer> committed, CountDownLatch enough) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith(SqliteCrashWriter.COMMITTED)) {
          committed.add(Integer.parseInt(line.substring(SqliteCrashWriter.COMMITTED.length())));
          enough.countDown();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "(none)";
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
