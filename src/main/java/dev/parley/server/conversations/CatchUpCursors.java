package dev.parley.server.conversations;

import dev.parley.server.storage.StoredEvent;
import dev.parley.server.storage.SyncReads;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events a full {@code syncallnewevents} page read beyond where it stopped, kept for the page
 * that continues from there. A catch-up through a long backlog asks page after page, each for a few
 * hundred events; finding the next events of all of someone's conversations in time order costs
 * about as much for a few as for many, so each page reads a larger batch and hands the rest on
 * instead of reading it again.
 *
 * <p>Handing on is exact: a tail holds every event the viewer may see with a timestamp after the
 * page's {@code sync_timestamp} up to its last event, and no event can join that range later
 * (timestamps only grow and a sync point is never passed by a later commit: {@link
 * TimestampLedger}). What the viewer may see depends on their memberships (which conversations,
 * left when, deleted up to when), so a tail is taken only by a page that finds them as they were.
 * Off-the-record events, which housekeeping deletes after a day, are never handed on. A tail is
 * taken once, expires after {@value #MAX_AGE_SECONDS} s, and all of them together are bounded.
 * Thread-safe.
 */
final class CatchUpCursors {
  static final int MAX_TAILS = 64;
  static final long MAX_EVENT_BYTES = 16L * 1024 * 1024;
  static final long MAX_AGE_SECONDS = 60;

  private final Map<Key, Tail> tails = new LinkedHashMap<>(16, 0.75f, true);
  private long keptBytes;

  private record Key(String viewerId, long after) {}

  /** What a viewer may see of each conversation: the part of a membership events depend on. */
  record Visibility(String conversationId, long leftAt, long deletedUpTo) {
    static List<Visibility> of(List<SyncReads.Touch> touches) {
      List<Visibility> all = new ArrayList<>(touches.size());
      for (SyncReads.Touch t : touches) {
        all.add(new Visibility(t.conversationId(), t.leftAt(), t.deletedUpTo()));
      }
      return all;
    }
  }

  private record Tail(
      List<Visibility> visibility, List<StoredEvent> events, long bytes, long keptAtNanos) {}

  /**
   * Keeps the events after {@code after} (oldest first, ending where the batch read ended) for the
   * page that continues from {@code after}; up to the first off-the-record event.
   */
  synchronized void keep(
      String viewerId, long after, List<Visibility> visibility, List<StoredEvent> events) {
    List<StoredEvent> kept = new ArrayList<>(events.size());
    long bytes = 0;
    for (StoredEvent e : events) {
      if (e.offTheRecord()) {
        break;
      }
      kept.add(e);
      bytes += e.payload().length;
    }
    if (kept.isEmpty() || bytes > MAX_EVENT_BYTES / 4) {
      return;
    }
    Tail previous =
        tails.put(new Key(viewerId, after), new Tail(visibility, kept, bytes, System.nanoTime()));
    keptBytes += bytes - (previous == null ? 0 : previous.bytes);
    Iterator<Tail> eldestFirst = tails.values().iterator();
    while ((keptBytes > MAX_EVENT_BYTES || tails.size() > MAX_TAILS) && eldestFirst.hasNext()) {
      keptBytes -= eldestFirst.next().bytes;
      eldestFirst.remove();
    }
  }

  /**
   * The events kept for the page of {@code viewerId} after {@code after}, if the viewer's
   * memberships are still as they were and none of them is newer than {@code syncPoint}; else null.
   * Either way it is not kept any more.
   */
  synchronized List<StoredEvent> take(
      String viewerId, long after, long syncPoint, List<Visibility> visibility) {
    Tail tail = tails.remove(new Key(viewerId, after));
    if (tail == null) {
      return null;
    }
    keptBytes -= tail.bytes;
    boolean fresh = System.nanoTime() - tail.keptAtNanos <= MAX_AGE_SECONDS * 1_000_000_000L;
    boolean valid =
        fresh
            && tail.visibility.equals(visibility)
            && tail.events.get(tail.events.size() - 1).timestamp() <= syncPoint;
    return valid ? tail.events : null;
  }
}
