package dev.parley.server.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs every write transaction of a single-writer database on one thread, and commits the writes
 * that queued up meanwhile together (group commit): one commit, so one write of the hot pages to
 * the journal, for a whole batch, and no hand-over of a lock between request threads.
 *
 * <p>Each {@code Work} runs under its own savepoint, so a {@code Work} that throws, or whose
 * statement failed, is rolled back alone and its caller gets the failure at once; the others in the
 * batch go on. Callers get their results only after the batch committed (persist before you
 * acknowledge); if the commit fails, every caller in the batch gets the failure. Works run in the
 * order they were submitted, so writers that take timestamps still commit in timestamp order.
 */
final class GroupCommit {
  /** The most writes one commit takes. */
  static final int MAX_BATCH = 64;

  private static final Job<?> STOP = new Job<>(tx -> null);

  private final JdbcStore store;
  private final Connection connection;
  private final BooleanSupplier closed;
  private final LinkedBlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;

  /** One submitted {@code Work} and what became of it. */
  private static final class Job<T> {
    final Store.Work<T> work;
    final CompletableFuture<T> outcome = new CompletableFuture<>();

    Job(Store.Work<T> work) {
      this.work = work;
    }
  }

  /** A run {@code Work} whose result waits for the commit. */
  private record Done<T>(Job<T> job, T result) {
    void complete() {
      job.outcome.complete(result);
    }
  }

  /**
   * @param store the store the writes belong to (for its transactions and engine name)
   * @param connection the write connection, in manual-commit mode; used only by this writer's
   *     thread
   * @param closed true once the store is closing: queued writes then fail instead of running
   */
  GroupCommit(JdbcStore store, Connection connection, BooleanSupplier closed, String threadName) {
    this.store = store;
    this.connection = connection;
    this.closed = closed;
    this.thread = new Thread(this::loop, threadName);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Runs {@code work} on the writer thread and returns once its batch committed. */
  <T> T submit(Store.Work<T> work) {
    Job<T> job = new Job<>(work);
    queue.add(job);
    if (closed.getAsBoolean() && queue.remove(job)) {
      throw closedException();
    }
    try {
      return job.outcome.join(); // waits through interrupts, as a lock would
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new StoreException(store.engine() + " write failed: " + cause, cause);
    }
  }

  /** Lets the writes already running finish, fails the queued ones and stops the thread. */
  void stop() {
    queue.add(STOP);
    if (Thread.currentThread() == thread) {
      return;
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(1));
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    store.runsOnlyTransactions();
    List<Job<?>> batch = new ArrayList<>(MAX_BATCH);
    boolean stopping = false;
    while (!stopping) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        continue; // only stop() ends the writer
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      stopping = batch.remove(STOP);
      if (closed.getAsBoolean()) {
        batch.forEach(job -> job.outcome.completeExceptionally(closedException()));
      } else {
        runBatch(batch);
      }
      batch.clear();
    }
    List<Job<?>> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(job -> job.outcome.completeExceptionally(closedException()));
  }

  private void runBatch(List<Job<?>> batch) {
    List<Done<?>> pending = new ArrayList<>(batch.size());
    for (Job<?> job : batch) {
      try {
        Done<?> done = runUnderSavepoint(job);
        if (done != null) {
          pending.add(done);
        }
      } catch (SQLException e) {
        // The savepoint itself failed: the transaction is in an unknown state. Roll it all back,
        // fail what ran in it, and go on with the rest of the batch in a new transaction.
        StoreException failure =
            new StoreException(store.engine() + " savepoint failed: " + e.getMessage(), e);
        JdbcStore.rollback(connection, failure);
        job.outcome.completeExceptionally(failure);
        pending.forEach(done -> done.job().outcome.completeExceptionally(failure));
        pending.clear();
      }
    }
    if (pending.isEmpty()) {
      JdbcStore.rollback(connection, new StoreException("nothing to commit"));
      return;
    }
    try {
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      StoreException failure =
          new StoreException(store.engine() + " commit failed: " + e.getMessage(), e);
      JdbcStore.rollback(connection, failure);
      pending.forEach(done -> done.job().outcome.completeExceptionally(failure));
      return;
    }
    pending.forEach(Done::complete);
  }

  /**
   * Runs one job under a savepoint; returns it with its result, or null if it failed (and was
   * rolled back to the savepoint, and its caller told).
   */
  private <T> Done<T> runUnderSavepoint(Job<T> job) throws SQLException {
    execute("SAVEPOINT parley_write");
    JdbcTransaction tx = store.newTransaction(connection);
    T result = null;
    Throwable failure = null;
    try {
      result = job.work.run(tx);
    } catch (Throwable t) {
      failure = t;
    }
    tx.end();
    if (failure == null && tx.failure() != null) {
      failure =
          new StoreException(
              store.engine() + " transaction rolled back: a statement in it failed", tx.failure());
    }
    if (failure != null) {
      execute("ROLLBACK TO parley_write");
    }
    execute("RELEASE parley_write");
    if (failure != null) {
      job.outcome.completeExceptionally(failure);
      return null;
    }
    return new Done<>(job, result);
  }

  private void execute(String sql) throws SQLException {
    StatementCache cache = store.statementsOf(connection);
    if (cache == null) {
      try (Statement s = connection.createStatement()) {
        s.execute(sql);
      }
      return;
    }
    try {
      cache.get(sql).execute();
    } catch (SQLException e) {
      cache.discard(sql);
      throw e;
    }
  }

  private StoreException closedException() {
    return new StoreException(store.engine() + " store is closed");
  }
}
