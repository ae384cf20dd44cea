package dev.parley.server.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The default engine: one SQLite file in WAL mode with {@code synchronous=NORMAL}, so a committed
 * transaction survives the process being killed. Write transactions run on one connection under one
 * lock (SQLite has a single writer anyway). Read transactions run on a small pool of {@code
 * query_only} connections without that lock: in WAL mode readers do not block the writer nor it
 * them, and a read transaction (a deferred {@code BEGIN}, which the driver issues after every
 * commit or rollback) reads one snapshot, taken at its first statement.
 */
final class SqliteStore extends JdbcStore {

  private static final int BUSY_TIMEOUT_MILLIS = 10_000;
  static final int READ_CONNECTIONS = 3;

  private final ReentrantLock lock = new ReentrantLock(true);
  private final Connection connection;
  private final BlockingQueue<Connection> readers;
  private final int readerCount;

  private SqliteStore(Connection connection, List<Connection> readers) {
    super(Dialect.SQLITE);
    this.connection = connection;
    this.readers = new ArrayBlockingQueue<>(readers.size());
    this.readers.addAll(readers);
    this.readerCount = readers.size();
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
    List<Connection> opened = new ArrayList<>();
    try {
      Connection connection = dataSource.getConnection();
      opened.add(connection);
      connection.setAutoCommit(false);
      List<Connection> readers = new ArrayList<>();
      for (int i = 0; i < READ_CONNECTIONS; i++) {
        Connection reader = dataSource.getConnection();
        opened.add(reader);
        // query_only makes a write inside read() fail here as it does on PostgreSQL.
        try (Statement s = reader.createStatement()) {
          s.execute("PRAGMA query_only = ON");
        }
        reader.setAutoCommit(false);
        readers.add(reader);
      }
      return new SqliteStore(connection, readers);
    } catch (SQLException e) {
      for (Connection c : opened) {
        try {
          c.close();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw new StoreException("could not open SQLite database: " + e.getMessage(), e);
    }
  }

  @Override
  protected <T> T withConnection(boolean readOnly, ConnectionWork<T> work) {
    if (readOnly) {
      return withReader(work);
    }
    lock.lock();
    try {
      ensureOpen();
      return work.run(connection);
    } finally {
      lock.unlock();
    }
  }

  private <T> T withReader(ConnectionWork<T> work) {
    Connection reader;
    try {
      // release() takes every reader back; once closed, waiting ends here.
      while ((reader = readers.poll(50, TimeUnit.MILLISECONDS)) == null) {
        ensureOpen();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted waiting for a SQLite read connection", e);
    }
    try {
      ensureOpen();
      return work.run(reader);
    } finally {
      readers.add(reader);
    }
  }

  @Override
  protected void release() {
    StoreException failure = null;
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      failure = new StoreException("could not close SQLite database: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
    boolean interrupted = false;
    for (int i = 0; i < readerCount; i++) {
      Connection reader = null;
      while (reader == null) {
        try {
          reader = readers.take(); // waits for a read transaction still running
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      try {
        reader.close();
      } catch (SQLException e) {
        if (failure == null) {
          failure = new StoreException("could not close SQLite database: " + e.getMessage(), e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
  }
}
