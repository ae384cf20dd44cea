package dev.parley.app.conversation;

import dev.parley.app.session.ChatMessage;
import dev.parley.app.session.Person;
import dev.parley.app.session.SystemEvent;
import dev.parley.app.session.TimelineItem;
import dev.parley.client.ChatMessageSegment;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The loaded history of one conversation and the rows derived from it. Every change touches only
 * the rows it affects: an item's row depends on the items just before and after it (grouping, day
 * separator), on the unread anchor and on the receipts that stop at it; so an append regenerates
 * two rows, not ten thousand.
 */
final class TimelineModel {
  static final Duration GROUP_WINDOW = Duration.ofMinutes(5);
  static final String UNREAD_KEY = "unread";

  /** What an upsert did. */
  enum Upsert {
    APPENDED,
    INSERTED,
    REPLACED
  }

  private final TimelineFormats formats;
  private final Function<String, Person> people;
  private final String unreadLabel;
  private final List<TimelineItem> items = new ArrayList<>();
  private final ObservableList<TimelineRow> rows = FXCollections.observableArrayList();
  private final ObservableList<TimelineRow> readOnlyRows =
      FXCollections.unmodifiableObservableList(rows);
  private final Map<String, Integer> pages = new HashMap<>();
  private Map<String, List<Person>> seenBy = new HashMap<>();
  private Map<String, Instant> readUpTo = Map.of();
  private boolean group;
  private String unreadAnchor;
  private int unreadMissing;

  TimelineModel(TimelineFormats formats, Function<String, Person> people, String unreadLabel) {
    this.formats = formats;
    this.people = people;
    this.unreadLabel = unreadLabel;
  }

  ObservableList<TimelineRow> rows() {
    return readOnlyRows;
  }

  int size() {
    return items.size();
  }

  TimelineItem newest() {
    return items.isEmpty() ? null : items.get(items.size() - 1);
  }

  /** Starts over with a conversation's loaded history. */
  void reset(
      List<TimelineItem> initial, boolean group, int unreadCount, Map<String, Instant> receipts) {
    items.clear();
    pages.clear();
    Set<String> keys = new HashSet<>();
    for (TimelineItem item : initial) {
      if (keys.add(item.key())) {
        items.add(item);
      }
    }
    this.group = group;
    this.readUpTo = Map.copyOf(receipts);
    findUnreadAnchor(unreadCount);
    seenBy = new HashMap<>();
    recomputeSeenBy();
    rows.setAll(items.isEmpty() ? List.of() : buildRows(0, items.size() - 1));
  }

  void clear() {
    reset(List.of(), false, 0, Map.of());
  }

  /** Adds a new item in timestamp order, or replaces the one with its key where it stands. */
  Upsert upsert(TimelineItem item) {
    int existing = indexOfKey(item.key());
    if (existing >= 0) {
      items.set(existing, item);
      Set<String> dirty = recomputeSeenBy();
      regenerate(Math.max(0, existing - 1), Math.min(items.size() - 1, existing + 1));
      refreshRows(dirty);
      return Upsert.REPLACED;
    }
    int pos = insertionPoint(item.timestamp());
    int a = Math.max(0, pos - 1);
    int fromRow = blockStart(a);
    int toRow = items.isEmpty() ? 0 : rowIndexOfItem(Math.min(items.size() - 1, pos)) + 1;
    items.add(pos, item);
    Set<String> dirty = recomputeSeenBy();
    replaceBlock(fromRow, toRow, buildRows(a, Math.min(items.size() - 1, pos + 1)), false);
    refreshRows(dirty);
    return pos == items.size() - 1 ? Upsert.APPENDED : Upsert.INSERTED;
  }

  /**
   * Puts older history (oldest first) before the loaded items.
   *
   * @return how many rows the list grew by at the top
   */
  int prepend(List<TimelineItem> older) {
    Set<String> keys = new HashSet<>();
    items.forEach(i -> keys.add(i.key()));
    List<TimelineItem> fresh = new ArrayList<>();
    for (TimelineItem item : older) {
      if (keys.add(item.key())) {
        fresh.add(item);
      }
    }
    if (fresh.isEmpty()) {
      return 0;
    }
    int before = rows.size();
    String oldAnchor = unreadAnchor;
    extendUnreadAnchor(fresh);
    if (oldAnchor != null && !oldAnchor.equals(unreadAnchor)) {
      int divider = indexOfRowKey(UNREAD_KEY);
      if (divider >= 0) {
        rows.remove(divider);
      }
    }
    int toRow = items.isEmpty() ? 0 : rowIndexOfItem(0) + 1;
    items.addAll(0, fresh);
    Set<String> dirty = recomputeSeenBy();
    replaceBlock(0, toRow, buildRows(0, Math.min(fresh.size(), items.size() - 1)), true);
    refreshRows(dirty);
    return rows.size() - before;
  }

