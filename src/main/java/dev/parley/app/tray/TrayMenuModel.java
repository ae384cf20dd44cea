package dev.parley.app.tray;

import dev.parley.app.I18n;
import dev.parley.app.notifications.NotificationSettings;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The words of the tray icon, worked out without AWT so they can be tested: the tooltip, the
 * do-not-disturb submenu's title, and which choices make sense now.
 */
public final class TrayMenuModel {
  /**
   * Everything the tray shows at one moment.
   *
   * @param unread the unread total for the badge
   * @param tooltip "Parley — 3 unread"
   * @param doNotDisturbTitle the submenu's title, with the end time while it is on
   * @param doNotDisturbOn whether it is on (then "Turn off" is enabled)
   */
  public record State(
      int unread, String tooltip, String doNotDisturbTitle, boolean doNotDisturbOn) {}

  private final I18n text;
  private final Locale locale;
  private final ZoneId zone;

  public TrayMenuModel(Locale locale, ZoneId zone) {
    this.text = I18n.of(TrayMenuModel.class, locale);
    this.locale = locale;
    this.zone = zone;
  }

  public State state(int unread, NotificationSettings settings, Instant now) {
    boolean dnd = settings.doNotDisturbAt(now);
    String tooltip = unread > 0 ? text.get("tooltip.unread", unread) : text.get("tooltip.noUnread");
    String title = text.get("dnd");
    if (dnd) {
      String until = when(settings.doNotDisturbUntil(), now);
      tooltip = text.get("tooltip.dnd", tooltip, until);
      title = text.get("dnd.until", until);
    }
    return new State(Math.max(0, unread), tooltip, title, dnd);
  }

  /** Labels of the fixed menu items. */
  public String label(String key) {
    return text.get(key);
  }

  /** "14:30" today, else "Tue 08:00". */
  String when(Instant at, Instant now) {
    ZonedDateTime end = at.atZone(zone);
    String time =
        DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(end);
    if (end.toLocalDate().equals(now.atZone(zone).toLocalDate())) {
      return time;
    }
    return DateTimeFormatter.ofPattern("EEE", locale).format(end) + " " + time;
  }
}
