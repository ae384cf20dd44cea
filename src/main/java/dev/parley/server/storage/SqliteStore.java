package dev.parley.server.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The default engine: one SQLite file in WAL mode with {@code synchronous=NORMAL}. In that mode a
 * commit appends the transaction to the WAL file with an ordinary write and syncs only at
 * checkpoints, so a committed transaction survives the server process being killed ({@code kill
 * -9}, a crash) but not necessarily the machine losing power; that is the durability promised
 * (docs/decisions.md). Write transactions run on one connection on one writer thread that commits
 * the writes queued meanwhile together ({@link GroupCommit}); SQLite has a single writer anyway,
 * and a caller still gets its result only after its write committed. Read transactions run on a
 * small pool of {@code query_only} connections on the callers' threads: in WAL mode readers do not
 * block the writer nor it them, and a read transaction (a deferred {@code BEGIN}, which the driver
 * issues after every commit or rollback) reads one snapshot, taken at its first statement.
 */
final class SqliteStore extends JdbcStore {

  private static final int BUSY_TIMEOUT_MILLIS = 10_000;
  static final int READ_CONNECTIONS = 3;

  private final Connection connection;
  private final GroupCommit writer;

  /** Each connection's open statements; fixed at construction, so read without a lock. */
  private final Map<Connection, StatementCache> statements = new IdentityHashMap<>();

  private final BlockingQueue<Connection> readers;
  private final int readerCount;

  private SqliteStore(Connection connection, List<Connection> readers) {
    super(Dialect.SQLITE);
    this.connection = connection;
    statements.put(connection, new StatementCache(connection));
    readers.forEach(reader -> statements.put(reader, new StatementCache(reader)));
    this.writer = new GroupCommit(this, connection, this::isClosed, "parley-sqlite-writer");
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
  protected StatementCache statementsOf(Connection c) {
    return statements.get(c);
  }

  @Override
  protected <T> T runWrite(Work<T> work) {
    ensureOpen();
    return writer.submit(work);
  }

  @Override
  protected <T> T withConnection(boolean readOnly, ConnectionWork<T> work) {
    if (!readOnly) {
      throw new IllegalStateException("writes go through the group commit");
    }
    return withReader(work);
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
    writer.stop(); // waits for the batch running, if any
    statements.get(connection).close();
    try {
      connection.close();
    } catch (SQLException e) {
      failure = new StoreException("could not close SQLite database: " + e.getMessage(), e);
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
      statements.get(reader).close();
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
