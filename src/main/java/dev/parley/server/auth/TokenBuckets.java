package dev.parley.server.auth;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets by key, kept as the instant each bucket will be full again (the "generic cell rate
 * algorithm" form): one long per key, and a full bucket is the same as no entry. Not thread-safe;
 * the owner synchronizes.
 *
 * <p>Memory: every take sweeps entries from the least recently touched end while their bucket is
 * full again, so only keys touched within the last {@code burst * interval} stay; a hard cap drops
 * the least recently touched key beyond {@code maxKeys}.
 */
final class TokenBuckets {
  private final long burst;
  private final long intervalNanos;
  private final int maxKeys;
  private final LinkedHashMap<String, Long> fullAtNanos = new LinkedHashMap<>(16, 0.75f, true);

  TokenBuckets(int burst, long intervalNanos, int maxKeys) {
    this.burst = burst;
    this.intervalNanos = intervalNanos;
    this.maxKeys = maxKeys;
  }

  /** Nanoseconds until the key may take a token; zero when it may now. */
  long waitNanos(String key, long nowNanos) {
    Long fullAt = fullAtNanos.get(key);
    if (fullAt == null) {
      return 0;
    }
    // Differences, not comparisons, because nanoTime values may be negative or wrap.
    long untilFull = fullAt - nowNanos;
    return Math.max(0, untilFull + intervalNanos - burst * intervalNanos);
  }

  /** Takes a token; the caller has checked {@link #waitNanos} is zero. */
  void take(String key, long nowNanos) {
    Long fullAt = fullAtNanos.get(key);
    long start = fullAt == null || fullAt - nowNanos < 0 ? nowNanos : fullAt;
    fullAtNanos.put(key, start + intervalNanos);
    evict(nowNanos);
  }

  void remove(String key) {
    fullAtNanos.remove(key);
  }

  int size() {
    return fullAtNanos.size();
  }

  private void evict(long nowNanos) {
    Iterator<Map.Entry<String, Long>> eldestFirst = fullAtNanos.entrySet().iterator();
    while (eldestFirst.hasNext()) {
      boolean full = eldestFirst.next().getValue() - nowNanos <= 0;
      if (!full && fullAtNanos.size() <= maxKeys) {
        return;
      }
      eldestFirst.remove();
    }
  }
}
