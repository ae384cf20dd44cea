package dev.parley.server.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The transaction discipline both engines share; subclasses only say how a connection is borrowed.
 *
 * <p>Rules beyond {@link Store}'s contract, the same on both engines:
 *
 * <ul>
 *   <li>Transactions do not nest: {@code write} or {@code read} inside a {@code Work} on the same
 *       thread throws {@link IllegalStateException} (on SQLite the inner commit would commit the
 *       outer transaction's half-done work).
 *   <li>A statement that fails dooms its transaction (PostgreSQL aborts it anyway): later calls on
 *       it throw, and the transaction rolls back even if the {@code Work} caught the exception.
 *   <li>{@code updateAccount}, {@code updateConversation} and {@code updateMedia} of a row that
 *       does not exist throw {@link StoreException}.
 *   <li>A {@link StoreTransaction} is dead once its {@code Work} returns; keeping it is a bug.
 * </ul>
 */
abstract class JdbcStore implements Store {

  /** Runs against a borrowed connection; the store commits or rolls back around it. */
  @FunctionalInterface
  interface ConnectionWork<T> {
    T run(Connection connection);
  }

  private final Dialect dialect;
  private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);
  private final AtomicBoolean closed = new AtomicBoolean();

  JdbcStore(Dialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public final <T> T write(Work<T> work) {
    return transaction(false, work);
  }

  @Override
  public final <T> T read(Work<T> work) {
    return transaction(true, work);
  }

  @Override
  public final String engine() {
    return dialect.engine();
  }

  @Override
  public final void close() {
    if (closed.compareAndSet(false, true)) {
      release();
    }
  }

  /**
   * Borrows a connection for one transaction (read-only and one snapshot when {@code readOnly}),
   * runs {@code work} on it and gives the connection back. Must call {@link #ensureOpen()} once it
   * holds whatever {@link #release()} waits for.
   */
  protected abstract <T> T withConnection(boolean readOnly, ConnectionWork<T> work);

  /** Closes connections; called once, by {@link #close()}. */
  protected abstract void release();

  protected final boolean isClosed() {
    return closed.get();
  }

  protected final void ensureOpen() {
    if (closed.get()) {
      throw new StoreException(engine() + " store is closed");
    }
  }

  /** Brings the schema up to date; run once when the store opens. */
  protected static void migrate(DataSource dataSource, Dialect dialect) {
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations(dialect.migrations())
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException(
          "could not migrate the " + dialect.engine() + " schema: " + e.getMessage(), e);
    }
  }

  private <T> T transaction(boolean readOnly, Work<T> work) {
    Objects.requireNonNull(work, "work");
    if (inTransaction.get()) {
      throw new IllegalStateException(
          "transactions do not nest: do all the work in the transaction already running");
    }
    inTransaction.set(true);
    try {
      return readOnly
          ? withConnection(true, connection -> run(connection, true, work))
          : runWrite(work);
    } finally {
      inTransaction.remove();
    }
  }

  /**
   * Runs a write transaction: by default alone, on a connection from {@link #withConnection}.
   * SQLite overrides this to commit concurrent writes together ({@link GroupCommit}).
   */
  protected <T> T runWrite(Work<T> work) {
    return withConnection(false, connection -> run(connection, false, work));
  }

  /**
   * Makes the calling thread count as inside a transaction for good: for a thread that only runs
   * other threads' {@code Work}, so a {@code Work} that opens a transaction fails as it would on
   * its own thread.
   */
  protected final void runsOnlyTransactions() {
    inTransaction.set(true);
  }

  /** A transaction over {@code connection}, which the caller begins and ends. */
  final JdbcTransaction newTransaction(Connection connection) {
    return new JdbcTransaction(connection, dialect, statementsOf(connection));
  }

  /**
   * The statements kept open on {@code connection}, or null to prepare and close each one (the
   * default; PostgreSQL's driver caches server-side statements by itself).
   */
  protected StatementCache statementsOf(Connection connection) {
    return null;
  }

  private <T> T run(Connection connection, boolean readOnly, Work<T> work) {
    JdbcTransaction tx = newTransaction(connection);
    T result;
    try {
      result = work.run(tx);
    } catch (Throwable t) {
      tx.end();
      rollback(connection, t);
      throw t;
    }
    tx.end();
    if (tx.failure() != null) {
      StoreException failure =
          new StoreException(
              engine() + " transaction rolled back: a statement in it failed", tx.failure());
      rollback(connection, failure);
      throw failure;
    }
    try {
      if (readOnly) {
        connection.rollback();
      } else {
        connection.commit();
      }
    } catch (SQLException e) {
      StoreException failure =
          new StoreException(engine() + " commit failed: " + e.getMessage(), e);
      rollback(connection, failure);
      throw failure;
    }
    return result;
  }

  static void rollback(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }
}
