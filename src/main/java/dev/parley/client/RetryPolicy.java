package dev.parley.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How often an RPC is tried when the network fails: at most {@code maxAttempts} times in all,
 * waiting per {@code backoff} in between. Only failures after which a repeat cannot do harm are
 * retried: reading and state-setting RPCs, and the ones the server deduplicates by {@code
 * client_generated_id}; other RPCs only when the connection could not be opened at all.
 */
public record RetryPolicy(int maxAttempts, BackoffPolicy backoff) {
  /** Three attempts, 0.5 s then 1 s apart (with a little jitter). */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(3, new BackoffPolicy(Duration.ofMillis(500), Duration.ofSeconds(4), 0.2));

  /** One attempt, no retries. */
  public static final RetryPolicy NONE = new RetryPolicy(1, DEFAULT.backoff());

  public RetryPolicy {
    Objects.requireNonNull(backoff, "backoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }
}
