package dev.parley.client;

import dev.parley.proto.Hangouts;

/** How a conversation notifies: {@link #QUIET} (no notifications) or {@link #RING}. */
public enum NotificationLevel {
  UNKNOWN,
  QUIET,
  RING;

  static NotificationLevel fromProto(Hangouts.NotificationLevel level) {
    return switch (level) {
      case NOTIFICATION_LEVEL_QUIET -> QUIET;
      case NOTIFICATION_LEVEL_RING -> RING;
      default -> UNKNOWN;
    };
  }

  Hangouts.NotificationLevel toProto() {
    return switch (this) {
      case QUIET -> Hangouts.NotificationLevel.NOTIFICATION_LEVEL_QUIET;
      case RING -> Hangouts.NotificationLevel.NOTIFICATION_LEVEL_RING;
      case UNKNOWN -> Hangouts.NotificationLevel.NOTIFICATION_LEVEL_UNKNOWN;
    };
  }
}
