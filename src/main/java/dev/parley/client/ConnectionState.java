package dev.parley.client;

import java.time.Instant;
import java.util.Objects;

/**
 * Where the push channel stands, for people to see: connecting, connected, reconnecting (with when
 * the next attempt is due), or disconnected.
 */
public record ConnectionState(Kind kind, Instant nextAttempt, String reason) {
  public enum Kind {
    CONNECTING,
    CONNECTED,
    RECONNECTING,
    DISCONNECTED
  }

  public ConnectionState {
    Objects.requireNonNull(kind, "kind");
  }

  public static ConnectionState connecting() {
    return new ConnectionState(Kind.CONNECTING, null, null);
  }

  public static ConnectionState connected() {
    return new ConnectionState(Kind.CONNECTED, null, null);
  }

  public static ConnectionState reconnecting(Instant nextAttempt, String reason) {
    return new ConnectionState(Kind.RECONNECTING, Objects.requireNonNull(nextAttempt), reason);
  }

  public static ConnectionState disconnected(String reason) {
    return new ConnectionState(Kind.DISCONNECTED, null, reason);
  }
}
