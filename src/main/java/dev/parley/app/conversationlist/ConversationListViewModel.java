package dev.parley.app.conversationlist;

import dev.parley.app.I18n;
import dev.parley.app.UiDispatcher;
import dev.parley.app.UiTimer;
import dev.parley.app.session.ConversationSummary;
import dev.parley.app.session.Person;
import dev.parley.app.session.SessionListener;
import dev.parley.app.session.SessionService;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The sidebar's conversation list: every conversation as a {@link ConversationRow}, newest activity
 * first, narrowed by the search filter and the archived toggle, kept current as the session reports
 * changes, with relative times refreshed each minute.
 *
 * <p>The selection is a conversation id, not an index, so it survives re-sorting and filtering; a
 * conversation that is selected but filtered out stays selected (it is still open).
 *
 * <p>{@link #totalUnreadProperty()} counts the unread messages of every conversation that is not
 * archived, muted ones included (as Telegram's badge does by default); the filter does not change
 * it.
 */
public final class ConversationListViewModel implements SessionListener {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /** How often the relative times are worded again. */
  static final Duration TIME_REFRESH = Duration.ofMinutes(1);

  private final SessionService session;
  private final Clock clock;
  private final I18n text;
  private final RelativeTime times;
  private final Map<String, ConversationSummary> summaries = new HashMap<>();
  private final ObservableList<ConversationRow> source = FXCollections.observableArrayList();
  private final FilteredList<ConversationRow> filtered = new FilteredList<>(source);
  private final ObservableList<ConversationRow> rows;
  private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
  private final BooleanProperty showArchived = new SimpleBooleanProperty(this, "showArchived");
  private final ReadOnlyObjectWrapper<String> selectedId = new ReadOnlyObjectWrapper<>(this, "id");
  private final ReadOnlyIntegerWrapper totalUnread = new ReadOnlyIntegerWrapper(this, "unread");
  private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
  private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder");
  private final UiTimer.Scheduled ticker;

  /**
   * @param ui unused today: the session's callbacks and the timer's ticks already arrive on the UI
   *     thread, and this ViewModel makes no requests
   */
  public ConversationListViewModel(
      SessionService session, UiDispatcher ui, UiTimer timer, Clock clock) {
    this(session, ui, timer, clock, Locale.getDefault());
  }

  /** With a fixed locale for the times and words (tests). */
  public ConversationListViewModel(
      SessionService session, UiDispatcher ui, UiTimer timer, Clock clock, Locale locale) {
    this.session = session;
    this.clock = clock;
    this.text = I18n.of(ConversationListViewModel.class, locale);
    this.times = new RelativeTime(text, locale);
    SortedList<ConversationRow> sorted =
        new SortedList<>(
            filtered,
            Comparator.comparing(ConversationRow::lastActivity)
                .reversed()
                .thenComparing(ConversationRow::id));
    rows = FXCollections.unmodifiableObservableList(sorted);
    filter.addListener((obs, old, now) -> refilter());
    showArchived.addListener((obs, old, now) -> refilter());
    rows.addListener((ListChangeListener<ConversationRow>) c -> updatePlaceholder());
    for (ConversationSummary summary : session.conversations()) {
      summaries.put(summary.id(), summary);
      source.add(toRow(summary));
    }
    refilter();
    updateTotalUnread();
    session.addListener(this);
    ticker = timer.every(TIME_REFRESH, this::refreshTimes);
  }

  // ---- what the view binds ----

  /** The visible rows, newest activity first; read-only. */
  public ObservableList<ConversationRow> rows() {
    return rows;
  }

  /** The search text; matches titles and participants' names and addresses. */
  public StringProperty filterProperty() {
    return filter;
  }

  /** Archived conversations are listed only while this is on. */
  public BooleanProperty showArchivedProperty() {
    return showArchived;
  }

  /** The open conversation, or null. */
  public ReadOnlyObjectProperty<String> selectedConversationIdProperty() {
    return selectedId.getReadOnlyProperty();
  }

  /** Unread messages over all conversations that are not archived. */
  public ReadOnlyIntegerProperty totalUnreadProperty() {
    return totalUnread.getReadOnlyProperty();
  }

  /** Nothing is listed (no conversations, or none match). */
  public ReadOnlyBooleanProperty emptyProperty() {
    return empty.getReadOnlyProperty();
  }

  /** What the empty list says: "No conversations" or "No matches for “x”". */
  public ReadOnlyStringProperty placeholderProperty() {
    return placeholder.getReadOnlyProperty();
  }

  // ---- selection ----

  /** Selects a conversation by id (null clears); it need not be listed (yet). */
  public void select(String conversationId) {
    selectedId.set(conversationId);
  }

  /** The row below the selection, or the first row when none is listed; stays at the bottom. */
  public void selectNext() {
    int index = selectedIndex();
    selectIndex(index < 0 ? 0 : Math.min(index + 1, rows.size() - 1));
  }

  /** The row above the selection, or the first row when none is listed; stays at the top. */
  public void selectPrevious() {
    int index = selectedIndex();
    selectIndex(index < 0 ? 0 : Math.max(index - 1, 0));
  }

  /**
   * The next unread conversation below the selection, continuing from the top when there is none
   * below (unread conversations usually sit near the top); does nothing when nothing else is
   * unread.
   *
   * @return whether the selection moved
   */
  public boolean selectNextUnread() {
    return selectUnread(1);
  }

  /** As {@link #selectNextUnread()}, upwards, continuing from the bottom. */
  public boolean selectPreviousUnread() {
    return selectUnread(-1);
  }

  /** Selects the {@code index}th visible row, counting from 0; out of range does nothing. */
  public void selectIndex(int index) {
    if (index >= 0 && index < rows.size()) {
      selectedId.set(rows.get(index).id());
    }
  }

  private boolean selectUnread(int step) {
    int n = rows.size();
    int start = selectedIndex();
    if (start < 0) {
      start = step > 0 ? -1 : n;
    }
    for (int i = 1; i <= n; i++) {
      int index = Math.floorMod(start + step * i, n);
      if (index == start) {
        break;
      }
      if (rows.get(index).unreadCount() > 0) {
        selectedId.set(rows.get(index).id());
        return true;
      }
    }
    return false;
  }

  private int selectedIndex() {
    String id = selectedId.get();
    if (id == null) {
      return -1;
    }
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  // ---- session changes ----

  @Override
  public void conversationUpdated(ConversationSummary summary) {
    summaries.put(summary.id(), summary);
    ConversationRow row = toRow(summary);
    int index = sourceIndex(summary.id());
    if (index < 0) {
      source.add(row);
    } else if (!source.get(index).equals(row)) {
      source.set(index, row);
    }
    updateTotalUnread();
    updatePlaceholder();
  }

  @Override
  public void conversationRemoved(String conversationId) {
    summaries.remove(conversationId);
    int index = sourceIndex(conversationId);
    if (index >= 0) {
      source.remove(index);
    }
    if (conversationId.equals(selectedId.get())) {
      selectedId.set(null);
    }
    updateTotalUnread();
    updatePlaceholder();
  }

  /** Stops listening and refreshing. */
  public void dispose() {
    session.removeListener(this);
    ticker.cancel();
  }

  // ---- rows ----

  private int sourceIndex(String id) {
    for (int i = 0; i < source.size(); i++) {
      if (source.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private ConversationRow toRow(ConversationSummary s) {
    String title = s.title();
    Person other = s.otherPerson();
    Person sender = s.lastMessageSender();
    String prefix = "";
    if (sender != null && !s.lastMessagePreview().isEmpty()) {
      if (sender.self()) {
        prefix = text.get("preview.you");
      } else if (other == null) {
        prefix = text.get("preview.sender", sender.firstName());
      }
    }
    String preview = s.lastMessagePreview();
    String spoken = text.get("a11y.row", title);
    if (s.unreadCount() > 0) {
      spoken = text.get("a11y.unread", spoken, s.unreadCount());
    }
    if (s.quiet()) {
      spoken = text.get("a11y.quiet", spoken);
    }
    if (s.archived()) {
      spoken = text.get("a11y.archived", spoken);
    }
    if (!preview.isEmpty()) {
      spoken =
          text.get("a11y.lastMessage", spoken, prefix.isEmpty() ? preview : prefix + " " + preview);
    }
    return new ConversationRow(
        s.id(),
        title,
        other,
        prefix,
        preview,
        times.format(s.lastActivity(), clock.instant(), clock.getZone()),
        s.lastActivity(),
        s.unreadCount(),
        s.quiet(),
        s.archived(),
        spoken);
  }

  private void refreshTimes() {
    for (int i = 0; i < source.size(); i++) {
      ConversationRow row = source.get(i);
      String time = times.format(row.lastActivity(), clock.instant(), clock.getZone());
      if (!time.equals(row.time())) {
        source.set(i, row.withTime(time));
      }
    }
  }

  private void refilter() {
    String query = fold(filter.get());
    boolean archived = showArchived.get();
    Predicate<ConversationRow> visible =
        row -> {
          ConversationSummary s = summaries.get(row.id());
          return s != null && (archived || !s.archived()) && (query.isEmpty() || matches(s, query));
        };
    filtered.setPredicate(visible);
    updatePlaceholder();
  }

  private static boolean matches(ConversationSummary s, String query) {
    if (fold(s.title()).contains(query)) {
      return true;
    }
    for (Person p : s.participants()) {
      if (!p.self() && (fold(p.fullName()).contains(query) || fold(p.email()).contains(query))) {
        return true;
      }
    }
    return false;
  }

  /** Lower case without accents, so "zoe" finds "Zoë". */
  private static String fold(String s) {
    String trimmed = Objects.requireNonNullElse(s, "").trim().toLowerCase(Locale.ROOT);
    return MARKS.matcher(Normalizer.normalize(trimmed, Normalizer.Form.NFD)).replaceAll("");
  }

  private void updateTotalUnread() {
    totalUnread.set(
        summaries.values().stream()
            .filter(s -> !s.archived())
            .mapToInt(ConversationSummary::unreadCount)
            .sum());
  }

  private void updatePlaceholder() {
    empty.set(rows.isEmpty());
    String query = Objects.requireNonNullElse(filter.get(), "").trim();
    if (!query.isEmpty()) {
      placeholder.set(text.get("placeholder.noMatches", query));
    } else if (!showArchived.get() && summaries.values().stream().anyMatch(s -> s.archived())) {
      placeholder.set(text.get("placeholder.emptyArchived"));
    } else {
      placeholder.set(text.get("placeholder.empty"));
    }
  }
}
