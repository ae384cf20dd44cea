package dev.parley.server.channel;

import java.time.Duration;
import java.util.Objects;

/**
 * Timings and limits of the push channel (PROTOCOL.md sections 5 and 6.1). Production uses {@link
 * #defaults()}; tests shrink the timings to milliseconds with the {@code with...} methods.
 *
 * @param noopInterval a noop chunk is sent after this long without other data (clients give up
 *     after 60 s of silence)
 * @param maxLongPoll a long poll is ended normally after this long; the client opens a new one
 * @param sessionExpiry a session expires this long after its last long poll ended, unless a new one
 *     opened
 * @param unreachableGrace an account whose last open long poll ended is reported unreachable only
 *     if no long poll reopened within this time, so the normal reconnect between two long polls
 *     does not flap presence
 * @param maxQueuedUpdates queued state updates per session; more expires the session
 * @param maxQueuedBytes encoded bytes queued per session; more expires the session
 * @param maxSessionsPerAccount channel sessions one account may hold at once
 * @param maxSessionsPerIp channel sessions one remote address may hold at once
 * @param maxFormBytes largest accepted POST body; larger is answered 413
 */
public record ChannelConfig(
    Duration noopInterval,
    Duration maxLongPoll,
    Duration sessionExpiry,
    Duration unreachableGrace,
    int maxQueuedUpdates,
    long maxQueuedBytes,
    int maxSessionsPerAccount,
    int maxSessionsPerIp,
    int maxFormBytes) {

  public ChannelConfig {
    requirePositive(noopInterval, "noopInterval");
    requirePositive(maxLongPoll, "maxLongPoll");
    requirePositive(sessionExpiry, "sessionExpiry");
    Objects.requireNonNull(unreachableGrace, "unreachableGrace");
    if (unreachableGrace.isNegative()) {
      throw new IllegalArgumentException("unreachableGrace must not be negative");
    }
    if (maxQueuedUpdates < 1 || maxQueuedBytes < 1) {
      throw new IllegalArgumentException("queue bounds must be positive");
    }
    if (maxSessionsPerAccount < 1 || maxSessionsPerIp < 1) {
      throw new IllegalArgumentException("session limits must be positive");
    }
    if (maxFormBytes < 1) {
      throw new IllegalArgumentException("maxFormBytes must be positive");
    }
  }

  /** The values PROTOCOL.md asks for. */
  public static ChannelConfig defaults() {
    return new ChannelConfig(
        Duration.ofSeconds(20),
        Duration.ofMinutes(5),
        Duration.ofSeconds(60),
        Duration.ofSeconds(10),
        5_000,
        4L * 1024 * 1024,
        20,
        20,
        64 * 1024);
  }

  public ChannelConfig withTimings(
      Duration noopInterval, Duration maxLongPoll, Duration sessionExpiry) {
    return new ChannelConfig(
        noopInterval,
        maxLongPoll,
        sessionExpiry,
        unreachableGrace,
        maxQueuedUpdates,
        maxQueuedBytes,
        maxSessionsPerAccount,
        maxSessionsPerIp,
        maxFormBytes);
  }

  public ChannelConfig withUnreachableGrace(Duration grace) {
    return new ChannelConfig(
        noopInterval,
        maxLongPoll,
        sessionExpiry,
        grace,
        maxQueuedUpdates,
        maxQueuedBytes,
        maxSessionsPerAccount,
        maxSessionsPerIp,
        maxFormBytes);
  }

  public ChannelConfig withQueueBounds(int updates, long bytes) {
    return new ChannelConfig(
        noopInterval,
        maxLongPoll,
        sessionExpiry,
        unreachableGrace,
        updates,
        bytes,
        maxSessionsPerAccount,
        maxSessionsPerIp,
        maxFormBytes);
  }

  public ChannelConfig withSessionLimits(int perAccount, int perIp) {
    return new ChannelConfig(
        noopInterval,
        maxLongPoll,
        sessionExpiry,
        unreachableGrace,
        maxQueuedUpdates,
        maxQueuedBytes,
        perAccount,
        perIp,
        maxFormBytes);
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
