package dev.parley.server.storage;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/**
 * {@link StoreTransaction} over one JDBC connection whose transaction {@link JdbcStore} begins and
 * ends. The SQL is plain enough to run unchanged on SQLite and PostgreSQL.
 */
final class JdbcTransaction extends JdbcAccountTransaction {

  JdbcTransaction(Connection connection, Dialect dialect, StatementCache statements) {
    super(new Sql(connection, dialect, statements));
  }

  // ---- time ----

  @Override
  public long nextTimestamp(long nowMicros) {
    // The UPDATE locks the counter row until commit, so timestamp takers commit in order.
    sql.update(
        "UPDATE timestamp_counter SET last_issued ="
            + " CASE WHEN ? > last_issued + 1 THEN ? ELSE last_issued + 1 END WHERE id = 1",
        nowMicros,
        nowMicros);
    return lastTimestamp();
  }

  @Override
  public long lastTimestamp() {
    return sql.one("SELECT last_issued FROM timestamp_counter WHERE id = 1", rs -> rs.getLong(1))
        .orElseThrow(() -> new StoreException("the timestamp counter row is missing"));
  }

  // ---- conversations and memberships ----

  @Override
  public void insertConversation(ConversationRecord c) {
    sql.update(
        "INSERT INTO conversations ("
            + Rows.CONVERSATION
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        c.id(),
        c.type(),
        c.name(),
        c.otrStatus(),
        c.linkSharingStatus(),
        c.joinToken(),
        c.oneToOneKey(),
        c.createdAt(),
        c.sortTimestamp(),
        c.modifiedAt());
  }

  @Override
  public void updateConversation(ConversationRecord c) {
    sql.updateOne(
        "conversation " + c.id(),
        "UPDATE conversations SET type = ?, name = ?, otr_status = ?, link_sharing_status = ?,"
            + " join_token = ?, one_to_one_key = ?, created_at = ?, sort_timestamp = ?,"
            + " modified_at = ? WHERE id = ?",
        c.type(),
        c.name(),
        c.otrStatus(),
        c.linkSharingStatus(),
        c.joinToken(),
        c.oneToOneKey(),
        c.createdAt(),
        c.sortTimestamp(),
        c.modifiedAt(),
        c.id());
  }

  @Override
  public Optional<ConversationRecord> conversation(String conversationId) {
    return sql.one(
        "SELECT " + Rows.CONVERSATION + " FROM conversations WHERE id = ?",
        Rows::conversation,
        conversationId);
  }

  @Override
  public Optional<ConversationRecord> conversationByOneToOneKey(String key) {
    return sql.one(
        "SELECT " + Rows.CONVERSATION + " FROM conversations WHERE one_to_one_key = ?",
        Rows::conversation,
        key);
  }

  @Override
  public Optional<ConversationRecord> conversationByJoinToken(String joinToken) {
    return sql.one(
        "SELECT " + Rows.CONVERSATION + " FROM conversations WHERE join_token = ? ORDER BY id",
        Rows::conversation,
        joinToken);
  }

  @Override
  public void upsertMembership(Membership m) {
    sql.update(
        "INSERT INTO memberships ("
            + Rows.MEMBERSHIP
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (conversation_id, account_id) DO UPDATE SET"
            + " joined_at = excluded.joined_at, left_at = excluded.left_at,"
            + " latest_read_timestamp = excluded.latest_read_timestamp,"
            + " notification_level = excluded.notification_level,"
            + " conversation_view = excluded.conversation_view,"
            + " deleted_up_to = excluded.deleted_up_to, modified_at = excluded.modified_at",
        m.conversationId(),
        m.accountId(),
        m.joinedAt(),
        m.leftAt(),
        m.latestReadTimestamp(),
        m.notificationLevel(),
        m.view(),
        m.deletedUpTo(),
        m.modifiedAt());
  }

  @Override
  public Optional<Membership> membership(String conversationId, String accountId) {
    return sql.one(
        "SELECT "
            + Rows.MEMBERSHIP
            + " FROM memberships WHERE conversation_id = ? AND account_id = ?",
        Rows::membership,
        conversationId,
        accountId);
  }

  @Override
  public List<Membership> memberships(String conversationId) {
    return sql.list(
        "SELECT "
            + Rows.MEMBERSHIP
            + " FROM memberships WHERE conversation_id = ? ORDER BY joined_at, account_id",
        Rows::membership,
        conversationId);
  }

  @Override
  public List<Account> participantAccounts(String conversationId) {
    return sql.list(
        "SELECT "
            + Rows.ACCOUNT
            + " FROM accounts WHERE id IN"
            + " (SELECT account_id FROM memberships WHERE conversation_id = ?)",
        Rows::account,
        conversationId);
  }

  @Override
  public List<Membership> membershipsOf(String accountId) {
    return sql.list(
        "SELECT "
            + Rows.MEMBERSHIP
            + " FROM memberships WHERE account_id = ? ORDER BY joined_at, conversation_id",
        Rows::membership,
        accountId);
  }

