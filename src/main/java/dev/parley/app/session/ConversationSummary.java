package dev.parley.app.session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One conversation as the list and the header show it; an immutable snapshot, replaced whole when
 * anything in it changes.
 *
 * @param id the conversation id
 * @param customName the name someone gave it, or null
 * @param group a group conversation (not one-to-one)
 * @param participants everyone in it, the signed-in user included
 * @param lastActivity its sort timestamp (newest event)
 * @param lastMessageSender who wrote the newest message (null when there is none, or when it is a
 *     system event)
 * @param lastMessagePreview the newest message or system event as one line of plain text, empty
 *     when there is none
 * @param unreadCount messages from others newer than the user's read timestamp
 * @param quiet notifications are off (muted)
 * @param archived archived
 * @param offTheRecord history is off
 * @param linkSharing join links work
 */
public record ConversationSummary(
    String id,
    String customName,
    boolean group,
    List<Person> participants,
    Instant lastActivity,
    Person lastMessageSender,
    String lastMessagePreview,
    int unreadCount,
    boolean quiet,
    boolean archived,
    boolean offTheRecord,
    boolean linkSharing) {
  public ConversationSummary {
    Objects.requireNonNull(id, "id");
    participants = List.copyOf(participants);
    lastActivity = lastActivity == null ? Instant.EPOCH : lastActivity;
    lastMessagePreview = lastMessagePreview == null ? "" : lastMessagePreview;
  }

  /** The custom name, or the other participants' names ("Alice, Bob"), or the user's own name. */
  public String title() {
    if (customName != null && !customName.isBlank()) {
      return customName;
    }
    List<Person> others = others();
    if (others.isEmpty()) {
      return participants.isEmpty() ? "Empty conversation" : participants.get(0).fullName();
    }
    return String.join(", ", others.stream().map(Person::fullName).toList());
  }

  /** The participants other than the signed-in user. */
  public List<Person> others() {
    return participants.stream().filter(p -> !p.self()).toList();
  }

  /** The other person of a one-to-one conversation, or null for a group. */
  public Person otherPerson() {
    List<Person> others = others();
    return !group && others.size() == 1 ? others.get(0) : null;
  }

  public ConversationSummary withUnreadCount(int count) {
    return new ConversationSummary(
        id,
        customName,
        group,
        participants,
        lastActivity,
        lastMessageSender,
        lastMessagePreview,
        count,
        quiet,
        archived,
        offTheRecord,
        linkSharing);
  }
}
