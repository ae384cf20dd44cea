package dev.parley.app.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a session tells the app. Every callback runs on the UI thread (through the {@link
 * dev.parley.app.UiDispatcher}), in the order things happened.
 */
public interface SessionListener {
  /** A conversation appeared or changed (new message, unread count, rename, mute, ...). */
  default void conversationUpdated(ConversationSummary summary) {}

  /** The user left a conversation or deleted it. */
  default void conversationRemoved(String conversationId) {}

  /**
   * A timeline item arrived or changed: a new message or event, a message the user is sending, or
   * the same message (same {@link TimelineItem#key()}) moving from pending to sent or failed.
   */
  default void timelineItemUpserted(TimelineItem item) {}

  /** Who is typing in a conversation now (empty when nobody). */
  default void typingChanged(String conversationId, List<Person> typing) {}

  /** The read timestamps of a conversation's participants (others only) moved. */
  default void readReceiptsChanged(String conversationId, Map<String, Instant> readUpTo) {}

  /** Someone's presence changed. */
  default void presenceChanged(String personId, PresenceInfo presence) {}

  /**
   * Everything known was replaced at once: the conversation list saved at the last run gave way to
   * the server's (conversations that changed or went were announced just before). A view showing a
   * conversation reads its timeline again.
   */
  default void stateReloaded() {}

  /** The push channel's state changed. */
  default void connectionChanged(ConnectionStatus status) {}

  /**
   * Another of the user's clients became the active one ({@code active=false}), or this one did.
   */
  default void activeClientChanged(boolean thisClientActive) {}
}
