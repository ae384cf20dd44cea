package dev.parley.app.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the app knows of one conversation besides the library's own state: its timeline items by key
 * (loaded events and the user's pending messages), where loading older history continues, and the
 * last summary and read receipts it announced. Confined to the UI thread.
 */
final class ConversationModel {
  private static final Comparator<TimelineItem> ORDER =
      Comparator.comparing(TimelineItem::timestamp).thenComparing(TimelineItem::key);

  final String id;
  private final Map<String, TimelineItem> items = new HashMap<>();
  private List<TimelineItem> sorted = List.of();
  private boolean sortedStale;
  private String oldestEventId;
  private Instant oldestEventTime;
  private boolean reachedStart;
  private ConversationSummary summary;
  private Map<String, Instant> receipts = Map.of();

  ConversationModel(String id) {
    this.id = id;
  }

  /**
   * Adds or replaces the item with {@code item}'s key. A message the server has never goes back to
   * pending or failed.
   *
   * @return whether anything changed
   */
  boolean upsert(TimelineItem item) {
    TimelineItem old = items.get(item.key());
    if (item.equals(old)) {
      return false;
    }
    if (old instanceof ChatMessage was
        && was.state() == SendState.SENT
        && item instanceof ChatMessage now
        && now.state() != SendState.SENT) {
      return false;
    }
    items.put(item.key(), item);
    sortedStale = true;
    return true;
  }

  /** Remembers an event the library has loaded, for paging further back from the oldest. */
  void sawEvent(String eventId, Instant timestamp) {
    if (oldestEventTime == null || timestamp.isBefore(oldestEventTime)) {
      oldestEventTime = timestamp;
      oldestEventId = eventId;
    }
  }

  /** The oldest event loaded, or null when none. */
  String oldestEventId() {
    return oldestEventId;
  }

  boolean reachedStart() {
    return reachedStart;
  }

  void markReachedStart() {
    reachedStart = true;
  }

  TimelineItem item(String key) {
    return items.get(key);
  }

  /** Every item, oldest first. */
  List<TimelineItem> timeline() {
    if (sortedStale) {
      List<TimelineItem> all = new ArrayList<>(items.values());
      all.sort(ORDER);
      sorted = List.copyOf(all);
      sortedStale = false;
    }
    return sorted;
  }

  /** The newest item, pending messages included, or null. */
  TimelineItem newest() {
    List<TimelineItem> all = timeline();
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }

  /**
   * Messages from others newer than what the user has read: newer than the read timestamp and than
   * the user's own newest message (writing one means having read what came before).
   */
  int unreadCount(Instant selfReadTimestamp) {
    Instant readUpTo = selfReadTimestamp == null ? Instant.EPOCH : selfReadTimestamp;
    for (TimelineItem item : timeline()) {
      if (item instanceof ChatMessage m
          && m.own()
          && m.eventId() != null
          && m.timestamp().isAfter(readUpTo)) {
        readUpTo = m.timestamp();
      }
    }
    int unread = 0;
    for (TimelineItem item : timeline()) {
      if (item instanceof ChatMessage m
          && !m.own()
          && m.eventId() != null
          && m.timestamp().isAfter(readUpTo)) {
        unread++;
      }
    }
    return unread;
  }

  /** The summary last announced, or null. */
  ConversationSummary summary() {
    return summary;
  }

  /**
   * Keeps {@code next} as the summary.
   *
   * @return whether it differs from the one before
   */
  boolean setSummary(ConversationSummary next) {
    if (next.equals(summary)) {
      return false;
    }
    summary = next;
    return true;
  }

  Map<String, Instant> receipts() {
    return receipts;
  }

  /** Keeps the others' read timestamps; whether they changed. */
  boolean setReceipts(Map<String, Instant> next) {
    if (next.equals(receipts)) {
      return false;
    }
    receipts = Map.copyOf(next);
    return true;
  }
}
