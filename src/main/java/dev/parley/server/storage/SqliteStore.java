package dev.parley.server.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The default engine: one SQLite file in WAL mode with {@code synchronous=NORMAL}, so a committed
 * transaction survives the process being killed. Every transaction, read or write, runs on one
 * connection under one lock: SQLite has a single writer anyway, and a reader holding the lock sees
 * one snapshot for free.
 */
final class SqliteStore extends JdbcStore {

  private static final int BUSY_TIMEOUT_MILLIS = 10_000;

  private final ReentrantLock lock = new ReentrantLock(true);
  private final Connection connection;

  private SqliteStore(Connection connection) {
    super(Dialect.SQLITE);
    this.connection = connection;
  }

  /** Opens (creating if needed) and migrates the database at a {@code jdbc:sqlite:} URL. */
  static SqliteStore open(String url) {
    if (url.contains(":memory:") || url.contains("mode=memory")) {
      // Flyway would migrate a different, throwaway in-memory database.
      throw new IllegalArgumentException("in-memory SQLite is not supported; use a file");
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl(url);
    migrate(dataSource, Dialect.SQLITE);
    try {
      Connection connection = dataSource.getConnection();
      connection.setAutoCommit(false);
      return new SqliteStore(connection);
    } catch (SQLException e) {
      throw new StoreException("could not open SQLite database: " + e.getMessage(), e);
    }
  }

  @Override
  protected <T> T withConnection(boolean readOnly, ConnectionWork<T> work) {
    lock.lock();
    try {
      ensureOpen();
      if (!readOnly) {
        return work.run(connection);
      }
      // query_only makes a write inside read() fail here as it does on PostgreSQL.
      pragma("PRAGMA query_only = ON");
      try {
        return work.run(connection);
      } finally {
        pragma("PRAGMA query_only = OFF");
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  protected void release() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("could not close SQLite database: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  private void pragma(String statement) {
    try (Statement s = connection.createStatement()) {
      s.execute(statement);
    } catch (SQLException e) {
      throw new StoreException("sqlite " + statement + " failed: " + e.getMessage(), e);
    }
  }
}
