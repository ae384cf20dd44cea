package dev.parley.app.tray;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/** The tray menu's do-not-disturb choices and when each one ends. */
public enum DoNotDisturb {
  ONE_HOUR,
  /**
   * Until the next morning at {@link #MORNING}: tomorrow's, or this morning's when chosen in the
   * small hours (before {@link #SMALL_HOURS_END}).
   */
  UNTIL_TOMORROW,
  OFF;

  /** When "until tomorrow" ends, in the user's time zone. */
  public static final LocalTime MORNING = LocalTime.of(8, 0);

  /** Before this, "tomorrow" still means the coming morning. */
  public static final LocalTime SMALL_HOURS_END = LocalTime.of(4, 0);

  /** The end of do-not-disturb chosen at {@code now}; null for {@link #OFF}. */
  public Instant until(ZonedDateTime now) {
    return switch (this) {
      case ONE_HOUR -> now.plusHours(1).toInstant();
      case UNTIL_TOMORROW ->
          now.toLocalDate()
              .plusDays(now.toLocalTime().isBefore(SMALL_HOURS_END) ? 0 : 1)
              .atTime(MORNING)
              .atZone(now.getZone())
              .toInstant();
      case OFF -> null;
    };
  }
}
