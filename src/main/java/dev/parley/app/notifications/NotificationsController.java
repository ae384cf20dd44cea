package dev.parley.app.notifications;

import dev.parley.app.UiDispatcher;
import dev.parley.app.session.ChatMessage;
import dev.parley.app.session.ConversationSummary;
import dev.parley.app.session.SendState;
import dev.parley.app.session.SessionListener;
import dev.parley.app.session.SessionService;
import dev.parley.app.session.TimelineItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Turns a session's new messages into desktop notifications. The shell creates one per session,
 * binds {@link #windowFocusedProperty()} to the window's focus and {@link
 * #openConversationIdProperty()} to the conversation on screen, and closes it with the session.
 *
 * <p>Only messages newer than what the session already had count: neither the history of the first
 * sync nor pages loaded by scrolling up notify, only what arrives after the controller started and
 * after the newest item seen in that conversation. Whether a message notifies and what it says is
 * {@link NotificationPolicy}'s decision. Runs on the UI thread, like the session's listeners.
 */
public final class NotificationsController implements SessionListener, AutoCloseable {
  /** How long a notification waits for the sender's avatar before it shows without. */
  static final Duration AVATAR_WAIT = Duration.ofSeconds(2);

  private final SessionService session;
  private final DesktopNotifier notifier;
  private final Supplier<NotificationSettings> settings;
  private final NotificationPolicy policy;
  private final UiDispatcher ui;
  private final Clock clock;
  private final Consumer<String> onActivated;
  private final Instant start;

  private final BooleanProperty windowFocused =
      new SimpleBooleanProperty(this, "windowFocused", false);
  private final StringProperty openConversationId =
      new SimpleStringProperty(this, "openConversationId");
  private boolean thisClientActive = true;
  private boolean closed;

  private final Map<String, Instant> newestSeen = new HashMap<>();
  private final Map<String, ChatMessage> waitingForSummary = new HashMap<>();
  private final Map<String, Long> latest = new HashMap<>();
  private final Set<String> shown = new HashSet<>();
  private long sequence;

  /**
   * Starts listening to {@code session}.
   *
   * @param settings the current settings (e.g. {@code store::get})
   * @param onActivated the user clicked the notification of this conversation: bring the window
   *     forward and open it; runs on the UI thread
   */
  public NotificationsController(
      SessionService session,
      DesktopNotifier notifier,
      Supplier<NotificationSettings> settings,
      UiDispatcher ui,
      Consumer<String> onActivated) {
    this(session, notifier, settings, new NotificationPolicy(), ui, Clock.systemUTC(), onActivated);
  }

  NotificationsController(
      SessionService session,
      DesktopNotifier notifier,
      Supplier<NotificationSettings> settings,
      NotificationPolicy policy,
      UiDispatcher ui,
      Clock clock,
      Consumer<String> onActivated) {
    this.session = session;
    this.notifier = notifier;
    this.settings = settings;
    this.policy = policy;
    this.ui = ui;
    this.clock = clock;
    this.onActivated = onActivated;
    this.start = clock.instant();
    for (ConversationSummary c : session.conversations()) {
      newestSeen.put(c.id(), c.lastActivity());
    }
    windowFocused.addListener((o, was, is) -> closeLookedAt());
    openConversationId.addListener((o, was, is) -> closeLookedAt());
    notifier.onActivated(id -> ui.dispatch(() -> activated(id)));
    session.addListener(this);
  }

  /** Whether the main window has the focus; bind it to the stage's {@code focusedProperty()}. */
  public BooleanProperty windowFocusedProperty() {
    return windowFocused;
  }

  /** The conversation on screen, or null; bind it to the selection. */
  public StringProperty openConversationIdProperty() {
    return openConversationId;
  }

  /** Stops listening; notifications already shown stay. The notifier stays open. */
  @Override
  public void close() {
    closed = true;
    session.removeListener(this);
  }

  // ---- SessionListener ----

  @Override
  public void timelineItemUpserted(TimelineItem item) {
    String id = item.conversationId();
    Instant seen = newestSeen.get(id);
    boolean fresh =
        item.timestamp().isAfter(start) && (seen == null || item.timestamp().isAfter(seen));
    if (item.eventId() != null && fresh) {
      newestSeen.put(id, item.timestamp());
    }
    if (!fresh
        || !(item instanceof ChatMessage message)
        || message.own()
        || message.state() != SendState.SENT) {
      return;
    }
    ConversationSummary summary = session.conversation(id).orElse(null);
    if (summary == null) {
      // A conversation the session does not know yet: its summary follows.
      waitingForSummary.put(id, message);
    } else {
      consider(message, summary);
    }
  }

  @Override
  public void conversationUpdated(ConversationSummary summary) {
    ChatMessage waiting = waitingForSummary.remove(summary.id());
    if (waiting != null) {
      consider(waiting, summary);
    } else if (summary.unreadCount() == 0 && shown.contains(summary.id())) {
      // Read here or on another device.
      takeDown(summary.id());
    }
  }

  @Override
  public void conversationRemoved(String conversationId) {
    waitingForSummary.remove(conversationId);
    takeDown(conversationId);
  }

  @Override
  public void activeClientChanged(boolean active) {
    thisClientActive = active;
  }

  // ---- inside ----

  private void consider(ChatMessage message, ConversationSummary summary) {
    NotificationSettings now = settings.get();
    NotificationPolicy.Situation situation =
        new NotificationPolicy.Situation(
            openConversationId.get(), windowFocused.get(), thisClientActive);
    policy
        .decide(message, summary, situation, now, clock.instant())
        .ifPresent(n -> show(n, now.privacy() == NotificationPrivacy.NOTHING ? null : message));
  }

  /** Shows {@code n}, with the sender's avatar when {@code message} is given and has one. */
  private void show(Notification n, ChatMessage message) {
    String id = n.conversationId();
    long mine = ++sequence;
    latest.put(id, mine);
    shown.add(id);
    String photo = message == null ? null : message.sender().photoUrl();
    if (photo == null || photo.isBlank()) {
      notifier.show(n);
      return;
    }
    session
        .fetchImage(photo)
        .copy()
        .orTimeout(AVATAR_WAIT.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (bytes, failure) ->
                ui.dispatch(
                    () -> {
                      // A newer message of the conversation may have shown meanwhile.
                      Long newest = latest.get(id);
                      if (!closed && newest != null && newest == mine) {
                        notifier.show(bytes != null ? n.withIcon(bytes) : n);
                      }
                    }));
  }

  private void closeLookedAt() {
    String open = openConversationId.get();
    if (windowFocused.get() && open != null && shown.contains(open)) {
      takeDown(open);
    }
  }

  private void takeDown(String conversationId) {
    latest.remove(conversationId);
    if (shown.remove(conversationId)) {
      notifier.close(conversationId);
    }
  }

  private void activated(String conversationId) {
    if (closed) {
      return;
    }
    shown.remove(conversationId);
    latest.remove(conversationId);
    onActivated.accept(conversationId);
  }
}
