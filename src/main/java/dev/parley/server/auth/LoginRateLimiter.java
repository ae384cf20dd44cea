package dev.parley.server.auth;

import dev.parley.server.TimeSource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Throttles sign-in attempts (PROTOCOL.md section 3): a token bucket per client IP and one per
 * account (burst 5, then one attempt per 6 s), and a lock after 100 consecutive failures of an
 * account. Thread-safe; state is in memory only.
 *
 * <p>A lock lasts 15 minutes. The failure count is cleared only by a success or {@link #reset}, so
 * once the limit is reached every further failure locks the account again: an attacker gets one
 * guess per lock period, while the owner signs in as soon as a lock has passed.
 *
 * <p>Use: call {@link #tryAcquire} before checking a password; when allowed, check it and report
 * {@link #recordSuccess} or {@link #recordFailure}.
 */
public final class LoginRateLimiter {
  /** The knobs; {@link #DEFAULT} is the protocol's. */
  public record Limits(
      int burst,
      Duration refillInterval,
      int maxConsecutiveFailures,
      Duration lockDuration,
      int maxTrackedKeys) {
    public static final Limits DEFAULT =
        new Limits(5, Duration.ofSeconds(6), 100, Duration.ofMinutes(15), 100_000);

    public Limits {
      if (burst < 1
          || refillInterval.isNegative()
          || refillInterval.isZero()
          || maxConsecutiveFailures < 1
          || lockDuration.isNegative()
          || maxTrackedKeys < 1) {
        throw new IllegalArgumentException("invalid limits");
      }
    }
  }

  /** Whether an attempt may go ahead and, when not, how long to wait (at least one second). */
  public record Decision(boolean allowed, long retryAfterSeconds) {
    static final Decision ALLOWED = new Decision(true, 0);

    static Decision refusedFor(long nanos) {
      long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
      return new Decision(false, seconds);
    }
  }

  private static final class Failures {
    int consecutive;
    boolean locked;
    long lockedUntilNanos;
  }

  private final TimeSource time;
  private final Limits limits;
  private final TokenBuckets byIp;
  private final TokenBuckets byAccount;
  private final LinkedHashMap<String, Failures> failures;

  public LoginRateLimiter(TimeSource time) {
    this(time, Limits.DEFAULT);
  }

  public LoginRateLimiter(TimeSource time, Limits limits) {
    this.time = Objects.requireNonNull(time);
    this.limits = Objects.requireNonNull(limits);
    long interval = limits.refillInterval().toNanos();
    this.byIp = new TokenBuckets(limits.burst(), interval, limits.maxTrackedKeys());
    this.byAccount = new TokenBuckets(limits.burst(), interval, limits.maxTrackedKeys());
    this.failures =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > limits.maxTrackedKeys();
          }
        };
  }

  /**
   * Takes one attempt from the IP's and the account's bucket, or neither when either is empty or
   * the account is locked. {@code accountKey} is the email as typed (compared case-insensitively);
   * null when the request named none, which limits by IP only.
   */
  public synchronized Decision tryAcquire(String ip, String accountKey) {
    Objects.requireNonNull(ip);
    long now = time.nanoTime();
    String account = accountKey == null ? null : normalize(accountKey);
    long lockWait = account == null ? 0 : lockRemainingNanos(account, now);
    if (lockWait > 0) {
      return Decision.refusedFor(lockWait);
    }
    long wait = byIp.waitNanos(ip, now);
    if (account != null) {
      wait = Math.max(wait, byAccount.waitNanos(account, now));
    }
    if (wait > 0) {
      return Decision.refusedFor(wait);
    }
    byIp.take(ip, now);
    if (account != null) {
      byAccount.take(account, now);
    }
    return Decision.ALLOWED;
  }

  /** A wrong password or code for the account; the limit-th in a row locks it. */
  public synchronized void recordFailure(String accountKey) {
    Failures f = failures.computeIfAbsent(normalize(accountKey), k -> new Failures());
    f.consecutive = Math.min(f.consecutive + 1, limits.maxConsecutiveFailures());
    if (f.consecutive >= limits.maxConsecutiveFailures()) {
      f.locked = true;
      f.lockedUntilNanos = time.nanoTime() + limits.lockDuration().toNanos();
    }
  }

  /** A successful sign-in: the failure count starts again from zero. */
  public synchronized void recordSuccess(String accountKey) {
    failures.remove(normalize(accountKey));
  }

  /** Lifts a lock and refills the account's bucket, for an administrator. */
  public synchronized void reset(String accountKey) {
    String account = normalize(accountKey);
    failures.remove(account);
    byAccount.remove(account);
  }

  /** How many keys the limiter holds in memory; for tests of its bounds. */
  synchronized int trackedKeys() {
    return byIp.size() + byAccount.size() + failures.size();
  }

  private long lockRemainingNanos(String account, long now) {
    Failures f = failures.get(account);
    return f == null || !f.locked ? 0 : Math.max(0, f.lockedUntilNanos - now);
  }

  private static String normalize(String accountKey) {
    return accountKey.strip().toLowerCase(Locale.ROOT);
  }
}
