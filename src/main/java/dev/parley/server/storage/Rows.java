package dev.parley.server.storage;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Column lists and row mappers, one pair per record, so every query reads rows the same way. */
final class Rows {

  /** Reads the current row of a result set. */
  @FunctionalInterface
  interface Mapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  static final String ACCOUNT =
      "id, email, display_name, first_name, password_hash, totp_secret, avatar_media_id, bot,"
          + " created_at";

  static final String CONVERSATION =
      "id, type, name, otr_status, link_sharing_status, join_token, one_to_one_key, created_at,"
          + " sort_timestamp, modified_at";

  static final String MEMBERSHIP =
      "conversation_id, account_id, joined_at, left_at, latest_read_timestamp,"
          + " notification_level, conversation_view, deleted_up_to, modified_at";

  static final String EVENT =
      "event_id, conversation_id, event_timestamp, sender_id, client_generated_id,"
          + " off_the_record, payload";

  static final String MEDIA =
      "id, owner_id, upload_id, file_name, content_type, width, height, size_bytes, stored_name,"
          + " complete, created_at";

  static final String PRESENCE =
      "account_id, available, dnd_expires_at, status_message, last_seen_at";

  private Rows() {}

  static Account account(ResultSet rs) throws SQLException {
    return new Account(
        rs.getString("id"),
        rs.getString("email"),
        rs.getString("display_name"),
        rs.getString("first_name"),
        rs.getString("password_hash"),
        rs.getString("totp_secret"),
        rs.getString("avatar_media_id"),
        rs.getBoolean("bot"),
        rs.getLong("created_at"));
  }

  static RefreshToken refreshToken(ResultSet rs) throws SQLException {
    return new RefreshToken(
        rs.getString("token_hash"), rs.getString("account_id"), rs.getLong("created_at"));
  }

  static SignInSession signInSession(ResultSet rs) throws SQLException {
    return new SignInSession(
        rs.getString("sid_hash"),
        rs.getString("sapisid"),
        rs.getString("account_id"),
        rs.getLong("created_at"));
  }

  static ConversationRecord conversation(ResultSet rs) throws SQLException {
    return new ConversationRecord(
        rs.getString("id"),
        rs.getInt("type"),
        rs.getString("name"),
        rs.getInt("otr_status"),
        rs.getInt("link_sharing_status"),
        rs.getString("join_token"),
        rs.getString("one_to_one_key"),
        rs.getLong("created_at"),
        rs.getLong("sort_timestamp"),
        rs.getLong("modified_at"));
  }

  static Membership membership(ResultSet rs) throws SQLException {
    return new Membership(
        rs.getString("conversation_id"),
        rs.getString("account_id"),
        rs.getLong("joined_at"),
        rs.getLong("left_at"),
        rs.getLong("latest_read_timestamp"),
        rs.getInt("notification_level"),
        rs.getInt("conversation_view"),
        rs.getLong("deleted_up_to"),
        rs.getLong("modified_at"));
  }

  static StoredEvent event(ResultSet rs) throws SQLException {
    return new StoredEvent(
        rs.getString("event_id"),
        rs.getString("conversation_id"),
        rs.getLong("event_timestamp"),
        rs.getString("sender_id"),
        rs.getString("client_generated_id"),
        rs.getBoolean("off_the_record"),
        rs.getBytes("payload"));
  }

  static MediaRecord media(ResultSet rs) throws SQLException {
    return new MediaRecord(
        rs.getString("id"),
        rs.getString("owner_id"),
        rs.getString("upload_id"),
        rs.getString("file_name"),
        rs.getString("content_type"),
        rs.getInt("width"),
        rs.getInt("height"),
        rs.getLong("size_bytes"),
        rs.getString("stored_name"),
        rs.getBoolean("complete"),
        rs.getLong("created_at"));
  }

  static PresenceRecord presence(ResultSet rs) throws SQLException {
    return new PresenceRecord(
        rs.getString("account_id"),
        rs.getBoolean("available"),
        rs.getLong("dnd_expires_at"),
        rs.getBytes("status_message"),
        rs.getLong("last_seen_at"));
  }
}
