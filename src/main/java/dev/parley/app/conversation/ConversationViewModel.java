package dev.parley.app.conversation;

import dev.parley.app.I18n;
import dev.parley.app.UiDispatcher;
import dev.parley.app.UiTimer;
import dev.parley.app.imageviewer.ImageViewerViewModel;
import dev.parley.app.session.ChatMessage;
import dev.parley.app.session.ConversationSummary;
import dev.parley.app.session.HistoryPage;
import dev.parley.app.session.Person;
import dev.parley.app.session.PresenceInfo;
import dev.parley.app.session.SendState;
import dev.parley.app.session.SessionListener;
import dev.parley.app.session.SessionService;
import dev.parley.app.session.TimelineItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
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
import javafx.collections.ObservableList;

/**
 * The open conversation: its header (title, presence or participants, who is typing), its timeline
 * as rows for a virtualised list, older history on demand, the "new messages below" count, and
 * marking read when the user can see the newest message. Runs on the UI thread only.
 */
public final class ConversationViewModel {
  static final int PAGE_SIZE = 50;

  private final SessionService session;
  private final UiDispatcher ui;
  private final Clock clock;
  private final Executor io;
  private final TimelineFormats formats;
  private final TimelineModel timeline;
  private final SessionListener listener = new Listener();
  private final UiTimer.Scheduled ticker;

  private final ReadOnlyStringWrapper conversationId = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper typingText = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Person> avatar = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper group = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper loadingOlder = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper reachedStart = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper atBottom = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyIntegerWrapper newMessagesBelow = new ReadOnlyIntegerWrapper(0);
  private final BooleanProperty windowFocused = new SimpleBooleanProperty(false);

  private ConversationSummary summary;
  private int generation;
  private String lastMarkedKey;
  private LocalDate today;
  private boolean disposed;

  public ConversationViewModel(
      SessionService session, UiDispatcher ui, UiTimer timer, Clock clock) {
    this(session, ui, timer, clock, ForkJoinPool.commonPool());
  }

  /**
   * @param io where the image viewer writes saved files
   */
  public ConversationViewModel(
      SessionService session, UiDispatcher ui, UiTimer timer, Clock clock, Executor io) {
    this.session = Objects.requireNonNull(session, "session");
    this.ui = Objects.requireNonNull(ui, "ui");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.io = Objects.requireNonNull(io, "io");
    I18n text = I18n.of(ConversationViewModel.class);
    formats = new TimelineFormats(text, clock);
    timeline = new TimelineModel(formats, session::person, text.get("unread.divider"));
    today = formats.today();
    session.addListener(listener);
    windowFocused.addListener((obs, was, is) -> maybeMarkRead());
    ticker = timer.every(Duration.ofMinutes(1), this::tick);
  }

  // ---- state ----

