package dev.parley.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs statements for one transaction: binds parameters, maps rows, turns {@link SQLException} into
 * {@link StoreException}, and remembers the first failure, which dooms the transaction.
 */
final class Sql {

  private final Connection connection;
  private final Dialect dialect;
  private final StatementCache cache; // null: prepare and close each statement
  private boolean ended;
  private StoreException failure;

  Sql(Connection connection, Dialect dialect, StatementCache cache) {
    this.connection = connection;
    this.dialect = dialect;
    this.cache = cache;
  }

  <T> Optional<T> one(String sql, Rows.Mapper<T> mapper, Object... params) {
    List<T> rows = list(sql, mapper, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  <T> List<T> list(String sql, Rows.Mapper<T> mapper, Object... params) {
    ensureUsable();
    if (hasNul(params)) {
      // No stored text holds U+0000 (PostgreSQL text cannot), so nothing can match; PostgreSQL
      // would fail the statement instead, and SQLite's LIKE would stop comparing at the NUL.
      return List.of();
    }
    PreparedStatement ps = null;
    try {
      ps = prepare(sql);
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(mapper.map(rs));
        }
        return rows;
      }
    } catch (SQLException e) {
      discard(sql);
      throw fail(sql, e);
    } finally {
      done(ps);
    }
  }

  /** Runs an INSERT, UPDATE or DELETE; returns how many rows it touched. */
  int update(String sql, Object... params) {
    ensureUsable();
    PreparedStatement ps = null;
    try {
      ps = prepare(sql);
      bind(ps, params);
      return ps.executeUpdate();
    } catch (SQLException e) {
      discard(sql);
      throw fail(sql, e);
    } finally {
      done(ps);
    }
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    return cache != null ? cache.get(sql) : connection.prepareStatement(sql);
  }

  /** After a failure: a cached statement may be in any state, so it is not used again. */
  private void discard(String sql) {
    if (cache != null) {
      cache.discard(sql);
    }
  }

  private void done(PreparedStatement ps) {
    if (ps == null) {
      return;
    }
    try {
      if (cache == null) {
        ps.close();
      } else {
        ps.clearParameters(); // so a cached statement holds no caller's values
      }
    } catch (SQLException e) {
      // The statement is closed or discarded; nothing to undo.
    }
  }

  /** An update of one row by its id; a missing row is a caller bug worth hearing about. */
  void updateOne(String what, String sql, Object... params) {
    if (update(sql, params) == 0) {
      throw fail(new StoreException("no " + what + " to update"));
    }
  }

  void end() {
    ended = true;
  }

  StoreException failure() {
    return failure;
  }

  private void ensureUsable() {
    if (ended) {
      throw new IllegalStateException("this transaction is over; use it only inside its Work");
    }
    if (failure != null) {
      throw new StoreException("an earlier statement in this transaction failed", failure);
    }
  }

  private StoreException fail(String sql, SQLException e) {
    String statement = sql.length() > 60 ? sql.substring(0, 60) + "..." : sql;
    return fail(
        new StoreException(
            dialect.engine() + " statement failed (" + statement + "): " + e.getMessage(), e));
  }

  private StoreException fail(StoreException e) {
    failure = e;
    return e;
  }

  private static boolean hasNul(Object[] params) {
    for (Object p : params) {
      if (p instanceof String s && s.indexOf('\u0000') >= 0) {
        return true;
      }
    }
    return false;
  }

  private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      int index = i + 1;
      if (p == null) {
        ps.setNull(index, Types.NULL);
      } else if (p instanceof String s) {
        ps.setString(index, s);
      } else if (p instanceof Long l) {
        ps.setLong(index, l);
      } else if (p instanceof Integer n) {
        ps.setInt(index, n);
      } else if (p instanceof Boolean b) {
        ps.setBoolean(index, b);
      } else if (p instanceof byte[] bytes) {
        ps.setBytes(index, bytes);
      } else {
        throw new IllegalArgumentException("cannot bind a " + p.getClass().getName());
      }
    }
  }
}
