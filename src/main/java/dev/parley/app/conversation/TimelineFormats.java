package dev.parley.app.conversation;

import dev.parley.app.I18n;
import dev.parley.app.session.Person;
import dev.parley.app.session.PresenceInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/** The words and times the conversation shows, in the clock's time zone. */
final class TimelineFormats {
  private final I18n text;
  private final Clock clock;
  private final DateTimeFormatter time;
  private final DateTimeFormatter day;
  private final DateTimeFormatter dayOtherYear;
  private final DateTimeFormatter full;
  private final DateTimeFormatter shortDate;
  private final DateTimeFormatter shortDateOtherYear;

  TimelineFormats(I18n text, Clock clock) {
    this.text = text;
    this.clock = clock;
    Locale locale = Locale.getDefault(Locale.Category.FORMAT);
    // Times of day as the user's region writes them (14:05 or 2:05 PM), like the list's.
    time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
    day = DateTimeFormatter.ofPattern(text.get("pattern.day"), locale);
    dayOtherYear = DateTimeFormatter.ofPattern(text.get("pattern.dayOtherYear"), locale);
    full =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
            .withLocale(locale);
    shortDate = DateTimeFormatter.ofPattern(text.get("pattern.shortDate"), locale);
    shortDateOtherYear =
        DateTimeFormatter.ofPattern(text.get("pattern.shortDateOtherYear"), locale);
  }

  ZoneId zone() {
    return clock.getZone();
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  LocalDate day(Instant instant) {
    return instant.atZone(zone()).toLocalDate();
  }

  String dayLabel(LocalDate date) {
    LocalDate today = today();
    if (date.equals(today)) {
      return text.get("day.today");
    }
    if (date.equals(today.minusDays(1))) {
      return text.get("day.yesterday");
    }
    return (date.getYear() == today.getYear() ? day : dayOtherYear).format(date);
  }

  String time(Instant instant) {
    return time.format(instant.atZone(zone()));
  }

  String fullTime(Instant instant) {
    return full.format(instant.atZone(zone()));
  }

  /** "online", "last seen 5 min ago", "last seen yesterday at 14:05", "last seen 12 Nov", "". */
  String presence(PresenceInfo presence) {
    if (presence == null) {
      return "";
    }
    if (presence.online()) {
      return text.get("presence.online");
    }
    Instant seen = presence.lastSeen();
    if (seen == null) {
      return "";
    }
    Instant now = clock.instant();
    Duration ago = Duration.between(seen, now);
    if (ago.compareTo(Duration.ofMinutes(1)) < 0) {
      return text.get("presence.justNow");
    }
    if (ago.compareTo(Duration.ofHours(1)) < 0) {
      return text.get("presence.minutesAgo", ago.toMinutes());
    }
    ZonedDateTime at = seen.atZone(zone());
    LocalDate date = at.toLocalDate();
    LocalDate today = today();
    if (date.equals(today)) {
      return text.get("presence.today", time.format(at));
    }
    if (date.equals(today.minusDays(1))) {
      return text.get("presence.yesterday", time.format(at));
    }
    DateTimeFormatter f = date.getYear() == today.getYear() ? shortDate : shortDateOtherYear;
    return text.get("presence.date", f.format(at));
  }

  /** "Alice is typing…", "Alice and Bob are typing…", "Several people are typing…", "". */
  String typing(List<Person> people) {
    return switch (people.size()) {
      case 0 -> "";
      case 1 -> text.get("typing.one", name(people.get(0)));
      case 2 -> text.get("typing.two", name(people.get(0)), name(people.get(1)));
      default -> text.get("typing.several");
    };
  }

  /** "Alice, Bob and Carol", "Alice, Bob and 3 others". */
  String participants(List<Person> others) {
    int n = others.size();
    if (n == 0) {
      return text.get("participants.none");
    }
    if (n == 1) {
      return name(others.get(0));
    }
    if (n <= 3) {
      String head =
          String.join(", ", others.subList(0, n - 1).stream().map(TimelineFormats::name).toList());
      return text.get("participants.all", head, name(others.get(n - 1)));
    }
    return text.get("participants.more", name(others.get(0)), name(others.get(1)), n - 2);
  }

  private static String name(Person person) {
    return MessageText.oneLine(person.firstName());
  }
}