  /** The open conversation's id, or null when none is open (the view shows its empty state). */
  public ReadOnlyStringProperty conversationIdProperty() {
    return conversationId.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** Participants of a group, or the other person's presence ("online", "last seen …"). */
  public ReadOnlyStringProperty subtitleProperty() {
    return subtitle.getReadOnlyProperty();
  }

  /** "Alice is typing…", or empty. */
  public ReadOnlyStringProperty typingTextProperty() {
    return typingText.getReadOnlyProperty();
  }

  /** Whom the header avatar shows: the other person, or the group (its title as the name). */
  /** Whose card the header opens: the other person of a one-to-one conversation, else null. */
  public String headerPersonId() {
    Person other = summary == null ? null : summary.otherPerson();
    return other == null ? null : other.id();
  }

  public ReadOnlyObjectProperty<Person> avatarProperty() {
    return avatar.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty groupProperty() {
    return group.getReadOnlyProperty();
  }

  /** The rows to show, oldest first. */
  public ObservableList<TimelineRow> rows() {
    return timeline.rows();
  }

  public ReadOnlyBooleanProperty loadingOlderProperty() {
    return loadingOlder.getReadOnlyProperty();
  }

  /** Nothing older than the first row exists. */
  public ReadOnlyBooleanProperty reachedStartProperty() {
    return reachedStart.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty atBottomProperty() {
    return atBottom.getReadOnlyProperty();
  }

  /** Messages from others that arrived while the user was scrolled up. */
  public ReadOnlyIntegerProperty newMessagesBelowProperty() {
    return newMessagesBelow.getReadOnlyProperty();
  }

  /** Set by the shell: whether the main window has the focus. */
  public BooleanProperty windowFocusedProperty() {
    return windowFocused;
  }

  // ---- actions ----

  /** Opens a conversation (null: none). */
  public void open(String id) {
    if (Objects.equals(id, conversationId.get())) {
      return;
    }
    generation++;
    loadingOlder.set(false);
    reachedStart.set(false);
    newMessagesBelow.set(0);
    lastMarkedKey = null;
    summary = id == null ? null : session.conversation(id).orElse(null);
    if (id == null) {
      timeline.clear();
      typingText.set("");
    } else {
      timeline.reset(
          session.timeline(id),
          summary != null && summary.group(),
          summary == null ? 0 : summary.unreadCount(),
          session.readReceipts(id));
      typingText.set(formats.typing(othersOnly(session.typing(id))));
    }
    updateHeader();
    conversationId.set(id);
    if (summary != null && summary.otherPerson() != null) {
      session.refreshPresence(List.of(summary.otherPerson().id()));
    }
    maybeMarkRead();
  }

  /**
   * The row the view shows first after {@link #open}: the unread divider, else the newest row (-1
   * when there are no rows).
   */
  public int initialScrollIndex() {
    int divider = timeline.unreadDividerIndex();
    return divider >= 0 ? divider : rows().size() - 1;
  }

  /**
   * Loads a page of older history and puts it before the first row. Does nothing while a load is
   * running or once the start is reached.
   *
   * @return how many rows were added at the top (0 when nothing was loaded)
   */
  public CompletableFuture<Integer> loadOlder() {
    String id = conversationId.get();
    if (id == null || loadingOlder.get() || reachedStart.get()) {
      return CompletableFuture.completedFuture(0);
    }
    loadingOlder.set(true);
    int requestGeneration = generation;
    CompletableFuture<Integer> added = new CompletableFuture<>();
    session
        .loadOlder(id, PAGE_SIZE)
        .whenComplete(
            (page, error) ->
                ui.dispatch(() -> added.complete(olderLoaded(requestGeneration, page, error))));
    return added;
  }

  private int olderLoaded(int requestGeneration, HistoryPage page, Throwable error) {
    if (requestGeneration != generation || disposed) {
      return 0;
    }
    loadingOlder.set(false);
    if (error != null) {
      return 0;
    }
    int added = timeline.prepend(page.items());
    reachedStart.set(page.reachedStart());
    return added;
  }

  /** The view reports whether the newest row is in sight. */
  public void setAtBottom(boolean bottom) {
    atBottom.set(bottom);
    if (bottom) {
      newMessagesBelow.set(0);
      maybeMarkRead();
    }
  }

  /** The "jump to newest" button: the view scrolls down; the count starts over. */
  public void jumpToNewest() {
    newMessagesBelow.set(0);
  }

  /** The user typed, clicked or scrolled: this client is the active one. */
  public void userInteracted() {
    session.setActive();
  }

  /** Sends a failed message of the user's again. */
  public void retry(ChatMessage message) {
    if (message.own()
        && message.state() == SendState.FAILED
        && message.clientGeneratedId() != null) {
      session.retry(message.conversationId(), message.clientGeneratedId());
    }
  }

  /** "Show more" under a long message: reveals the next page of its text. */
  public void showMore(String rowKey) {
    timeline.showMore(rowKey);
  }

  /** A view model for the image viewer showing {@code url}. */
  public ImageViewerViewModel imageViewer(String url) {
    return new ImageViewerViewModel(session, ui, io, url);
  }

  /** Stops listening to the session; the view model is not used again. */
  public void dispose() {
    disposed = true;
    session.removeListener(listener);
    ticker.cancel();
  }

  // ---- internals ----

  private void updateHeader() {
    if (summary == null) {
      title.set("");
      subtitle.set("");
      group.set(false);
      avatar.set(null);
      return;
    }
    String name = MessageText.oneLine(summary.title());
    title.set(name);
    group.set(summary.group());
    timeline.setGroup(summary.group());
    Person other = summary.otherPerson();
    if (other != null) {
      avatar.set(other);
      subtitle.set(formats.presence(session.presence(other.id())));
    } else {
      avatar.set(new Person(summary.id(), name, null, null, null, false));
      subtitle.set(summary.group() ? formats.participants(summary.others()) : "");
    }
  }

  private void maybeMarkRead() {
    String id = conversationId.get();
    TimelineItem newest = timeline.newest();
    if (id == null
        || newest == null
        || !windowFocused.get()
        || !atBottom.get()
        || summary == null
        || summary.unreadCount() <= 0
        || newest.key().equals(lastMarkedKey)) {
      return;
    }
    lastMarkedKey = newest.key();
    String marked = lastMarkedKey;
    session
        .markRead(id)
        .whenComplete(
            (ok, error) -> {
              if (error != null) {
                ui.dispatch(
                    () -> {
                      if (marked.equals(lastMarkedKey)) {
                        lastMarkedKey = null; // the next event tries again
                      }
                    });
              }
            });
  }

  private void tick() {
    LocalDate now = formats.today();
    if (!now.equals(today)) {
      today = now;
      timeline.relabelDays();
    }
    if (summary != null && summary.otherPerson() != null) {
      subtitle.set(formats.presence(session.presence(summary.otherPerson().id())));
    }
  }

  private static List<Person> othersOnly(List<Person> people) {
    return people.stream().filter(p -> !p.self()).toList();
  }

  private boolean isOpen(String id) {
    return id != null && id.equals(conversationId.get());
  }

  private final class Listener implements SessionListener {
    @Override
    public void conversationUpdated(ConversationSummary updated) {
      if (isOpen(updated.id())) {
        summary = updated;
        updateHeader();
        maybeMarkRead();
      }
    }

    @Override
    public void conversationRemoved(String id) {
      if (isOpen(id)) {
        open(null);
      }
    }

    @Override
    public void stateReloaded() {
      // Opened from the saved list while signing in: read it again from the real session.
      String id = conversationId.get();
      if (id != null) {
        open(null);
        open(id);
      }
    }

    @Override
    public void timelineItemUpserted(TimelineItem item) {
      if (!isOpen(item.conversationId())) {
        return;
      }
      TimelineModel.Upsert result = timeline.upsert(item);
      if (result != TimelineModel.Upsert.REPLACED
          && item instanceof ChatMessage message
          && !message.own()
          && !atBottom.get()) {
        newMessagesBelow.set(newMessagesBelow.get() + 1);
      }
      maybeMarkRead();
    }

    @Override
    public void typingChanged(String id, List<Person> typing) {
      if (isOpen(id)) {
        typingText.set(formats.typing(othersOnly(typing)));
      }
    }

    @Override
    public void readReceiptsChanged(String id, Map<String, Instant> readUpTo) {
      if (isOpen(id)) {
        timeline.setReceipts(readUpTo);
      }
    }

    @Override
    public void presenceChanged(String personId, PresenceInfo presence) {
      Person other = summary == null ? null : summary.otherPerson();
      if (other != null && other.id().equals(personId)) {
        subtitle.set(formats.presence(presence));
      }
    }
  }
}
