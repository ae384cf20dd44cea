package dev.parley.server.conversations;

import dev.parley.server.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps event timestamps honest for readers and pushes.
 *
 * <p>Writers take timestamps inside their transactions; a timestamp is "in flight" until that
 * transaction ended and what it queued was published. A reader that tells a client "you have
 * everything up to T" must never name a T at or above a timestamp that is still in flight, or the
 * client would skip that event when it commits — so {@link #syncPoint} stays below every in-flight
 * timestamp. Pushes that follow a commit are published in timestamp order, so a client never sees
 * event 101 pushed before 100 and catches up from 101.
 *
 * <p>Two locks, never waited for in the other order: {@code state} guards the bookkeeping and is
 * held only briefly, so taking a timestamp (inside a write transaction) never waits for
 * publications; {@code publishing} is held while publications run, which keeps them in order.
 */
public final class TimestampLedger {
  private static final Logger LOG = LoggerFactory.getLogger(TimestampLedger.class);

  private final Object state = new Object();
  private final Object publishing = new Object();

  // Guarded by state. Multisets (timestamp -> holders): a rolled-back transaction's timestamp may
  // be issued again before that transaction settled.
  private final TreeMap<Long, Integer> inFlight = new TreeMap<>();
  private final TreeMap<Long, Integer> beingPublished = new TreeMap<>();
  private final TreeMap<Long, List<Runnable>> pendingPublications = new TreeMap<>();
  private long lastIssued;

  public TimestampLedger(long lastIssued) {
    this.lastIssued = lastIssued;
  }

  /** Takes the next timestamp inside {@code tx} and marks it in flight until {@link #settle}. */
  public long issue(StoreTransaction tx, long nowMicros) {
    long ts = tx.nextTimestamp(nowMicros);
    synchronized (state) {
      inFlight.merge(ts, 1, Integer::sum);
      lastIssued = Math.max(lastIssued, ts);
    }
    return ts;
  }

  /**
   * Ends the transaction that took {@code timestamps} (committed or not) and schedules {@code
   * publication} (may be null) to run once every earlier timestamp has settled too. Publications
   * run on the thread that settles last, one at a time, and only enqueue onto bounded channel
   * queues, so they never block.
   */
  public void settle(List<Long> timestamps, Runnable publication) {
    if (timestamps.isEmpty()) {
      if (publication != null) {
        publication.run();
      }
      return;
    }
    synchronized (publishing) {
      List<Runnable> ready = new ArrayList<>();
      synchronized (state) {
        if (publication != null) {
          long key = timestamps.stream().mapToLong(Long::longValue).max().getAsLong();
          pendingPublications.computeIfAbsent(key, k -> new ArrayList<>()).add(publication);
        }
        // Still below syncPoint's horizon until published, but no longer holding others back.
        for (Long ts : timestamps) {
          remove(inFlight, ts);
          beingPublished.merge(ts, 1, Integer::sum);
        }
        long horizon = inFlight.isEmpty() ? Long.MAX_VALUE : inFlight.firstKey();
        while (!pendingPublications.isEmpty() && pendingPublications.firstKey() < horizon) {
          Map.Entry<Long, List<Runnable>> first = pendingPublications.pollFirstEntry();
          ready.addAll(first.getValue());
        }
      }
      try {
        for (Runnable runnable : ready) {
          try {
            runnable.run();
          } catch (RuntimeException e) {
            // One broken publication must not cost the others theirs.
            LOG.error("a publication failed", e);
          }
        }
      } finally {
        synchronized (state) {
          for (Long ts : timestamps) {
            remove(beingPublished, ts);
          }
        }
      }
    }
  }

  /**
   * The latest time a reader may report as fully synced: below every in-flight timestamp and no
   * later than anything issued so far or the wall clock.
   */
  public long syncPoint(long nowMicros) {
    synchronized (state) {
      long point = Math.min(nowMicros, lastIssued);
      if (!inFlight.isEmpty()) {
        point = Math.min(point, inFlight.firstKey() - 1);
      }
      if (!beingPublished.isEmpty()) {
        point = Math.min(point, beingPublished.firstKey() - 1);
      }
      return point;
    }
  }

  private static void remove(TreeMap<Long, Integer> multiset, long ts) {
    multiset.computeIfPresent(ts, (t, holders) -> holders == 1 ? null : holders - 1);
  }
}
