package dev.parley.app.session;

import java.util.List;

/**
 * Older history loaded on request.
 *
 * @param items the older items, oldest first (may be empty)
 * @param reachedStart nothing older exists
 */
public record HistoryPage(List<TimelineItem> items, boolean reachedStart) {
  public HistoryPage {
    items = List.copyOf(items);
  }
}
