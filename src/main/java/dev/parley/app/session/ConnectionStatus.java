package dev.parley.app.session;

import java.time.Instant;

/**
 * The push channel's state, for the banner.
 *
 * @param kind connecting, connected, reconnecting or offline
 * @param nextAttempt when the next reconnect attempt is due (RECONNECTING), else null
 * @param reason why the connection was lost, or null
 */
public record ConnectionStatus(Kind kind, Instant nextAttempt, String reason) {
  public enum Kind {
    CONNECTING,
    CONNECTED,
    RECONNECTING,
    OFFLINE
  }

  public static ConnectionStatus connected() {
    return new ConnectionStatus(Kind.CONNECTED, null, null);
  }
}
