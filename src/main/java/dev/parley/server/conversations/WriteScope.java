package dev.parley.server.conversations;

import dev.parley.server.storage.Store;
import dev.parley.server.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One write transaction that may take event timestamps and queue pushes. Pushes run only after the
 * commit (persist before you acknowledge) and in timestamp order across threads.
 *
 * <p>A push is prepared (built and encoded) after the commit on the writing thread, outside every
 * lock; only its publication, which queues the encoded text, runs in the ledger's ordered section.
 *
 * <p>Take the first timestamp before writing anything else: on PostgreSQL the counter is a row lock
 * held to the commit, and a writer that locked other rows first could deadlock another.
 */
public final class WriteScope {
  private final StoreTransaction tx;
  private final TimestampLedger ledger;
  private final List<Long> issued = new ArrayList<>();
  private final List<Supplier<Runnable>> publications = new ArrayList<>();

  private WriteScope(StoreTransaction tx, TimestampLedger ledger) {
    this.tx = tx;
    this.ledger = ledger;
  }

  /** Runs {@code work} in a write transaction, then publishes what it queued. */
  public static <T> T run(Store store, TimestampLedger ledger, Function<WriteScope, T> work) {
    List<WriteScope> scopeHolder = new ArrayList<>(1);
    T result;
    try {
      result =
          store.write(
              tx -> {
                WriteScope scope = new WriteScope(tx, ledger);
                scopeHolder.clear();
                scopeHolder.add(scope);
                return work.apply(scope);
              });
    } catch (RuntimeException e) {
      if (!scopeHolder.isEmpty()) {
        ledger.settle(scopeHolder.get(0).issued, null);
      }
      throw e;
    }
    WriteScope scope = scopeHolder.get(0);
    List<Runnable> toRun = new ArrayList<>(scope.publications.size());
    try {
      for (Supplier<Runnable> preparation : scope.publications) {
        toRun.add(preparation.get());
      }
    } finally {
      // Settle even if a preparation failed: the timestamps must not stay in flight.
      ledger.settle(scope.issued, toRun.isEmpty() ? null : () -> toRun.forEach(Runnable::run));
    }
    return result;
  }

  public StoreTransaction tx() {
    return tx;
  }

  /** The next server-wide timestamp, in flight until this scope ends. */
  public long timestamp(long nowMicros) {
    long ts = ledger.issue(tx, nowMicros);
    issued.add(ts);
    return ts;
  }

  /** Queues work (pushes) to run after the commit. */
  public void afterCommit(Runnable publication) {
    publications.add(() -> publication);
  }

  /**
   * Queues a push to prepare after the commit, outside any lock: {@code preparation} runs on this
   * thread once the transaction committed and returns the publication, which runs in timestamp
   * order like {@link #afterCommit}'s.
   */
  public void afterCommitPrepared(Supplier<Runnable> preparation) {
    publications.add(preparation);
  }
}
