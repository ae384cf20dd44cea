package dev.parley.client;

import dev.parley.proto.Hangouts;
import java.time.Instant;
import java.util.Objects;

/**
 * hangups' {@code WatermarkNotification}: a participant's read timestamp (watermark) moved.
 *
 * @param conversationId the conversation
 * @param userId whose watermark it is
 * @param readTimestamp the new watermark: everything up to it has been read
 */
public record WatermarkNotification(String conversationId, UserId userId, Instant readTimestamp) {
  public WatermarkNotification {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(readTimestamp, "readTimestamp");
  }

  /** hangups' {@code parse_watermark_notification}. */
  static WatermarkNotification fromProto(Hangouts.WatermarkNotification n) {
    return new WatermarkNotification(
        n.getConversationId().getId(),
        UserId.fromProto(n.getSenderId()),
        Micros.toInstant(n.getLatestReadTimestamp()));
  }
}
