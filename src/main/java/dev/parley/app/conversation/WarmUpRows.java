package dev.parley.app.conversation;

import dev.parley.app.session.ChatMessage;
import dev.parley.app.session.Person;
import dev.parley.app.session.SendState;
import dev.parley.client.ChatMessageSegment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows like a conversation's, never shown: the hidden timeline lays them out once before the first
 * conversation opens, so the cells that conversation needs already exist and are styled. Making and
 * styling them on opening took most of its time (UiBench open_conversation).
 */
final class WarmUpRows {
  /** More than a tall window shows of short messages, so every cell it needs gets made. */
  private static final int MESSAGES = 40;

  private WarmUpRows() {}

  static List<TimelineRow> sample() {
    Person other = new Person("warm-up-other", "Warm Up", "Warm", "", null, false);
    Person self = new Person("warm-up-self", "Warm Up Self", "Warm", "", null, true);
    List<TimelineRow> rows = new ArrayList<>();
    rows.add(new TimelineRow.DaySeparator("warm-up-day", LocalDate.EPOCH, "Today"));
    rows.add(new TimelineRow.UnreadDivider("warm-up-unread", "Unread messages"));
    for (int i = 0; i < MESSAGES; i++) {
      boolean own = i % 4 == 3;
      boolean first = i % 4 == 0 || own;
      boolean last = i % 4 == 2 || own;
      List<ChatMessageSegment> segments =
          List.of(
              ChatMessageSegment.text("A message to warm up with "),
              ChatMessageSegment.builder("number " + i).bold(true).build());
      ChatMessage message =
          new ChatMessage(
              "warm-up",
              "warm-up-" + i,
              null,
              own ? self : other,
              Instant.EPOCH,
              segments,
              List.of(),
              false,
              SendState.SENT,
              null);
      rows.add(
          new TimelineRow.Message(
              message.key(),
              message,
              first,
              last,
              first && !own,
              own ? self.fullName() : other.fullName(),
              "00:00",
              "",
              segments,
              false,
              List.of()));
    }
    return rows;
  }
}
