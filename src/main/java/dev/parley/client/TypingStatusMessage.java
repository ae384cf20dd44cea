package dev.parley.client;

import dev.parley.proto.Hangouts;
import java.time.Instant;
import java.util.Objects;

/**
 * hangups' {@code TypingStatusMessage}: a person started, paused or stopped typing in a
 * conversation.
 *
 * @param conversationId the conversation
 * @param userId who is typing
 * @param timestamp when the notification was generated
 * @param status the new status
 */
public record TypingStatusMessage(
    String conversationId, UserId userId, Instant timestamp, TypingStatus status) {
  public TypingStatusMessage {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(status, "status");
  }

  /** hangups' {@code parse_typing_status_message}. */
  static TypingStatusMessage fromProto(Hangouts.SetTypingNotification n) {
    return new TypingStatusMessage(
        n.getConversationId().getId(),
        UserId.fromProto(n.getSenderId()),
        Micros.toInstant(n.getTimestamp()),
        TypingStatus.fromProto(n.getType()));
  }
}
