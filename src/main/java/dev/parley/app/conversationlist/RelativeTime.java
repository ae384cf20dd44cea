package dev.parley.app.conversationlist;

import dev.parley.app.I18n;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The list's short times, as Signal and Telegram word them: "now" under a minute, "5 min" under an
 * hour, the time of day ("14:05") today, the weekday ("Mon") within the last six days, the day and
 * month ("12 Nov") this year, and with the year before that. The time of day follows the locale's
 * short style; the day patterns and words come from {@code messages.properties}.
 */
final class RelativeTime {
  private final I18n text;
  private final DateTimeFormatter timeOfDay;
  private final DateTimeFormatter weekday;
  private final DateTimeFormatter dayMonth;
  private final DateTimeFormatter dayMonthYear;

  RelativeTime(I18n text, Locale locale) {
    this.text = text;
    timeOfDay = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
    weekday = DateTimeFormatter.ofPattern(text.get("time.pattern.weekday"), locale);
    dayMonth = DateTimeFormatter.ofPattern(text.get("time.pattern.dayMonth"), locale);
    dayMonthYear = DateTimeFormatter.ofPattern(text.get("time.pattern.dayMonthYear"), locale);
  }

  /** {@code then} worded relative to {@code now} in {@code zone}; empty for no activity (EPOCH). */
  String format(Instant then, Instant now, ZoneId zone) {
    if (then == null || then.equals(Instant.EPOCH)) {
      return "";
    }
    Duration ago = Duration.between(then, now);
    if (ago.compareTo(Duration.ofMinutes(1)) < 0) {
      return text.get("time.now");
    }
    if (ago.compareTo(Duration.ofHours(1)) < 0) {
      return text.get("time.minutes", ago.toMinutes());
    }
    ZonedDateTime local = then.atZone(zone);
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate day = local.toLocalDate();
    if (day.equals(today)) {
      return timeOfDay.format(local);
    }
    if (day.isAfter(today.minusDays(7))) {
      return weekday.format(local);
    }
    if (day.getYear() == today.getYear()) {
      return dayMonth.format(local);
    }
    return dayMonthYear.format(local);
  }
}
