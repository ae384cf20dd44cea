package dev.parley.app.session;

import java.time.Instant;

/** One line of a conversation's history: a chat message or a system event. */
public sealed interface TimelineItem permits ChatMessage, SystemEvent {
  String conversationId();

  /** The server's event id; null for a message not yet acknowledged. */
  String eventId();

  Instant timestamp();

  /**
   * Identity across updates: a message the user sent keeps its key from pending to sent (it is the
   * client-generated id), so views replace the item instead of adding a second one.
   */
  String key();
}
