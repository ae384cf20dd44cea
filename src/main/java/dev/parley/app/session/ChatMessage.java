package dev.parley.app.session;

import dev.parley.client.ChatMessageSegment;
import dev.parley.client.ImageAttachment;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A chat message.
 *
 * @param conversationId where it is
 * @param eventId the server's event id, or null while pending
 * @param clientGeneratedId the sending client's id, or null when unknown
 * @param sender who wrote it
 * @param timestamp when (the local time of writing while pending)
 * @param segments the formatted text, as sent
 * @param images attached images
 * @param meAction a /me action
 * @param state PENDING / SENT / FAILED for the user's own messages; SENT for everyone else's
 * @param failure why sending failed, or null
 */
public record ChatMessage(
    String conversationId,
    String eventId,
    String clientGeneratedId,
    Person sender,
    Instant timestamp,
    List<ChatMessageSegment> segments,
    List<ImageAttachment> images,
    boolean meAction,
    SendState state,
    String failure)
    implements TimelineItem {
  public ChatMessage {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(timestamp, "timestamp");
    segments = List.copyOf(segments);
    images = List.copyOf(images);
    Objects.requireNonNull(state, "state");
    if (eventId == null && clientGeneratedId == null) {
      throw new IllegalArgumentException("a message needs an event id or a client-generated id");
    }
  }

  @Override
  public String key() {
    return clientGeneratedId != null ? "c:" + clientGeneratedId : "e:" + eventId;
  }

  public boolean own() {
    return sender.self();
  }

  /** The text without formatting, for previews and notifications. */
  public String plainText() {
    return ChatMessageSegment.toPlainText(segments);
  }

  public ChatMessage withState(SendState newState, String newFailure) {
    return new ChatMessage(
        conversationId,
        eventId,
        clientGeneratedId,
        sender,
        timestamp,
        segments,
        images,
        meAction,
        newState,
        newFailure);
  }
}
