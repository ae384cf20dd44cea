package dev.parley.app.notifications;

/** How much of a message a desktop notification shows, for screens others can see. */
public enum NotificationPrivacy {
  /** "Alice in Trip" and what she wrote. */
  NAME_AND_TEXT,
  /** "Alice in Trip" and "New message", without the text. */
  NAME_ONLY,
  /** Only "New message": neither who nor where nor what. */
  NOTHING
}
