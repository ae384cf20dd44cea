package dev.parley.server.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.parley.proto.Hangouts.Conversation;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.ResponseHeader;
import dev.parley.proto.Hangouts.ResponseStatus;
import dev.parley.proto.Hangouts.SyncAllNewEventsResponse;
import dev.parley.wire.ProtoFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page's own binary form is exactly the encoding of the message it stands for. */
class CatchUpReplyTest {
  private static final ResponseHeader HEADER =
      ResponseHeader.newBuilder()
          .setStatus(ResponseStatus.RESPONSE_STATUS_OK)
          .setCurrentServerTime(1_795_533_136_000_000L)
          .build();

  @Test
  void theBinaryFormIsTheMessagesEncodingByteForByte() {
    CatchUpReply reply =
        new CatchUpReply(
            1_795_533_136_000_000L,
            1_795_533_135_000_123L,
            List.of(
                state("UgA", 42, 1_795_533_135_000_001L, 1_795_533_135_000_002L),
                state("UgB", 3),
                state("UgC-\u00e9\ud83d\ude00", 1, 1_795_533_135_000_003L)));

    SyncAllNewEventsResponse message = reply.message(HEADER);

    assertThat(reply.toByteArray(HEADER)).isEqualTo(message.toByteArray());
    assertThat(message.getConversationStateCount()).isEqualTo(3);
    assertThat(message.getConversationState(0).getConversation().getParticipantDataCount())
        .isEqualTo(42);
    assertThat(message.getConversationState(0).getEventCount()).isEqualTo(2);
    assertThat(message.getConversationState(1).getEventList()).isEmpty();
  }

  @Test
  void anEmptyPageIsTheMessagesEncodingToo() {
    CatchUpReply reply = new CatchUpReply(5, 5, List.of());

    assertThat(reply.toByteArray(HEADER)).isEqualTo(reply.message(HEADER).toByteArray());
    assertThat(reply.header().getCurrentServerTime()).isEqualTo(5);
  }

  @Test
  void aConversationOverOneHundredTwentySevenBytesAndManyEventsStillMatches() {
    List<CatchUpReply.State> states = new ArrayList<>();
    long[] timestamps = new long[300];
    for (int i = 0; i < timestamps.length; i++) {
      timestamps[i] = 1_000_000L + i;
    }
    states.add(state("UgBig", 500, timestamps));
    CatchUpReply reply = new CatchUpReply(Long.MAX_VALUE, 0, states);

    assertThat(reply.toByteArray(HEADER)).isEqualTo(reply.message(HEADER).toByteArray());
  }

  private static CatchUpReply.State state(String id, int participants, long... eventTimestamps) {
    Conversation.Builder c = ProtoFixtures.conversation(id, participants);
    List<Event> events = new ArrayList<>();
    for (long ts : eventTimestamps) {
      events.add(ProtoFixtures.textEvent(id, id + "-" + ts, ts, "message " + ts));
    }
    ByteString bytes = c.build().toByteString();
    return new CatchUpReply.State(id, bytes, events);
  }
}
