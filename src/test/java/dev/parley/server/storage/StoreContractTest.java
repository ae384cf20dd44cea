package dev.parley.server.storage;

import static dev.parley.server.storage.StoreFixtures.account;
import static dev.parley.server.storage.StoreFixtures.conversation;
import static dev.parley.server.storage.StoreFixtures.event;
import static dev.parley.server.storage.StoreFixtures.membership;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Store} engine keeps. Subclasses supply an empty database per test; the
 * per-feature tests come from the contract interfaces, the transaction rules are here.
 */
abstract class StoreContractTest
    implements AccountStoreContract,
        ConversationStoreContract,
        EventStoreContract,
        MediaStoreContract {

  private Store store;

  /** Prepares an empty database for this test. */
  protected abstract void createEmptyDatabase();

  /** Opens (again) the store on this test's database. */
  protected abstract Store openStore();

  /** Removes this test's database; the store is already closed. */
  protected abstract void dropDatabase();

  protected abstract String expectedEngine();

  /** Whether a running read transaction holds writers back (neither engine's does now). */
  protected abstract boolean readsBlockWrites();

  @BeforeEach
  void openEmptyStore() {
    createEmptyDatabase();
    store = openStore();
  }

  @AfterEach
  void closeAndDropStore() {
    if (store != null) {
      store.close();
      dropDatabase();
    }
  }

  @Override
  public Store store() {
    return store;
  }

  private void reopen() {
    store.close();
    store = openStore();
  }

  @Test
  void theStoreNamesItsEngine() {
    assertThat(store.engine()).isEqualTo(expectedEngine());
  }

  @Test
  void aWriteReturnsWhatItsWorkReturns() {
    String written = store.write(tx -> "done");
    int read = store.read(tx -> 42);

    assertThat(written).isEqualTo("done");
    assertThat(read).isEqualTo(42);
  }

  @Test
  void theFirstTimestampIsTheClockAndLastTimestampStartsAtZero() {
    assertThat(readNumber(StoreTransaction::lastTimestamp)).isZero();

    assertThat(writeNumber(tx -> tx.nextTimestamp(1_000))).isEqualTo(1_000);

    assertThat(readNumber(StoreTransaction::lastTimestamp)).isEqualTo(1_000);
  }

  @Test
  void timestampsStrictlyIncreaseEvenWhenTheClockStandsStillOrGoesBack() {
    List<Long> issued =
        write(
            tx -> List.of(tx.nextTimestamp(1_000), tx.nextTimestamp(1_000), tx.nextTimestamp(10)));
    long later = write(tx -> tx.nextTimestamp(5));
    long jump = write(tx -> tx.nextTimestamp(9_000));

    assertThat(issued).containsExactly(1_000L, 1_001L, 1_002L);
    assertThat(later).isEqualTo(1_003);
    assertThat(jump).isEqualTo(9_000);
  }

  @Test
  void theTimestampCounterSurvivesClosingAndReopening() {
    write(tx -> tx.nextTimestamp(5_000));

    reopen();

    assertThat(readNumber(StoreTransaction::lastTimestamp)).isEqualTo(5_000);
    assertThat(writeNumber(tx -> tx.nextTimestamp(1))).isEqualTo(5_001);
  }

  @Test
  void aRuntimeExceptionRollsEverythingBackAndIsRethrown() {
    IllegalStateException boom = new IllegalStateException("boom");

    assertThatThrownBy(
            () ->
                inWrite(
                    tx -> {
                      tx.nextTimestamp(7_000);
                      tx.insertAccount(account("1"));
                      tx.insertConversation(conversation("c"));
                      tx.upsertMembership(membership("c", "1", 1));
                      tx.insertEvent(event("e", "c", 7_000));
                      tx.insertDedup("1", "send", "cg", "e", 1);
                      throw boom;
                    }))
        .isSameAs(boom);

    assertThat(readNumber(StoreTransaction::lastTimestamp)).isZero();
    assertThat(list(StoreTransaction::accounts)).isEmpty();
    assertThat(find(tx -> tx.conversation("c"))).isEmpty();
    assertThat(find(tx -> tx.event("e"))).isEmpty();
    assertThat(find(tx -> tx.dedupResult("1", "send", "cg", 0))).isEmpty();
  }

  @Test
  void aFailedStatementRollsBackItsTransactionEvenWhenTheWorkCatchesIt() {
    inWrite(tx -> tx.insertAccount(account("1")));

    assertThatThrownBy(
            () ->
                inWrite(
                    tx -> {
                      tx.insertAccount(account("2"));
                      try {
                        tx.insertAccount(account("1"));
                      } catch (StoreException expected) {
                        // The caller carries on, but the transaction is doomed.
                      }
                    }))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("rolled back");

    assertThat(find(tx -> tx.account("2"))).isEmpty();
  }

  @Test
  void aReadTransactionCannotWrite() {
    assertThatThrownBy(
            () ->
                read(
                    tx -> {
                      tx.insertAccount(account("1"));
                      return null;
                    }))
        .isInstanceOf(StoreException.class);

    assertThat(list(StoreTransaction::accounts)).isEmpty();
    inWrite(tx -> tx.insertAccount(account("2")));
    assertThat(list(StoreTransaction::accounts)).hasSize(1);
  }

  @Test
  void transactionsDoNotNest() {
    assertThatThrownBy(() -> store.write(tx -> store.read(inner -> 1)))
        .isInstanceOf(IllegalStateException.class);

    assertThat(writeNumber(tx -> 1)).isEqualTo(1);
  }

  @Test
  void aTransactionCannotBeUsedAfterItsWorkReturned() {
    StoreTransaction leaked = store.read(tx -> tx);

    assertThatThrownBy(leaked::lastTimestamp).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void dataSurvivesClosingAndReopening() {
    inWrite(
        tx -> {
          tx.insertAccount(account("1"));
          tx.insertConversation(conversation("c"));
          tx.upsertMembership(membership("c", "1", 1));
          tx.insertEvent(event("e", "c", tx.nextTimestamp(100)));
          tx.insertRefreshToken(new RefreshToken("t", "1", 1));
          tx.insertSignInSession(new SignInSession("s", "p", "1", 1));
          tx.insertDedup("1", "send", "cg", "e", 1);
        });

    reopen();

    assertThat(find(tx -> tx.account("1"))).contains(account("1"));
    assertThat(find(tx -> tx.membership("c", "1"))).contains(membership("c", "1", 1));
    assertThat(find(tx -> tx.event("e"))).map(StoredEvent::timestamp).contains(100L);
    assertThat(find(tx -> tx.refreshToken("t"))).isPresent();
    assertThat(find(tx -> tx.signInSession("s"))).isPresent();
    assertThat(find(tx -> tx.dedupResult("1", "send", "cg", 0))).contains("e");
  }

  @Test
  void aClosedStoreRefusesWorkAndClosingTwiceIsHarmless() {
    store.close();
    store.close();

    assertThatThrownBy(() -> store.read(tx -> 1)).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> store.write(tx -> 1)).isInstanceOf(StoreException.class);
  }

  @Test
  void aReadSeesOneSnapshotWhileAWriterCommits() throws Exception {
    inWrite(tx -> tx.insertConversation(conversation("c")));
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      AtomicReference<Future<?>> commit = new AtomicReference<>();
      int seen =
          read(
              tx -> {
                long last = tx.lastTimestamp();
                commit.set(writer.submit(() -> inWrite(w -> writeEventAtNextTimestamp(w))));
                if (!readsBlockWrites()) {
                  awaitQuietly(commit.get());
                }
                assertThat(tx.lastTimestamp()).isEqualTo(last);
                return tx.eventsOldestFirst("c", 0, Long.MAX_VALUE, 100).size();
              });
      commit.get().get(30, TimeUnit.SECONDS);

      assertThat(seen).isZero();
      assertThat(list(tx -> tx.eventsOldestFirst("c", 0, Long.MAX_VALUE, 100))).hasSize(1);
    } finally {
      writer.shutdownNow();
    }
  }

  @Test
  void concurrentWritersCommitInTimestampOrderSoReadersNeverSeeGaps() throws Exception {
    inWrite(tx -> tx.insertConversation(conversation("c")));
    int writers = 4;
    int eventsPerWriter = 40;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    AtomicBoolean writing = new AtomicBoolean(true);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < eventsPerWriter; i++) {
                    inWrite(tx -> writeEventAtNextTimestamp(tx));
                  }
                }));
      }
      // Timestamps are 1, 2, 3...: a snapshot holding timestamp n holds exactly n events.
      Future<Integer> checks =
          pool.submit(
              () -> {
                int rounds = 0;
                while (writing.get() || rounds == 0) {
                  read(
                      tx -> {
                        long last = tx.lastTimestamp();
                        var events = tx.eventsOldestFirst("c", 0, Long.MAX_VALUE, 1_000);
                        assertThat(events).hasSize((int) last);
                        return null;
                      });
                  rounds++;
                }
                return rounds;
              });
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      writing.set(false);
      assertThat(checks.get(60, TimeUnit.SECONDS)).isPositive();
    } finally {
      writing.set(false);
      pool.shutdownNow();
    }

    var all = read(tx -> tx.eventsOldestFirst("c", 0, Long.MAX_VALUE, 1_000));
    assertThat(all).extracting(StoredEvent::timestamp).doesNotHaveDuplicates();
    assertThat(all).hasSize(writers * eventsPerWriter);
    assertThat(all.get(all.size() - 1).timestamp()).isEqualTo(writers * eventsPerWriter);
  }

  private static void writeEventAtNextTimestamp(StoreTransaction tx) {
    long ts = tx.nextTimestamp(0);
    tx.insertEvent(event("e" + ts, "c", ts));
  }

  private static void awaitQuietly(Future<?> future) {
    try {
      future.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the concurrent writer did not commit", e);
    }
  }
}
