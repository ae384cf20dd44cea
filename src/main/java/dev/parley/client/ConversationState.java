package dev.parley.client;

import dev.parley.proto.Hangouts;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mutable state of one {@link Conversation}: the server's view of it, its loaded events and
 * every participant's watermark. Thread-safe; every method holds the monitor only briefly and never
 * calls out.
 */
final class ConversationState {
  private Hangouts.Conversation conversation;
  private final EventHistory history;
  private final Map<UserId, Long> watermarks = new LinkedHashMap<>();

  /**
   * The delta {@link #update} applied last, as long as applying it again would change nothing: what
   * happened since only raised the sort timestamp (an event) or read timestamps, which a merge
   * keeps. Catch-up brings every event of a page with the same conversation; null when unknown.
   */
  private Hangouts.Conversation applied;

  ConversationState(
      Hangouts.Conversation conversation,
      List<Hangouts.Event> events,
      Hangouts.EventContinuationToken token) {
    this.conversation = conversation;
    this.history = new EventHistory(token);
    raiseWatermarks(conversation);
    for (Hangouts.Event event : events) {
      // hangups skips observed events in the initial state: they can be malformed
      if (event.getEventType() != Hangouts.EventType.EVENT_TYPE_OBSERVED_EVENT) {
        add(event);
      }
    }
  }

  synchronized Hangouts.Conversation conversation() {
    return conversation;
  }

  /**
   * hangups' {@code update_conversation}: a StateUpdate's conversation is a delta, so what it
   * leaves out (delivery medium options, the self read timestamp, participant data, the self state)
   * stays as it was; the read timestamp and the watermarks never move back.
   */
  synchronized void update(Hangouts.Conversation delta) {
    if (delta == applied) {
      return;
    }
    Hangouts.Conversation old = conversation;
    Hangouts.Conversation.Builder merged = delta.toBuilder();
    if (!delta.hasSelfConversationState()) {
      merged.setSelfConversationState(old.getSelfConversationState());
    } else {
      Hangouts.UserConversationState oldSelf = old.getSelfConversationState();
      Hangouts.UserConversationState.Builder self = merged.getSelfConversationStateBuilder();
      if (self.getDeliveryMediumOptionCount() == 0) {
        self.addAllDeliveryMediumOption(oldSelf.getDeliveryMediumOptionList());
      }
      long oldRead = oldSelf.getSelfReadState().getLatestReadTimestamp();
      if (self.getSelfReadState().getLatestReadTimestamp() < oldRead) {
        self.getSelfReadStateBuilder().setLatestReadTimestamp(oldRead);
      }
      if (!self.hasSortTimestamp() || self.getSortTimestamp() < oldSelf.getSortTimestamp()) {
        self.setSortTimestamp(oldSelf.getSortTimestamp());
      }
    }
    if (delta.getParticipantDataCount() == 0) {
      merged.addAllParticipantData(old.getParticipantDataList());
    }
    if (delta.getCurrentParticipantCount() == 0) {
      merged.addAllCurrentParticipant(old.getCurrentParticipantList());
    }
    conversation = merged.build();
    raiseWatermarks(delta);
    applied = delta;
  }

  private void raiseWatermarks(Hangouts.Conversation c) {
    for (Hangouts.UserReadState entry : c.getReadStateList()) {
      if (entry.getLatestReadTimestamp() != 0) {
        raiseWatermark(UserId.fromProto(entry.getParticipantId()), entry.getLatestReadTimestamp());
      }
    }
  }

  private boolean raiseWatermark(UserId user, long micros) {
    Long previous = watermarks.get(user);
    if (previous == null || previous < micros) {
      watermarks.put(user, micros);
      return true;
    }
    return false;
  }

  /**
   * hangups' {@code add_event}: the wrapped event, or null if it is a duplicate. A new event newer
   * than the conversation's sort timestamp moves it (the server sorts by newest event).
   */
  synchronized ConversationEvent add(Hangouts.Event event) {
    ConversationEvent wrapped = ConversationEvent.wrap(event);
    if (!history.add(wrapped)) {
      return null;
    }
    if (event.getTimestamp() > conversation.getSelfConversationState().getSortTimestamp()) {
      Hangouts.Conversation.Builder b = conversation.toBuilder();
      b.getSelfConversationStateBuilder().setSortTimestamp(event.getTimestamp());
      conversation = b.build();
    }
    return wrapped;
  }

  /** hangups' {@code _on_watermark_notification}. */
  synchronized void applyWatermark(WatermarkNotification n, boolean fromSelf) {
    long micros = Micros.fromInstant(n.readTimestamp());
    if (fromSelf) {
      raiseSelfReadTimestamp(micros);
    }
    raiseWatermark(n.userId(), micros);
  }

  /** Moves the self read timestamp forward; false if it is already there or beyond. */
  synchronized boolean raiseSelfReadTimestamp(long micros) {
    if (micros <= latestReadMicros()) {
      return false;
    }
    Hangouts.Conversation.Builder b = conversation.toBuilder();
    b.getSelfConversationStateBuilder().getSelfReadStateBuilder().setLatestReadTimestamp(micros);
    conversation = b.build();
    return true;
  }

  synchronized void setNotificationLevel(Hangouts.NotificationLevel level) {
    applied = null; // the delta would set the level it carries again
    Hangouts.Conversation.Builder b = conversation.toBuilder();
    b.getSelfConversationStateBuilder().setNotificationLevel(level);
    conversation = b.build();
  }

  synchronized void setView(Hangouts.ConversationView view) {
    applied = null; // the delta would set the view it carries again
    Hangouts.Conversation.Builder b = conversation.toBuilder();
    b.getSelfConversationStateBuilder().clearView().addView(view);
    conversation = b.build();
  }

  synchronized long latestReadMicros() {
    return conversation.getSelfConversationState().getSelfReadState().getLatestReadTimestamp();
  }

  synchronized List<ConversationEvent> events() {
    return history.all();
  }

  /** Loaded events newer than the self read timestamp and not sent by {@code self}. */
  synchronized List<ConversationEvent> unreadEvents(UserId self) {
    long read = latestReadMicros();
    return history.all().stream()
        .filter(e -> e.getTimestampMicros() > read && !e.getUserId().equals(self))
        .toList();
  }

  synchronized Map<UserId, Instant> watermarks() {
    Map<UserId, Instant> copy = new LinkedHashMap<>();
    watermarks.forEach((user, micros) -> copy.put(user, Micros.toInstant(micros)));
    return Collections.unmodifiableMap(copy);
  }

  synchronized Optional<ConversationEvent> event(String id) {
    return history.get(id);
  }

  synchronized ConversationEvent requireEvent(String id) {
    return history.require(id);
  }

  synchronized Optional<ConversationEvent> nextEvent(String id, boolean previous) {
    return history.next(id, previous);
  }

  synchronized Optional<ConversationEvent> newestEvent() {
    return history.newest();
  }

  synchronized EventHistory.Page page(String eventId, int max) {
    return history.page(eventId, max);
  }

  /** A page of older events loaded with {@code getconversation}; also updates the conversation. */
  synchronized List<ConversationEvent> addPage(Hangouts.ConversationState page) {
    if (page.hasConversation()) {
      update(page.getConversation());
    }
    return history.addPage(page);
  }
}
