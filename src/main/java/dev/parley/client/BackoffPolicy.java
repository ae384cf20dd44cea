package dev.parley.client;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with jitter: the n-th consecutive failure waits {@code initial *
 * 2^(n-1)}, at most {@code max}, less a random part of up to {@code jitter} of it (0 = none, 0.5 =
 * between half and all of it), so many clients cut off together do not come back together.
 */
public record BackoffPolicy(Duration initial, Duration max, double jitter) {
  /** The push channel's default: 1 s doubling to 60 s, up to a fifth off. */
  public static final BackoffPolicy DEFAULT =
      new BackoffPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.2);

  public BackoffPolicy {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 < initial <= max");
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1");
    }
  }

  /** The wait before the next attempt after {@code failures} consecutive failures (at least 1). */
  public Duration delay(int failures, RandomGenerator random) {
    if (failures < 1) {
      return Duration.ZERO;
    }
    long initialNanos = initial.toNanos();
    long maxNanos = max.toNanos();
    int doublings = Math.min(failures - 1, 62);
    long nanos =
        initialNanos > (maxNanos >> doublings)
            ? maxNanos
            : Math.min(maxNanos, initialNanos << doublings);
    long off = jitter == 0 ? 0 : (long) (nanos * jitter * random.nextDouble());
    return Duration.ofNanos(nanos - off);
  }
}
