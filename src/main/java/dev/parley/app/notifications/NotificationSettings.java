package dev.parley.app.notifications;

import java.time.Instant;
import java.util.Objects;

/**
 * The user's choices about desktop notifications.
 *
 * @param enabled notifications at all
 * @param privacy how much of a message they show
 * @param sound whether they ask the desktop for a sound
 * @param doNotDisturbUntil no notifications before this instant; null when do-not-disturb is off
 */
public record NotificationSettings(
    boolean enabled, NotificationPrivacy privacy, boolean sound, Instant doNotDisturbUntil) {
  public NotificationSettings {
    Objects.requireNonNull(privacy, "privacy");
  }

  /** On, name and text, with sound, no do-not-disturb. */
  public static NotificationSettings defaults() {
    return new NotificationSettings(true, NotificationPrivacy.NAME_AND_TEXT, true, null);
  }

  /** Whether do-not-disturb holds at {@code now}. */
  public boolean doNotDisturbAt(Instant now) {
    return doNotDisturbUntil != null && now.isBefore(doNotDisturbUntil);
  }

  public NotificationSettings withEnabled(boolean on) {
    return new NotificationSettings(on, privacy, sound, doNotDisturbUntil);
  }

  public NotificationSettings withPrivacy(NotificationPrivacy level) {
    return new NotificationSettings(enabled, level, sound, doNotDisturbUntil);
  }

  public NotificationSettings withSound(boolean on) {
    return new NotificationSettings(enabled, privacy, on, doNotDisturbUntil);
  }

  /** Do-not-disturb until {@code until}, or off with null. */
  public NotificationSettings withDoNotDisturbUntil(Instant until) {
    return new NotificationSettings(enabled, privacy, sound, until);
  }
}
