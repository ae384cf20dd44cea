package dev.parley.app.session;

import java.time.Instant;
import java.util.Objects;

/**
 * A change to the conversation shown as a centred line: a rename, people joining or leaving,
 * history on or off, a call, link sharing on or off.
 *
 * @param conversationId where it happened
 * @param eventId the server's event id
 * @param timestamp when
 * @param kind what happened
 * @param actor who did it
 * @param text the line to show, already worded ("Alice renamed the conversation to “Trip”")
 */
public record SystemEvent(
    String conversationId, String eventId, Instant timestamp, Kind kind, Person actor, String text)
    implements TimelineItem {
  public enum Kind {
    RENAME,
    MEMBERSHIP,
    OFF_THE_RECORD,
    HANGOUT,
    LINK_SHARING,
    OTHER
  }

  public SystemEvent {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }

  @Override
  public String key() {
    return "e:" + eventId;
  }
}
