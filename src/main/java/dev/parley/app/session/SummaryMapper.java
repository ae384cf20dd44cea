package dev.parley.app.session;

import dev.parley.client.Conversation;
import dev.parley.client.ConversationType;
import java.time.Instant;

/** A library {@link Conversation} and the app's {@link ConversationModel} as one summary. */
final class SummaryMapper {
  private SummaryMapper() {}

  /** Reads the conversation's thread-safe snapshots; call on the UI thread (the model's). */
  static ConversationSummary summarize(Conversation c, ConversationModel model) {
    TimelineItem newest = model.newest();
    Instant activity = c.getLastModified();
    if (newest != null && newest.timestamp().isAfter(activity)) {
      activity = newest.timestamp(); // a message being sent puts the conversation on top
    }
    return new ConversationSummary(
        c.getId(),
        c.getName(),
        c.getType() == ConversationType.GROUP,
        c.getUsers().stream().map(People::of).toList(),
        activity,
        newest instanceof ChatMessage message ? message.sender() : null,
        preview(newest),
        model.unreadCount(c.getLatestReadTimestamp()),
        c.isQuiet(),
        c.isArchived(),
        c.isOffTheRecord(),
        c.isGroupLinkSharingEnabled());
  }

  /** One line of plain text for the conversation list: the message, "Photo", or the event. */
  static String preview(TimelineItem item) {
    if (item == null) {
      return "";
    }
    if (item instanceof SystemEvent event) {
      return event.text();
    }
    ChatMessage message = (ChatMessage) item;
    String text = message.plainText().strip().replaceAll("\\s+", " ");
    if (text.isEmpty() && !message.images().isEmpty()) {
      text = message.images().size() == 1 ? "Photo" : message.images().size() + " photos";
    }
    return message.meAction() ? message.sender().firstName() + " " + text : text;
  }
}
