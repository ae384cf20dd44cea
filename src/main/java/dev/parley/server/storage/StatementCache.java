package dev.parley.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepared statements kept open on one connection, by SQL text: on SQLite, preparing a statement
 * costs about as much as running it, and the server runs the same few dozen statements all day.
 * Used by one thread at a time, as its connection is; the least recently used statement is closed
 * beyond {@link #MAX_STATEMENTS}.
 */
final class StatementCache implements AutoCloseable {
  static final int MAX_STATEMENTS = 128;

  private final Connection connection;
  private final Map<String, PreparedStatement> statements =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
          if (size() <= MAX_STATEMENTS) {
            return false;
          }
          closeQuietly(eldest.getValue());
          return true;
        }
      };

  StatementCache(Connection connection) {
    this.connection = connection;
  }

  /** The statement for {@code sql}, prepared on first use; the caller must not close it. */
  PreparedStatement get(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  /** Forgets and closes the statement for {@code sql}, after it failed. */
  void discard(String sql) {
    PreparedStatement statement = statements.remove(sql);
    if (statement != null) {
      closeQuietly(statement);
    }
  }

  @Override
  public void close() {
    statements.values().forEach(StatementCache::closeQuietly);
    statements.clear();
  }

  private static void closeQuietly(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException e) {
      // Closing the connection frees it anyway.
    }
  }
}
