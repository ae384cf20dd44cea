package dev.parley.server.channel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The encoded state updates waiting for one session's long poll, bounded by count and by bytes
 * (PROTOCOL.md section 6.1.5). Items are ASCII wrapper texts, so their length is their byte count.
 * Not thread-safe: the owning {@link PushSession} guards it.
 */
final class UpdateQueue {
  private final int maxItems;
  private final long maxBytes;
  private final ArrayDeque<String> items = new ArrayDeque<>();
  private long bytes;

  UpdateQueue(int maxItems, long maxBytes) {
    this.maxItems = maxItems;
    this.maxBytes = maxBytes;
  }

  /** Appends an item; false (and nothing appended) when that would pass either bound. */
  boolean offer(String item) {
    if (items.size() + 1 > maxItems || bytes + item.length() > maxBytes) {
      return false;
    }
    items.addLast(item);
    bytes += item.length();
    return true;
  }

  /**
   * Removes the oldest items, up to {@code maxCount} and about {@code maxChunkBytes} (always at
   * least one item when any is queued).
   */
  List<String> drain(int maxCount, long maxChunkBytes) {
    List<String> out = new ArrayList<>(Math.min(maxCount, items.size()));
    long taken = 0;
    while (!items.isEmpty() && out.size() < maxCount) {
      String next = items.peekFirst();
      if (!out.isEmpty() && taken + next.length() > maxChunkBytes) {
        break;
      }
      items.removeFirst();
      bytes -= next.length();
      taken += next.length();
      out.add(next);
    }
    return out;
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  int size() {
    return items.size();
  }

  long bytes() {
    return bytes;
  }

  void clear() {
    items.clear();
    bytes = 0;
  }
}
