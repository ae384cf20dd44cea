package dev.parley.server.storage;

import java.nio.charset.StandardCharsets;

/** Small records with sensible defaults, so each test states only what it is about. */
final class StoreFixtures {

  private StoreFixtures() {}

  static Account account(String id, String email, String displayName, long createdAt) {
    String firstName = displayName.split(" ")[0];
    return new Account(
        id, email, displayName, firstName, "hash-" + id, null, null, false, createdAt);
  }

  static Account account(String id) {
    return account(id, id + "@example.com", "User " + id, 0);
  }

  static ConversationRecord conversation(String id) {
    return new ConversationRecord(id, 2, "Group " + id, 1, 0, null, null, 10, 10, 10);
  }

  static ConversationRecord oneToOne(String id, String key) {
    return new ConversationRecord(id, 1, null, 1, 0, null, key, 10, 10, 10);
  }

  static Membership membership(String conversationId, String accountId, long joinedAt) {
    return new Membership(conversationId, accountId, joinedAt, 0, 0, 30, 1, 0, joinedAt);
  }

  static StoredEvent event(String id, String conversationId, long timestamp) {
    return new StoredEvent(
        id, conversationId, timestamp, "sender", "cg-" + id, false, payload("payload " + id));
  }

  static StoredEvent offTheRecordEvent(String id, String conversationId, long timestamp) {
    return new StoredEvent(id, conversationId, timestamp, "sender", null, true, payload(id));
  }

  static MediaRecord media(String id, String ownerId, String uploadId) {
    return new MediaRecord(id, ownerId, uploadId, "cat.png", null, 0, 0, 0, null, false, 100);
  }

  static byte[] payload(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
