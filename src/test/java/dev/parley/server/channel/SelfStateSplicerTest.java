package dev.parley.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.proto.Hangouts.ActiveClientState;
import dev.parley.proto.Hangouts.Conversation;
import dev.parley.proto.Hangouts.ConversationId;
import dev.parley.proto.Hangouts.ConversationParticipantData;
import dev.parley.proto.Hangouts.ConversationStatus;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.EventNotification;
import dev.parley.proto.Hangouts.ParticipantId;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.StateUpdateHeader;
import dev.parley.proto.Hangouts.UserConversationState;
import dev.parley.proto.Hangouts.UserReadState;
import dev.parley.wire.ProtoFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Splicing a self state into the shared text gives exactly the fully encoded copy. */
class SelfStateSplicerTest {
  private static final long NOW = 1_700_000_000_123_456L;

  private static StateUpdate update(String name, String text) {
    ParticipantId alice = ParticipantId.newBuilder().setGaiaId("1").setChatId("1").build();
    ParticipantId bob = ParticipantId.newBuilder().setGaiaId("2").setChatId("2").build();
    Conversation conversation =
        Conversation.newBuilder()
            .setConversationId(ConversationId.newBuilder().setId("conv\"1"))
            .setName(name)
            .addReadState(
                UserReadState.newBuilder().setParticipantId(alice).setLatestReadTimestamp(5))
            .addCurrentParticipant(alice)
            .addCurrentParticipant(bob)
            .addParticipantData(
                ConversationParticipantData.newBuilder().setId(bob).setFallbackName(name))
            .build();
    Event event =
        ProtoFixtures.textEvent(conversation.getConversationId().getId(), "e1", NOW, text)
            .toBuilder()
            .setSenderId(alice)
            .build();
    return StateUpdate.newBuilder()
        .setStateUpdateHeader(StateUpdateHeader.newBuilder().setCurrentServerTime(1))
        .setConversation(conversation)
        .setEventNotification(EventNotification.newBuilder().setEvent(event))
        .build();
  }

  private static UserConversationState self(String accountId, long read, String clientId) {
    UserConversationState.Builder b =
        UserConversationState.newBuilder()
            .setSelfReadState(
                UserReadState.newBuilder()
                    .setParticipantId(
                        ParticipantId.newBuilder().setGaiaId(accountId).setChatId(accountId))
                    .setLatestReadTimestamp(read))
            .setStatus(ConversationStatus.CONVERSATION_STATUS_ACTIVE)
            .setSortTimestamp(NOW);
    if (clientId != null) {
      b.setClientGeneratedId(clientId);
    }
    return b.build();
  }

  @Test
  void everyCopyIsTheTextOfTheCopyEncodedInFull() {
    List<StateUpdate> updates =
        List.of(
            update("plain", "hello"),
            update("quote \" and back\\slash", "h\u00e9llo \ud83d\ude00 \"x\" \\ \n end"),
            update("", ""));
    List<UserConversationState> selves =
        List.of(
            self("1", NOW, null),
            self("2", 0, "q\"uo\\te \u00e9"),
            UserConversationState.getDefaultInstance());
    for (StateUpdate update : updates) {
      SelfStateSplicer splicer = new SelfStateSplicer(update, NOW);
      for (ActiveClientState state : ActiveClientState.values()) {
        for (UserConversationState self : selves) {
          assertThat(splicer.encode(state, self)).isEqualTo(splicer.encodeInFull(state, self));
        }
      }
    }
  }

  @Test
  void textThatMentionsTheSentinelShapeIsHarmless() {
    // A message whose text imitates a self state with a client_generated_id must not be taken
    // for the sentinel: the token is random, so the splice still lands on the real one.
    StateUpdate update = update("n", "[null,\"parley-self-00000000000000000000000000000000\"]");
    SelfStateSplicer splicer = new SelfStateSplicer(update, NOW);
    UserConversationState self = self("2", 7, null);

    assertThat(splicer.encode(ActiveClientState.ACTIVE_CLIENT_STATE_IS_ACTIVE, self))
        .isEqualTo(splicer.encodeInFull(ActiveClientState.ACTIVE_CLIENT_STATE_IS_ACTIVE, self));
  }
}