  // ---- events ----

  @Override
  public void insertEvent(StoredEvent e) {
    sql.update(
        "INSERT INTO events (" + Rows.EVENT + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
        e.eventId(),
        e.conversationId(),
        e.timestamp(),
        e.senderId(),
        e.clientGeneratedId(),
        e.offTheRecord(),
        e.payload());
  }

  @Override
  public Optional<StoredEvent> event(String eventId) {
    return sql.one(
        "SELECT " + Rows.EVENT + " FROM events WHERE event_id = ?", Rows::event, eventId);
  }

  @Override
  public List<StoredEvent> eventsNewestFirst(
      String conversationId, long after, long before, int limit) {
    return sql.list(
        "SELECT "
            + Rows.EVENT
            + " FROM events WHERE conversation_id = ? AND event_timestamp > ?"
            + " AND event_timestamp < ? ORDER BY event_timestamp DESC, event_id DESC LIMIT ?",
        Rows::event,
        conversationId,
        after,
        before,
        Math.max(0, limit));
  }

  @Override
  public List<StoredEvent> eventsOldestFirst(
      String conversationId, long after, long upTo, int limit) {
    return sql.list(
        "SELECT "
            + Rows.EVENT
            + " FROM events WHERE conversation_id = ? AND event_timestamp > ?"
            + " AND event_timestamp <= ? ORDER BY event_timestamp, event_id LIMIT ?",
        Rows::event,
        conversationId,
        after,
        upTo,
        Math.max(0, limit));
  }

  @Override
  public int deleteOffTheRecordEvents(long before) {
    return sql.update(
        "DELETE FROM events WHERE off_the_record = ? AND event_timestamp < ?", true, before);
  }

  // ---- request deduplication ----

  @Override
  public Optional<String> dedupResult(
      String accountId, String scope, String clientGeneratedId, long notBefore) {
    return sql.one(
        "SELECT result_id FROM dedup WHERE account_id = ? AND scope = ?"
            + " AND client_generated_id = ? AND created_at >= ?",
        rs -> rs.getString(1),
        accountId,
        scope,
        clientGeneratedId,
        notBefore);
  }

  @Override
  public void insertDedup(
      String accountId, String scope, String clientGeneratedId, String resultId, long createdAt) {
    // Replaces an expired entry that pruning has not removed yet.
    sql.update(
        "INSERT INTO dedup (account_id, scope, client_generated_id, result_id, created_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id, scope, client_generated_id)"
            + " DO UPDATE SET result_id = excluded.result_id, created_at = excluded.created_at",
        accountId,
        scope,
        clientGeneratedId,
        resultId,
        createdAt);
  }

  @Override
  public void pruneDedup(long before) {
    sql.update("DELETE FROM dedup WHERE created_at < ?", before);
  }

  // ---- media ----

  @Override
  public void insertMedia(MediaRecord m) {
    sql.update(
        "INSERT INTO media (" + Rows.MEDIA + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        m.id(),
        m.ownerId(),
        m.uploadId(),
        m.fileName(),
        m.contentType(),
        m.width(),
        m.height(),
        m.size(),
        m.storedName(),
        m.complete(),
        m.createdAt());
  }

  @Override
  public void updateMedia(MediaRecord m) {
    sql.updateOne(
        "media " + m.id(),
        "UPDATE media SET owner_id = ?, upload_id = ?, file_name = ?, content_type = ?,"
            + " width = ?, height = ?, size_bytes = ?, stored_name = ?, complete = ?,"
            + " created_at = ? WHERE id = ?",
        m.ownerId(),
        m.uploadId(),
        m.fileName(),
        m.contentType(),
        m.width(),
        m.height(),
        m.size(),
        m.storedName(),
        m.complete(),
        m.createdAt(),
        m.id());
  }

  @Override
  public Optional<MediaRecord> media(String mediaId) {
    return sql.one("SELECT " + Rows.MEDIA + " FROM media WHERE id = ?", Rows::media, mediaId);
  }

  @Override
  public Optional<MediaRecord> mediaByUploadId(String uploadId) {
    return sql.one(
        "SELECT " + Rows.MEDIA + " FROM media WHERE upload_id = ? ORDER BY created_at, id",
        Rows::media,
        uploadId);
  }

  @Override
  public void grantMedia(String mediaId, String conversationId) {
    sql.update(
        "INSERT INTO media_grants (media_id, conversation_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        mediaId,
        conversationId);
  }

  @Override
  public List<String> mediaConversations(String mediaId) {
    return sql.list(
        "SELECT conversation_id FROM media_grants WHERE media_id = ? ORDER BY conversation_id",
        rs -> rs.getString(1),
        mediaId);
  }

  // ---- plumbing ----

  /** Called by {@link JdbcStore} when the work is over; later calls are bugs. */
  void end() {
    sql.end();
  }

  /** The failure that doomed this transaction, or null. */
  StoreException failure() {
    return sql.failure();
  }
}
