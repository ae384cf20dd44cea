package dev.parley.app.session;

import dev.parley.app.UiDispatcher;
import dev.parley.app.UiTimer;
import dev.parley.client.Client;
import dev.parley.client.ConnectionState;
import dev.parley.client.Conversation;
import dev.parley.client.ConversationEvent;
import dev.parley.client.ConversationLists;
import dev.parley.client.Event;
import dev.parley.client.Presence;
import dev.parley.client.TypingStatus;
import dev.parley.client.TypingStatusMessage;
import dev.parley.client.User;
import dev.parley.client.UserId;
import dev.parley.client.WatermarkNotification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the client library tells the session, brought to the UI thread: the observers run on the
 * client's callback threads, where they only map what they were given (events to timeline items)
 * and dispatch; the handling runs on the UI thread, in the order the library fired (per
 * conversation), and updates the {@link SessionModel}, the {@link Outbox} and who is typing.
 */
final class IncomingEvents implements AutoCloseable {
  private final SessionModel model;
  private final Outbox outbox;
  private final TimelineMapper mapper;
  private final People people;
  private final TypingTracker typing;
  private final UiDispatcher ui;
  private final UiTimer timer;
  private final UserId self;
  private final List<Runnable> removals = new ArrayList<>();

  private final SystemLineRewording rewording;

  private boolean closed; // UI thread

  IncomingEvents(
      SessionModel model,
      Outbox outbox,
      TimelineMapper mapper,
      People people,
      TypingTracker typing,
      UiDispatcher ui,
      UiTimer timer,
      UserId self,
      SystemLineRewording rewording) {
    this.model = model;
    this.outbox = outbox;
    this.mapper = mapper;
    this.people = people;
    this.typing = typing;
    this.ui = ui;
    this.timer = timer;
    this.self = self;
    this.rewording = rewording;
  }

  /** Starts observing; from then on every change reaches the model. */
  void observe(Client client, ConversationLists lists) {
    Consumer<ConversationEvent> onEvent =
        event -> {
          TimelineItem item = mapper.map(event); // mapped here, off the UI thread
          ui.dispatch(
              () -> {
                if (!closed) {
                  eventArrived(event, item);
                }
              });
        };
    add(lists.conversationList().onEvent(), onEvent);
    onUi(lists.conversationList().onConversationChanged(), model::refresh);
    onUi(lists.conversationList().onConversationRemoved(), this::removed);
    onUi(lists.conversationList().onTyping(), this::typingNotified);
    onUi(lists.conversationList().onWatermarkNotification(), this::watermark);
    onUi(lists.userList().onPresence(), this::presence);
    onUi(lists.userList().onUserChanged(), this::userChanged);
    onUi(client.onConnectionState(), this::connectionChanged);
    onUi(client.onActiveClientChanged(), this::activeClientChanged);
  }

  /** Stops observing; what was already dispatched is dropped. Call on the UI thread. */
  @Override
  public void close() {
    closed = true;
    removals.forEach(Runnable::run);
    removals.clear();
  }

  /** The people typing in a conversation now. */
  List<Person> typing(String conversationId) {
    return typing.typing(conversationId).stream().map(people::person).toList();
  }

  static ConnectionStatus status(ConnectionState state) {
    ConnectionStatus.Kind kind =
        switch (state.kind()) {
          case CONNECTING -> ConnectionStatus.Kind.CONNECTING;
          case CONNECTED -> ConnectionStatus.Kind.CONNECTED;
          case RECONNECTING -> ConnectionStatus.Kind.RECONNECTING;
          case DISCONNECTED -> ConnectionStatus.Kind.OFFLINE;
        };
    return new ConnectionStatus(kind, state.nextAttempt(), state.reason());
  }

  // ---- on the UI thread ----

  private void eventArrived(ConversationEvent event, TimelineItem mapped) {
    String id = event.getConversationId();
    TimelineItem item = mapped;
    if (item instanceof SystemEvent) {
      // Someone it names (a person just added) may have become known since it was mapped; if
      // still unknown, it is worded again when they are (userChanged).
      item = rewording.mapNow(event);
    }
    if (item == null) {
      model.model(id).sawEvent(event.getId(), event.getTimestamp());
      model.refresh(id);
      return;
    }
    model.upsert(id, List.of(item));
    if (item instanceof ChatMessage message) {
      if (message.own()) {
        outbox.delivered(message);
      } else if (typing.stopped(id, message.sender().id())) {
        announceTyping(id);
      }
    }
  }

  private void removed(Conversation conversation) {
    typing.forget(conversation.getId());
    model.removed(conversation.getId());
  }

  private void typingNotified(TypingStatusMessage message) {
    if (message.userId().equals(self)) {
      return;
    }
    String id = message.conversationId();
    if (typing.update(id, message.userId().gaiaId(), message.status(), Instant.now())) {
      announceTyping(id);
    }
    if (message.status() == TypingStatus.STARTED) {
      timer.schedule(
          typing.expiry().plusMillis(100),
          () -> {
            if (typing.expire(id, Instant.now())) {
              announceTyping(id);
            }
          });
    }
  }

  private void announceTyping(String conversationId) {
    List<Person> now = typing(conversationId);
    model.tell(l -> l.typingChanged(conversationId, now));
  }

  private void watermark(WatermarkNotification notification) {
    // The conversation applied it already: our own moves the unread count, others' the receipts.
    model.refresh(notification.conversationId());
  }

  private void presence(Presence presence) {
    PresenceInfo info = People.presence(presence);
    model.tell(l -> l.presenceChanged(presence.userId().gaiaId(), info));
  }

  private void userChanged(User user) {
    rewording.personChanged(user.getId());
    model.refreshWith(user.getId().gaiaId());
  }

  private void connectionChanged(ConnectionState state) {
    model.connection(status(state));
    if (state.kind() == ConnectionState.Kind.CONNECTED) {
      outbox.connected();
    }
  }

  private void activeClientChanged(boolean active) {
    model.tell(l -> l.activeClientChanged(active));
  }

  // ---- plumbing ----

  private <T> void onUi(Event<T> event, Consumer<T> handler) {
    add(
        event,
        value ->
            ui.dispatch(
                () -> {
                  if (!closed) {
                    handler.accept(value);
                  }
                }));
  }

  private <T> void add(Event<T> event, Consumer<T> observer) {
    event.addObserver(observer);
    removals.add(() -> event.removeObserver(observer));
  }
}
