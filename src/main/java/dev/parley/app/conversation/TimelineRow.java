package dev.parley.app.conversation;

import dev.parley.app.session.ChatMessage;
import dev.parley.app.session.Person;
import dev.parley.app.session.SendState;
import dev.parley.app.session.SystemEvent;
import dev.parley.client.ChatMessageSegment;
import dev.parley.client.ImageAttachment;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of the conversation's virtualised list, ready to show: every text is worded and cleaned,
 * every grouping decision made. Immutable; a change replaces the row (same {@link #key()}).
 */
public sealed interface TimelineRow {
  /** Stable identity: a message keeps its key from pending to sent. */
  String key();

  /** "Today", "Yesterday", "Monday 23 November" above the first item of a day. */
  record DaySeparator(String key, LocalDate day, String label) implements TimelineRow {}

  /** "Unread messages" before the first message that was unread when the conversation opened. */
  record UnreadDivider(String key, String label) implements TimelineRow {}

  /** A rename, a member joining, history turned off...: one centred line. */
  record SystemLine(String key, SystemEvent event, String text, String time, String fullTime)
      implements TimelineRow {}

  /**
   * A chat message.
   *
   * @param message the message itself (for retry and images)
   * @param firstInGroup the first of a run by one sender within five minutes: shows avatar and name
   * @param lastInGroup the last of such a run: shows the time
   * @param showSenderName a group conversation and someone else's message that starts a run
   * @param senderName the sender's name, cleaned
   * @param time "14:05"
   * @param fullTime "Monday 23 November 2025, 14:05" for the tooltip
   * @param segments what to show (cleaned and capped; the text of a /me action starts with the
   *     name)
   * @param truncated some of the text is held back behind "Show more"
   * @param seenBy the people whose read timestamp stops at this message
   */
  record Message(
      String key,
      ChatMessage message,
      boolean firstInGroup,
      boolean lastInGroup,
      boolean showSenderName,
      String senderName,
      String time,
      String fullTime,
      List<ChatMessageSegment> segments,
      boolean truncated,
      List<Person> seenBy)
      implements TimelineRow {
    public Message {
      segments = List.copyOf(segments);
      seenBy = List.copyOf(seenBy);
    }

    public boolean own() {
      return message.own();
    }

    public boolean showAvatar() {
      return !own() && firstInGroup;
    }

    public SendState state() {
      return message.state();
    }

    public Person sender() {
      return message.sender();
    }

    public List<ImageAttachment> images() {
      return message.images();
    }
  }
}
