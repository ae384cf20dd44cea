package dev.parley.server.storage;

import java.util.List;
import java.util.Optional;

/**
 * What can be read and written inside one transaction. Timestamps are microseconds since the Unix
 * epoch. Ids are opaque strings chosen by the caller. Methods throw {@link StoreException} on
 * database failure.
 */
public interface StoreTransaction {

  // ---- time ----

  /**
   * Issues the next server-wide event timestamp: {@code max(nowMicros, last + 1)}, persisted, so
   * timestamps are unique and strictly increasing across restarts and backwards clock steps.
   */
  long nextTimestamp(long nowMicros);

  /** The last timestamp issued and committed (0 when none), as seen by this transaction. */
  long lastTimestamp();

  // ---- accounts ----

  void insertAccount(Account account);

  void updateAccount(Account account);

  Optional<Account> account(String accountId);

  /** By email, compared case-insensitively. */
  Optional<Account> accountByEmail(String email);

  /** Every account, ordered by creation time. */
  List<Account> accounts();

  /**
   * Accounts whose display name, first name or email starts with {@code prefix} (case-insensitive),
   * ordered by display name, at most {@code limit}.
   */
  List<Account> searchAccounts(String prefix, int limit);

  // ---- refresh tokens and sign-in sessions (stored hashed) ----

  void insertRefreshToken(RefreshToken token);

  /** A token that exists and is not revoked. */
  Optional<RefreshToken> refreshToken(String tokenHash);

  void revokeRefreshTokens(String accountId);

  void insertSignInSession(SignInSession session);

  Optional<SignInSession> signInSession(String sidHash);

  void deleteSignInSession(String sidHash);

  void deleteSignInSessions(String accountId);

  // ---- conversations and memberships ----

  void insertConversation(ConversationRecord conversation);

  void updateConversation(ConversationRecord conversation);

  Optional<ConversationRecord> conversation(String conversationId);

  /** The one-to-one conversation with this key (see {@link ConversationRecord#oneToOneKey}). */
  Optional<ConversationRecord> conversationByOneToOneKey(String key);

  Optional<ConversationRecord> conversationByJoinToken(String joinToken);

  /** Inserts or replaces the membership of (conversationId, accountId). */
  void upsertMembership(Membership membership);

  Optional<Membership> membership(String conversationId, String accountId);

  /** Every membership of a conversation, current and former, ordered by join time. */
  List<Membership> memberships(String conversationId);

  /** Every membership of an account, current and former. */
  List<Membership> membershipsOf(String accountId);

  /**
   * The accounts of a conversation's participants, current and former, in no particular order: in
   * one statement, where {@link #account} per membership would take one each.
   */
  List<Account> participantAccounts(String conversationId);

  // ---- events ----

  void insertEvent(StoredEvent event);

  Optional<StoredEvent> event(String eventId);

  /**
   * Events of a conversation with {@code after < timestamp < before}, NEWEST first, at most {@code
   * limit}.
   */
  List<StoredEvent> eventsNewestFirst(String conversationId, long after, long before, int limit);

  /**
   * Events of a conversation with {@code after < timestamp <= upTo}, OLDEST first, at most {@code
   * limit}.
   */
  List<StoredEvent> eventsOldestFirst(String conversationId, long after, long upTo, int limit);

  /** Deletes off-the-record events older than {@code before}; returns how many. */
  int deleteOffTheRecordEvents(long before);

  // ---- request deduplication (client_generated_id), kept 24 h ----

  /** The result recorded for (accountId, scope, clientGeneratedId) at or after notBefore. */
  Optional<String> dedupResult(
      String accountId, String scope, String clientGeneratedId, long notBefore);

  void insertDedup(
      String accountId, String scope, String clientGeneratedId, String resultId, long createdAt);

  void pruneDedup(long before);

  // ---- media ----

  void insertMedia(MediaRecord media);

  void updateMedia(MediaRecord media);

  Optional<MediaRecord> media(String mediaId);

  Optional<MediaRecord> mediaByUploadId(String uploadId);

  /**
   * Records that the media was sent to a conversation, or with {@code "*"} that every signed-in
   * person may see it (avatars); idempotent.
   */
  void grantMedia(String mediaId, String conversationId);

  /** Conversations the media was sent to. */
  List<String> mediaConversations(String mediaId);

  // ---- presence ----

  Optional<PresenceRecord> presence(String accountId);

  void upsertPresence(PresenceRecord presence);

  // ---- invitations ----

  void insertInvitation(String accountId, String invitee, long createdAt);

  int invitationCount(String accountId);
}
