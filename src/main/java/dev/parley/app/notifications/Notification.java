package dev.parley.app.notifications;

import java.util.Arrays;
import java.util.Objects;

/**
 * One desktop notification, already worded for the user's privacy choice. A newer notification of
 * the same conversation replaces the one shown before.
 *
 * @param conversationId the conversation it opens when clicked; its identity for replacing
 * @param summary the title line ("Alice in Trip", or "New message")
 * @param body the text below it, plain, maybe empty
 * @param icon the sender's avatar (any image format ImageIO reads), or null
 * @param sound whether to ask for a sound
 */
public record Notification(
    String conversationId, String summary, String body, byte[] icon, boolean sound) {
  public Notification {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(summary, "summary");
    body = body == null ? "" : body;
  }

  /** The same notification with an avatar. */
  public Notification withIcon(byte[] image) {
    return new Notification(conversationId, summary, body, image, sound);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Notification n
        && conversationId.equals(n.conversationId)
        && summary.equals(n.summary)
        && body.equals(n.body)
        && Arrays.equals(icon, n.icon)
        && sound == n.sound;
  }

  @Override
  public int hashCode() {
    return Objects.hash(conversationId, summary, body, Arrays.hashCode(icon), sound);
  }

  @Override
  public String toString() {
    return "Notification[" + conversationId + ", " + summary + ": " + body + "]";
  }
}