  /** Other participants' read timestamps moved. */
  void setReceipts(Map<String, Instant> receipts) {
    readUpTo = Map.copyOf(receipts);
    refreshRows(recomputeSeenBy());
  }

  /** One conversation may become a group (someone was added): names appear on bubbles. */
  void setGroup(boolean group) {
    if (this.group != group) {
      this.group = group;
      refreshAll();
    }
  }

  /** Reveals one more page of a long message. */
  void showMore(String key) {
    pages.merge(key, 2, (old, two) -> old + 1);
    refreshRows(Set.of(key));
  }

  /** "Today" became "Yesterday": reword the separators. */
  void relabelDays() {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i) instanceof TimelineRow.DaySeparator sep) {
        String label = formats.dayLabel(sep.day());
        if (!label.equals(sep.label())) {
          rows.set(i, new TimelineRow.DaySeparator(sep.key(), sep.day(), label));
        }
      }
    }
  }

  int unreadDividerIndex() {
    return unreadAnchor == null ? -1 : indexOfRowKey(UNREAD_KEY);
  }

  int indexOfRowKey(String key) {
    for (int i = rows.size() - 1; i >= 0; i--) {
      if (rows.get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  // ---- rows ----

  private void regenerate(int a, int b) {
    replaceBlock(blockStart(a), rowIndexOfItem(b) + 1, buildRows(a, b), false);
  }

  private void refreshAll() {
    List<TimelineRow> fresh = items.isEmpty() ? List.of() : buildRows(0, items.size() - 1);
    if (fresh.size() != rows.size()) {
      rows.setAll(fresh);
      return;
    }
    for (int i = 0; i < fresh.size(); i++) {
      if (!fresh.get(i).equals(rows.get(i))) {
        rows.set(i, fresh.get(i));
      }
    }
  }

  private void refreshRows(Set<String> keys) {
    for (String key : keys) {
      int i = indexOfKey(key);
      if (i >= 0) {
        int r = rowIndexOfItem(i);
        TimelineRow row = itemRow(i);
        if (!row.equals(rows.get(r))) {
          rows.set(r, row);
        }
      }
    }
  }

  /** The rows of items a..b: each item's day separator and unread divider, then its own row. */
  private List<TimelineRow> buildRows(int a, int b) {
    List<TimelineRow> out = new ArrayList<>(b - a + 4);
    for (int i = a; i <= b; i++) {
      TimelineItem item = items.get(i);
      LocalDate day = formats.day(item.timestamp());
      if (i == 0 || !day.equals(formats.day(items.get(i - 1).timestamp()))) {
        out.add(new TimelineRow.DaySeparator("day:" + day, day, formats.dayLabel(day)));
      }
      if (item.key().equals(unreadAnchor)) {
        out.add(new TimelineRow.UnreadDivider(UNREAD_KEY, unreadLabel));
      }
      out.add(itemRow(i));
    }
    return out;
  }

  private TimelineRow itemRow(int i) {
    TimelineItem item = items.get(i);
    Instant at = item.timestamp();
    if (item instanceof SystemEvent event) {
      return new TimelineRow.SystemLine(
          event.key(),
          event,
          MessageText.clean(event.text()),
          formats.time(at),
          formats.fullTime(at));
    }
    ChatMessage message = (ChatMessage) item;
    TimelineItem prev = i > 0 ? items.get(i - 1) : null;
    TimelineItem next = i + 1 < items.size() ? items.get(i + 1) : null;
    boolean first = !continues(prev, message);
    boolean last = next == null || !continues(message, next);
    String name = MessageText.oneLine(message.sender().fullName());
    List<ChatMessageSegment> segments = message.segments();
    if (message.meAction()) {
      segments = new ArrayList<>(segments);
      segments.add(0, ChatMessageSegment.builder(name + " ").bold(true).build());
    }
    MessageText.Prepared text = MessageText.prepare(segments, pages.getOrDefault(item.key(), 1));
    return new TimelineRow.Message(
        item.key(),
        message,
        first,
        last,
        group && !message.own() && first,
        name,
        formats.time(at),
        formats.fullTime(at),
        text.segments(),
        text.truncated(),
        seenBy.getOrDefault(item.key(), List.of()));
  }

  /** Whether {@code cur} continues the run {@code prev} belongs to. */
  private boolean continues(TimelineItem prev, TimelineItem cur) {
    if (!(prev instanceof ChatMessage p) || !(cur instanceof ChatMessage c)) {
      return false;
    }
    return p.sender().id().equals(c.sender().id())
        && !c.key().equals(unreadAnchor)
        && formats.day(p.timestamp()).equals(formats.day(c.timestamp()))
        && Duration.between(p.timestamp(), c.timestamp()).abs().compareTo(GROUP_WINDOW) <= 0;
  }

  /**
   * Replaces rows [from, to) with {@code fresh}, leaving alone the rows at both ends that did not
   * change. {@code insertOnly} removes and adds instead of replacing in place (for a prepend).
   */
  private void replaceBlock(int from, int to, List<TimelineRow> fresh, boolean insertOnly) {
    int oldLen = to - from;
    int newLen = fresh.size();
    int p = 0;
    while (p < oldLen && p < newLen && rows.get(from + p).equals(fresh.get(p))) {
      p++;
    }
    int s = 0;
    while (s < oldLen - p
        && s < newLen - p
        && rows.get(to - 1 - s).equals(fresh.get(newLen - 1 - s))) {
      s++;
    }
    int start = from + p;
    int oldMid = oldLen - p - s;
    List<TimelineRow> mid = fresh.subList(p, newLen - s);
    int common = insertOnly ? 0 : Math.min(oldMid, mid.size());
    for (int k = 0; k < common; k++) {
      rows.set(start + k, mid.get(k));
    }
    if (oldMid > common) {
      rows.remove(start + common, start + oldMid);
    }
    if (mid.size() > common) {
      rows.addAll(start + common, mid.subList(common, mid.size()));
    }
  }

  // ---- indexes ----

  /** The first row belonging to item {@code a} (its separator or divider, if any). */
  private int blockStart(int a) {
    return a == 0 || items.isEmpty() ? 0 : rowIndexOfItem(a - 1) + 1;
  }

  /** The row of item {@code i}; at least i, and at most as far from the end as items are. */
  private int rowIndexOfItem(int i) {
    String key = items.get(i).key();
    int n = items.size();
    int r = rows.size();
    if (i >= n / 2) {
      for (int k = Math.min(r - 1, r - n + i); k >= 0; k--) {
        if (rows.get(k).key().equals(key)) {
          return k;
        }
      }
    } else {
      for (int k = i; k < r; k++) {
        if (rows.get(k).key().equals(key)) {
          return k;
        }
      }
    }
    throw new IllegalStateException("no row for " + key);
  }

  private int indexOfKey(String key) {
    for (int i = items.size() - 1; i >= 0; i--) {
      if (items.get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /** Where an item with this timestamp goes: after every item at or before it. */
  private int insertionPoint(Instant at) {
    return ReceiptPlacement.insertionPoint(items, at);
  }

  // ---- unread divider and receipts ----

  private void findUnreadAnchor(int unreadCount) {
    unreadAnchor = null;
    unreadMissing = Math.max(0, unreadCount);
    extendUnreadAnchor(items);
  }

  private void extendUnreadAnchor(List<TimelineItem> older) {
    for (int i = older.size() - 1; i >= 0 && unreadMissing > 0; i--) {
      if (older.get(i) instanceof ChatMessage m && !m.own()) {
        unreadMissing--;
        unreadAnchor = m.key();
      }
    }
  }

  /** Reassigns every receipt to the newest sent message at or before it; the changed keys. */
  private Set<String> recomputeSeenBy() {
    Map<String, List<Person>> next = ReceiptPlacement.place(items, readUpTo, people);
    Set<String> dirty = ReceiptPlacement.changedKeys(seenBy, next);
    seenBy = next;
    return dirty;
  }
}
