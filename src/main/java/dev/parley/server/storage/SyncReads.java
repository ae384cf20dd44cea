package dev.parley.server.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Set-at-a-time reads for {@code syncallnewevents}, which otherwise costs one statement per
 * conversation and per participant on every page: an account's conversations with their change
 * times in one statement, its events in server-wide time order across all of them, and records by
 * many ids at once. Plain SQL that runs unchanged on SQLite and PostgreSQL, over the transaction's
 * own connection, so it reads the same snapshot as the {@link StoreTransaction} it is given.
 *
 * <p>Kept apart from {@link StoreTransaction} only so the catch-up work did not touch the storage
 * interface; they belong there should another reader want them.
 */
public final class SyncReads {
  /** Ids per {@code IN (...)} list; well below every engine's limit on bound parameters. */
  static final int IDS_PER_STATEMENT = 512;

  private static final String EVENT_COLUMNS = prefixed("e.", Rows.EVENT);

  /** The events an account may see: after its deletion bound and, once it left, up to leaving. */
  private static final String VISIBLE_EVENTS =
      " FROM memberships m JOIN events e ON e.conversation_id = m.conversation_id"
          + " WHERE m.account_id = ? AND e.event_timestamp > ? AND e.event_timestamp <= ?"
          + " AND e.event_timestamp > m.deleted_up_to"
          + " AND (m.left_at = 0 OR e.event_timestamp <= m.left_at)";

  private SyncReads() {}

  /**
   * One of an account's memberships with what tells whether anything changed: the membership's and
   * the conversation's {@code modifiedAt}.
   */
  public record Touch(
      String conversationId,
      long leftAt,
      long deletedUpTo,
      long membershipModifiedAt,
      long conversationModifiedAt) {

    public boolean isCurrent() {
      return leftAt == 0;
    }
  }

  /** Every membership of the account, current and former, with its conversation's change time. */
  public static List<Touch> touches(StoreTransaction tx, String accountId) {
    return sql(tx)
        .list(
            "SELECT m.conversation_id, m.left_at, m.deleted_up_to, m.modified_at, c.modified_at"
                + " FROM memberships m JOIN conversations c ON c.id = m.conversation_id"
                + " WHERE m.account_id = ? ORDER BY m.joined_at, m.conversation_id",
            rs ->
                new Touch(
                    rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
            accountId);
  }

  /**
   * The first {@code limit} events, oldest first across all the account's conversations, with
   * {@code after < timestamp <= upTo} that the account may see (see {@link #VISIBLE_EVENTS}). Finds
   * the newest timestamp of the batch from the index alone, then reads only those rows.
   */
  public static List<StoredEvent> eventsOf(
      StoreTransaction tx, String accountId, long after, long upTo, int limit) {
    Sql sql = sql(tx);
    List<Long> timestamps =
        sql.list(
            "SELECT e.event_timestamp" + VISIBLE_EVENTS + " ORDER BY e.event_timestamp LIMIT ?",
            rs -> rs.getLong(1),
            accountId,
            after,
            upTo,
            Math.max(0, limit));
    if (timestamps.isEmpty()) {
      return List.of();
    }
    long last = timestamps.get(timestamps.size() - 1);
    return sql.list(
        "SELECT " + EVENT_COLUMNS + VISIBLE_EVENTS + " ORDER BY e.event_timestamp, e.event_id",
        Rows::event,
        accountId,
        after,
        last);
  }

  /** Conversations by id; ids not found are left out. */
  public static Map<String, ConversationRecord> conversations(
      StoreTransaction tx, Collection<String> ids) {
    Map<String, ConversationRecord> found = new HashMap<>();
    for (ConversationRecord c :
        byIds(
            tx,
            "SELECT " + Rows.CONVERSATION + " FROM conversations WHERE id",
            "",
            ids,
            Rows::conversation)) {
      found.put(c.id(), c);
    }
    return found;
  }

  /** A membership with the member's display name (null when the account is gone). */
  public record Member(Membership membership, String displayName) {}

  /**
   * Every membership, current and former, of each conversation, ordered by join time as {@link
   * StoreTransaction#memberships} orders them, each with the member's display name: what a
   * conversation's view shows of its people, with no account read on its own; conversations without
   * any are left out.
   */
  public static Map<String, List<Member>> members(
      StoreTransaction tx, Collection<String> conversationIds) {
    Map<String, List<Member>> found = new LinkedHashMap<>();
    for (Member m :
        byIds(
            tx,
            "SELECT "
                + prefixed("m.", Rows.MEMBERSHIP)
                + ", a.display_name FROM memberships m LEFT JOIN accounts a ON a.id = m.account_id"
                + " WHERE m.conversation_id",
            " ORDER BY m.conversation_id, m.joined_at, m.account_id",
            conversationIds,
            SyncReads::member)) {
      found.computeIfAbsent(m.membership().conversationId(), k -> new ArrayList<>()).add(m);
    }
    return found;
  }

  /** A row of {@link #members}, read by position: {@link Rows#MEMBERSHIP}, then the name. */
  private static Member member(ResultSet rs) throws SQLException {
    return new Member(
        new Membership(
            rs.getString(1),
            rs.getString(2),
            rs.getLong(3),
            rs.getLong(4),
            rs.getLong(5),
            rs.getInt(6),
            rs.getInt(7),
            rs.getLong(8),
            rs.getLong(9)),
        rs.getString(10));
  }

  /**
   * {@code select IN (ids) suffix}, a statement per {@value #IDS_PER_STATEMENT} ids. Lists are
   * padded (repeating an id) to a power of two, so a few statement texts serve every count.
   */
  private static <T> List<T> byIds(
      StoreTransaction tx,
      String select,
      String suffix,
      Collection<String> ids,
      Rows.Mapper<T> mapper) {
    Sql sql = sql(tx);
    List<String> all = List.copyOf(new LinkedHashSet<>(ids));
    List<T> rows = new ArrayList<>();
    for (int from = 0; from < all.size(); from += IDS_PER_STATEMENT) {
      List<String> chunk =
          new ArrayList<>(all.subList(from, Math.min(all.size(), from + IDS_PER_STATEMENT)));
      int padded =
          Math.min(IDS_PER_STATEMENT, Math.max(8, Integer.highestOneBit(chunk.size() * 2 - 1)));
      while (chunk.size() < padded) {
        chunk.add(chunk.get(0));
      }
      String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
      rows.addAll(sql.list(select + " IN (" + marks + ")" + suffix, mapper, chunk.toArray()));
    }
    return rows;
  }

  private static Sql sql(StoreTransaction tx) {
    if (tx instanceof JdbcAccountTransaction jdbc) {
      return jdbc.sql;
    }
    throw new IllegalArgumentException("not a JDBC transaction: " + tx.getClass().getName());
  }

  private static String prefixed(String prefix, String columns) {
    StringBuilder sb = new StringBuilder();
    for (String column : columns.split(",")) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(prefix).append(column.strip());
    }
    return sb.toString();
  }
}
