package dev.parley.client.internal;

import dev.parley.proto.Hangouts.ActiveClientState;
import dev.parley.proto.Hangouts.ConversationId;
import dev.parley.proto.Hangouts.ConversationState;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.EventNotification;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.StateUpdateHeader;
import dev.parley.proto.Hangouts.SyncAllNewEventsResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where state updates from the channel and from catch-up meet before observers see them: drops
 * events already delivered (by event id, the last {@value #REMEMBERED_EVENTS} remembered), keeps
 * the newest event timestamp for the next catch-up, tracks the active-client state (telling when
 * this client becomes or stops being the active one), and hands each update to an {@link
 * OrderedExecutor} lane named by its conversation.
 *
 * <p>Threading: confined to the client's control thread, which also runs catch-ups; updates that
 * arrive during a catch-up wait in the control thread's queue and so come after it. Between a
 * failed catch-up and the next successful one the client is out of sync: channel updates are then
 * dropped, because delivering them would move the sync timestamp past events not yet caught up; the
 * next catch-up brings them back in order. Only the two volatile fields are read elsewhere.
 */
public final class UpdateDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(UpdateDispatcher.class);
  static final int REMEMBERED_EVENTS = 10_000;

  private final OrderedExecutor ordered;
  private final Consumer<StateUpdate> sink;
  private final Consumer<Boolean> activeChanged;
  private final Map<String, Boolean> deliveredEventIds =
      new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED_EVENTS;
        }
      };
  private boolean synced = true;
  private volatile long syncTimestamp;
  private volatile ActiveClientState activeClientState =
      ActiveClientState.ACTIVE_CLIENT_STATE_NO_ACTIVE;

  public UpdateDispatcher(OrderedExecutor ordered, Consumer<StateUpdate> sink) {
    this(ordered, sink, active -> {});
  }

  /**
   * @param activeChanged told, on the global lane, when this client becomes the active client
   *     ({@code true}) or stops being it ({@code false})
   */
  public UpdateDispatcher(
      OrderedExecutor ordered, Consumer<StateUpdate> sink, Consumer<Boolean> activeChanged) {
    this.ordered = ordered;
    this.sink = sink;
    this.activeChanged = activeChanged;
  }

  /** Updates pushed by the channel, in arrival order. */
  public void fromChannel(List<StateUpdate> updates) {
    if (!synced) {
      LOG.debug("dropping {} pushed updates until the catch-up succeeds", updates.size());
      return;
    }
    for (StateUpdate update : updates) {
      deliver(update);
    }
  }

  /**
   * One page of {@code syncallnewevents}: per conversation one update per event (with the
   * conversation), or one conversation-only update when it changed without new events or all its
   * events were delivered already.
   */
  public void fromCatchUp(SyncAllNewEventsResponse response) {
    StateUpdateHeader header =
        StateUpdateHeader.newBuilder()
            .setCurrentServerTime(response.getResponseHeader().getCurrentServerTime())
            .build();
    for (ConversationState state : response.getConversationStateList()) {
      boolean delivered = false;
      for (Event event : state.getEventList()) {
        StateUpdate.Builder update =
            StateUpdate.newBuilder()
                .setStateUpdateHeader(header)
                .setEventNotification(EventNotification.newBuilder().setEvent(event));
        if (state.hasConversation()) {
          update.setConversation(state.getConversation());
        }
        delivered |= deliver(update.build());
      }
      if (!delivered && state.hasConversation()) {
        deliver(
            StateUpdate.newBuilder()
                .setStateUpdateHeader(header)
                .setConversation(state.getConversation())
                .build());
      }
    }
  }

  /** Whether channel updates are delivered (true) or dropped until the next catch-up (false). */
  public void setSynced(boolean value) {
    synced = value;
  }

  /** Where the next catch-up starts, in microseconds; 0 when unknown. */
  public long syncTimestamp() {
    return syncTimestamp;
  }

  public void setSyncTimestamp(long micros) {
    syncTimestamp = micros;
  }

  /** Moves the sync timestamp forward to {@code micros} (never back). */
  public void advanceSyncTimestamp(long micros) {
    if (micros > syncTimestamp) {
      syncTimestamp = micros;
    }
  }

  public ActiveClientState activeClientState() {
    return activeClientState;
  }

  /** Set when this client makes itself active, before the server's header confirms it. */
  public void setActiveClientState(ActiveClientState state) {
    boolean active = state == ActiveClientState.ACTIVE_CLIENT_STATE_IS_ACTIVE;
    boolean wasActive;
    synchronized (this) {
      wasActive = activeClientState == ActiveClientState.ACTIVE_CLIENT_STATE_IS_ACTIVE;
      activeClientState = state;
    }
    if (active != wasActive) {
      ordered.execute(null, () -> activeChanged.accept(active));
    }
  }

  private boolean deliver(StateUpdate update) {
    if (update.hasEventNotification()) {
      Event event = update.getEventNotification().getEvent();
      String eventId = event.getEventId();
      if (!eventId.isEmpty() && deliveredEventIds.put(eventId, Boolean.TRUE) != null) {
        return false;
      }
      advanceSyncTimestamp(event.getTimestamp());
    }
    if (update.getStateUpdateHeader().hasActiveClientState()) {
      setActiveClientState(update.getStateUpdateHeader().getActiveClientState());
    }
    ordered.execute(conversationIdOf(update), () -> sink.accept(update));
    return true;
  }

  /** The conversation an update is about, or null (presence, settings). */
  public static String conversationIdOf(StateUpdate update) {
    ConversationId id =
        switch (update.getStateUpdateCase()) {
          case CONVERSATION_NOTIFICATION ->
              update.getConversationNotification().getConversation().getConversationId();
          case EVENT_NOTIFICATION -> update.getEventNotification().getEvent().getConversationId();
          case FOCUS_NOTIFICATION -> update.getFocusNotification().getConversationId();
          case TYPING_NOTIFICATION -> update.getTypingNotification().getConversationId();
          case NOTIFICATION_LEVEL_NOTIFICATION ->
              update.getNotificationLevelNotification().getConversationId();
          case REPLY_TO_INVITE_NOTIFICATION ->
              update.getReplyToInviteNotification().getConversationId();
          case WATERMARK_NOTIFICATION -> update.getWatermarkNotification().getConversationId();
          case VIEW_MODIFICATION -> update.getViewModification().getConversationId();
          case EASTER_EGG_NOTIFICATION -> update.getEasterEggNotification().getConversationId();
          case DELETE_NOTIFICATION -> update.getDeleteNotification().getConversationId();
          default -> null;
        };
    if ((id == null || id.getId().isEmpty()) && update.hasConversation()) {
      id = update.getConversation().getConversationId();
    }
    return id == null || id.getId().isEmpty() ? null : id.getId();
  }
}
