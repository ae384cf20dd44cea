package dev.parley.app.session;

import java.time.Instant;

/**
 * What the app shows of someone's presence.
 *
 * @param online reachable and available
 * @param lastSeen when they were last active, or null when never seen
 * @param statusMessage their status message, empty when none
 */
public record PresenceInfo(boolean online, Instant lastSeen, String statusMessage) {
  public PresenceInfo {
    statusMessage = statusMessage == null ? "" : statusMessage;
  }

  public static PresenceInfo unknown() {
    return new PresenceInfo(false, null, "");
  }
}
