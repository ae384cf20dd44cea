package dev.parley.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.proto.Hangouts.ActiveClientState;
import dev.parley.proto.Hangouts.Conversation;
import dev.parley.proto.Hangouts.ConversationId;
import dev.parley.proto.Hangouts.ConversationState;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.EventNotification;
import dev.parley.proto.Hangouts.PresenceNotification;
import dev.parley.proto.Hangouts.ResponseHeader;
import dev.parley.proto.Hangouts.SetTypingNotification;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.StateUpdateHeader;
import dev.parley.proto.Hangouts.SyncAllNewEventsResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateDispatcherTest {
  private final List<StateUpdate> delivered = new ArrayList<>();
  private final UpdateDispatcher dispatcher =
      new UpdateDispatcher(new OrderedExecutor(Runnable::run), delivered::add);

  @Test
  void anEventDeliveredOnceIsNotDeliveredAgain() {
    dispatcher.fromChannel(List.of(eventUpdate("c1", "e1", 10), eventUpdate("c1", "e2", 20)));

    dispatcher.fromCatchUp(
        page(
            30,
            30,
            state("c1", event("c1", "e1", 10), event("c1", "e2", 20), event("c1", "e3", 25))));
    dispatcher.fromChannel(List.of(eventUpdate("c1", "e3", 25)));

    assertThat(eventIds()).containsExactly("e1", "e2", "e3");
  }

  @Test
  void aCatchUpGivesEachEventWithItsConversationAndConversationsWithoutEventsAlone() {
    dispatcher.fromCatchUp(page(40, 40, state("c1", event("c1", "e1", 10)), state("c2")));

    assertThat(delivered).hasSize(2);
    assertThat(delivered.get(0).getEventNotification().getEvent().getEventId()).isEqualTo("e1");
    assertThat(delivered.get(0).getConversation().getConversationId().getId()).isEqualTo("c1");
    assertThat(delivered.get(1).hasEventNotification()).isFalse();
    assertThat(delivered.get(1).getConversation().getConversationId().getId()).isEqualTo("c2");
    assertThat(delivered.get(1).getStateUpdateHeader().getCurrentServerTime()).isEqualTo(40);
  }

  @Test
  void aConversationWhoseEventsWereAllSeenStillGivesItsNewState() {
    dispatcher.fromChannel(List.of(eventUpdate("c1", "e1", 10)));

    dispatcher.fromCatchUp(page(40, 40, state("c1", event("c1", "e1", 10))));

    assertThat(delivered).hasSize(2);
    assertThat(delivered.get(1).hasEventNotification()).isFalse();
    assertThat(delivered.get(1).hasConversation()).isTrue();
  }

  @Test
  void theSyncTimestampFollowsTheNewestEventAndNeverGoesBack() {
    dispatcher.setSyncTimestamp(5);
    dispatcher.fromChannel(List.of(eventUpdate("c1", "e2", 20), eventUpdate("c2", "e1", 10)));

    assertThat(dispatcher.syncTimestamp()).isEqualTo(20);
    dispatcher.advanceSyncTimestamp(15);
    assertThat(dispatcher.syncTimestamp()).isEqualTo(20);
  }

  @Test
  void outOfSyncChannelUpdatesAreDroppedUntilACatchUpSucceeds() {
    dispatcher.setSynced(false);
    dispatcher.fromChannel(List.of(eventUpdate("c1", "e1", 10)));
    assertThat(delivered).isEmpty();
    assertThat(dispatcher.syncTimestamp()).isZero();

    dispatcher.fromCatchUp(page(20, 20, state("c1", event("c1", "e1", 10))));
    dispatcher.setSynced(true);
    dispatcher.fromChannel(List.of(eventUpdate("c1", "e2", 30)));

    assertThat(eventIds()).containsExactly("e1", "e2");
  }

  @Test
  void theActiveClientStateFollowsHeadersThatCarryOne() {
    StateUpdate active =
        StateUpdate.newBuilder()
            .setStateUpdateHeader(
                StateUpdateHeader.newBuilder()
                    .setActiveClientState(ActiveClientState.ACTIVE_CLIENT_STATE_OTHER_ACTIVE))
            .setPresenceNotification(PresenceNotification.getDefaultInstance())
            .build();

    dispatcher.fromChannel(List.of(active));
    dispatcher.fromCatchUp(page(1, 1, state("c1", event("c1", "e1", 1))));

    assertThat(dispatcher.activeClientState())
        .isEqualTo(ActiveClientState.ACTIVE_CLIENT_STATE_OTHER_ACTIVE);
  }

  @Test
  void updatesAreKeyedByTheirConversation() {
    StateUpdate typing =
        StateUpdate.newBuilder()
            .setTypingNotification(SetTypingNotification.newBuilder().setConversationId(id("c9")))
            .build();

    assertThat(UpdateDispatcher.conversationIdOf(typing)).isEqualTo("c9");
    assertThat(UpdateDispatcher.conversationIdOf(eventUpdate("c1", "e", 1))).isEqualTo("c1");
    assertThat(
            UpdateDispatcher.conversationIdOf(
                StateUpdate.newBuilder()
                    .setPresenceNotification(PresenceNotification.getDefaultInstance())
                    .build()))
        .isNull();
  }

  private List<String> eventIds() {
    return delivered.stream()
        .filter(StateUpdate::hasEventNotification)
        .map(u -> u.getEventNotification().getEvent().getEventId())
        .toList();
  }

  private static ConversationId id(String conversation) {
    return ConversationId.newBuilder().setId(conversation).build();
  }

  private static Event event(String conversation, String eventId, long timestamp) {
    return Event.newBuilder()
        .setConversationId(id(conversation))
        .setEventId(eventId)
        .setTimestamp(timestamp)
        .build();
  }

  private static StateUpdate eventUpdate(String conversation, String eventId, long timestamp) {
    return StateUpdate.newBuilder()
        .setEventNotification(
            EventNotification.newBuilder().setEvent(event(conversation, eventId, timestamp)))
        .build();
  }

  private static ConversationState state(String conversation, Event... events) {
    return ConversationState.newBuilder()
        .setConversationId(id(conversation))
        .setConversation(Conversation.newBuilder().setConversationId(id(conversation)))
        .addAllEvent(List.of(events))
        .build();
  }

  private static SyncAllNewEventsResponse page(
      long syncTimestamp, long serverTime, ConversationState... states) {
    return SyncAllNewEventsResponse.newBuilder()
        .setResponseHeader(ResponseHeader.newBuilder().setCurrentServerTime(serverTime))
        .setSyncTimestamp(syncTimestamp)
        .addAllConversationState(List.of(states))
        .build();
  }
}
