package dev.parley.server.conversations;

import dev.parley.server.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keeps event timestamps honest for readers and pushes.
 *
 * <p>Writers take timestamps inside their transactions; a timestamp is "in flight" until that
 * transaction ended. A reader that tells a client "you have everything up to T" must never name a T
 * at or above a timestamp that is still in flight, or the client would skip that event when it
 * commits — so {@link #syncPoint} stays below every in-flight timestamp. Pushes that follow a
 * commit are published in timestamp order, so a client never sees event 101 pushed before 100 and
 * catches up from 101.
 */
public final class TimestampLedger {
  private final TreeSet<Long> inFlight = new TreeSet<>();
  private final TreeMap<Long, List<Runnable>> pendingPublications = new TreeMap<>();
  private long lastIssued;

  public TimestampLedger(long lastIssued) {
    this.lastIssued = lastIssued;
  }

  /** Takes the next timestamp inside {@code tx} and marks it in flight until {@link #settle}. */
  public long issue(StoreTransaction tx, long nowMicros) {
    long ts = tx.nextTimestamp(nowMicros);
    synchronized (this) {
      inFlight.add(ts);
      lastIssued = Math.max(lastIssued, ts);
    }
    return ts;
  }

  /**
   * Ends the transaction that took {@code timestamps} (committed or not) and schedules {@code
   * publication} (may be null) to run once every earlier timestamp has settled too.
   */
  public void settle(List<Long> timestamps, Runnable publication) {
    List<Runnable> ready = new ArrayList<>();
    synchronized (this) {
      if (publication != null && !timestamps.isEmpty()) {
        long key = timestamps.stream().mapToLong(Long::longValue).max().getAsLong();
        pendingPublications.computeIfAbsent(key, k -> new ArrayList<>()).add(publication);
      }
      timestamps.forEach(inFlight::remove);
      long horizon = inFlight.isEmpty() ? Long.MAX_VALUE : inFlight.first();
      while (!pendingPublications.isEmpty() && pendingPublications.firstKey() < horizon) {
        Map.Entry<Long, List<Runnable>> first = pendingPublications.pollFirstEntry();
        ready.addAll(first.getValue());
      }
      // Run inside the lock so publications from different threads keep their order; each one
      // only enqueues onto bounded channel queues and never blocks.
      for (Runnable runnable : ready) {
        runnable.run();
      }
    }
    if (publication != null && timestamps.isEmpty()) {
      publication.run();
    }
  }

  /**
   * The latest time a reader may report as fully synced: below every in-flight timestamp and no
   * later than anything issued so far or the wall clock.
   */
  public synchronized long syncPoint(long nowMicros) {
    long point = Math.min(nowMicros, lastIssued);
    if (!inFlight.isEmpty()) {
      point = Math.min(point, inFlight.first() - 1);
    }
    return point;
  }
}
