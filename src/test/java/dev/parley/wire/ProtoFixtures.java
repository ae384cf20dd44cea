package dev.parley.wire;

import dev.parley.proto.Hangouts.ChatMessage;
import dev.parley.proto.Hangouts.Conversation;
import dev.parley.proto.Hangouts.ConversationId;
import dev.parley.proto.Hangouts.ConversationParticipantData;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.MessageContent;
import dev.parley.proto.Hangouts.ParticipantId;
import dev.parley.proto.Hangouts.Segment;
import dev.parley.proto.Hangouts.SegmentType;
import dev.parley.proto.Hangouts.UserReadState;

/** Protobuf messages the client and server tests build alike. */
public final class ProtoFixtures {
  private ProtoFixtures() {}

  /** A chat message event of one text segment. */
  public static Event textEvent(
      String conversationId, String eventId, long timestamp, String text) {
    return Event.newBuilder()
        .setConversationId(ConversationId.newBuilder().setId(conversationId))
        .setEventId(eventId)
        .setTimestamp(timestamp)
        .setChatMessage(
            ChatMessage.newBuilder()
                .setMessageContent(
                    MessageContent.newBuilder()
                        .addSegment(
                            Segment.newBuilder()
                                .setType(SegmentType.SEGMENT_TYPE_TEXT)
                                .setText(text))))
        .build();
  }

  /**
   * A conversation of {@code participants} people ("Person 0", ... with gaia ids "100", ...), each
   * with a read state.
   */
  public static Conversation.Builder conversation(String id, int participants) {
    Conversation.Builder c =
        Conversation.newBuilder().setConversationId(ConversationId.newBuilder().setId(id));
    for (int p = 0; p < participants; p++) {
      ParticipantId pid =
          ParticipantId.newBuilder().setGaiaId("10" + p).setChatId("10" + p).build();
      c.addCurrentParticipant(pid)
          .addReadState(UserReadState.newBuilder().setParticipantId(pid).setLatestReadTimestamp(p))
          .addParticipantData(
              ConversationParticipantData.newBuilder().setId(pid).setFallbackName("Person " + p));
    }
    return c;
  }
}
