package dev.parley.server.demo;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How quickly the demo world reacts. Production uses {@link #DEFAULT}; tests shrink everything to
 * milliseconds.
 *
 * @param botReplyMin the bot answers no sooner than this after a message reached it
 * @param botReplyMax and no later than this
 * @param firstVisitMin a demo person starts typing to the owner no sooner than this after the owner
 *     became reachable
 * @param firstVisitMax and no later than this
 * @param typing how long the visiting person types before the message is sent
 * @param visitIntervalMin the next visit starts no sooner than this after the last message
 * @param visitIntervalMax and no later than this
 */
public record DemoTimings(
    Duration botReplyMin,
    Duration botReplyMax,
    Duration firstVisitMin,
    Duration firstVisitMax,
    Duration typing,
    Duration visitIntervalMin,
    Duration visitIntervalMax) {

  /** The bot answers within a second; the first visit arrives within 10 s, then every 1-2 min. */
  public static final DemoTimings DEFAULT =
      new DemoTimings(
          Duration.ofMillis(300),
          Duration.ofMillis(800),
          Duration.ofSeconds(3),
          Duration.ofSeconds(6),
          Duration.ofSeconds(2),
          Duration.ofSeconds(60),
          Duration.ofSeconds(120));

  public DemoTimings {
    requireRange(botReplyMin, botReplyMax, "botReply");
    requireRange(firstVisitMin, firstVisitMax, "firstVisit");
    requireRange(typing, typing, "typing");
    requireRange(visitIntervalMin, visitIntervalMax, "visitInterval");
  }

  long botReplyMillis() {
    return between(botReplyMin, botReplyMax);
  }

  long firstVisitMillis() {
    return between(firstVisitMin, firstVisitMax);
  }

  long visitIntervalMillis() {
    return between(visitIntervalMin, visitIntervalMax);
  }

  private static long between(Duration min, Duration max) {
    return ThreadLocalRandom.current().nextLong(min.toMillis(), max.toMillis() + 1);
  }

  private static void requireRange(Duration min, Duration max, String name) {
    Objects.requireNonNull(min, name);
    Objects.requireNonNull(max, name);
    if (min.isNegative() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException(name + " must be a range of non-negative durations");
    }
  }
}
