package dev.parley.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL behind a small HikariCP pool. Writes run READ COMMITTED and serialise on the timestamp
 * counter row ({@link StoreTransaction#nextTimestamp} updates it), so writers that take timestamps
 * commit in timestamp order; to avoid deadlocks, take the timestamp before touching other rows.
 * Reads run REPEATABLE READ READ ONLY: one snapshot, so {@code lastTimestamp()} and the events read
 * with it agree.
 */
final class PostgresStore extends JdbcStore {

  private static final int POOL_SIZE = 8;

  private final HikariDataSource pool;

  private PostgresStore(HikariDataSource pool) {
    super(Dialect.POSTGRESQL);
    this.pool = pool;
  }

  /** Connects to and migrates the database at a {@code jdbc:postgresql:} URL. */
  static PostgresStore open(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("parley-postgresql");
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(2);
    config.setAutoCommit(false);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("could not connect to PostgreSQL: " + e.getMessage(), e);
    }
    try {
      migrate(pool, Dialect.POSTGRESQL);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new PostgresStore(pool);
  }

  @Override
  protected <T> T withConnection(boolean readOnly, ConnectionWork<T> work) {
    ensureOpen();
    try (Connection connection = pool.getConnection()) {
      if (readOnly) {
        // The first statement of the transaction, so it fixes the snapshot's rules.
        try (Statement s = connection.createStatement()) {
          s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
      }
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException("postgresql connection failed: " + e.getMessage(), e);
    }
  }

  @Override
  protected void release() {
    pool.close();
  }
}
