package dev.parley.app.conversationlist;

import dev.parley.app.session.Person;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the conversation list, everything the cell shows, already worded; immutable and
 * replaced whole when anything in it changes.
 *
 * @param id the conversation id
 * @param title the conversation's title
 * @param avatar the other person of a one-to-one conversation, or null for a group (the cell draws
 *     the title's initials)
 * @param previewPrefix who wrote the newest message, worded for the line ("You:", "Alice:"), or
 *     empty when the preview needs none (one-to-one messages from the other person, system events)
 * @param previewText the newest message or event as one line, without the sender
 * @param time when the last activity was, relative to now ("now", "5 min", "14:05", "Mon", "12
 *     Nov"), or empty when there has been none
 * @param lastActivity the sort key
 * @param unreadCount messages from others not read yet
 * @param quiet notifications are off
 * @param archived archived
 * @param accessibleText what a screen reader says for the row
 */
public record ConversationRow(
    String id,
    String title,
    Person avatar,
    String previewPrefix,
    String previewText,
    String time,
    Instant lastActivity,
    int unreadCount,
    boolean quiet,
    boolean archived,
    String accessibleText) {
  /** The badge shows at most this; more reads "99+". */
  static final int MAX_BADGE = 99;

  public ConversationRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    previewPrefix = previewPrefix == null ? "" : previewPrefix;
    previewText = previewText == null ? "" : previewText;
    time = time == null ? "" : time;
    Objects.requireNonNull(lastActivity, "lastActivity");
    accessibleText = accessibleText == null ? title : accessibleText;
  }

  /** The title is bold (and the badge shows) while something is unread. */
  public boolean bold() {
    return unreadCount > 0;
  }

  public boolean group() {
    return avatar == null;
  }

  /** The badge's text: the unread count, capped at "99+"; empty when nothing is unread. */
  public String badgeText() {
    if (unreadCount <= 0) {
      return "";
    }
    return unreadCount > MAX_BADGE ? MAX_BADGE + "+" : Integer.toString(unreadCount);
  }

  /** The preview as one string, with its sender prefix: "You: see you", "Alice: hi", "hi". */
  public String preview() {
    return previewPrefix.isEmpty() ? previewText : previewPrefix + " " + previewText;
  }

  ConversationRow withTime(String newTime) {
    return new ConversationRow(
        id,
        title,
        avatar,
        previewPrefix,
        previewText,
        newTime,
        lastActivity,
        unreadCount,
        quiet,
        archived,
        accessibleText);
  }
}
