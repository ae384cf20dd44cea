package dev.parley.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.UnknownFieldSet;
import dev.parley.proto.Hangouts.Conversation;
import dev.parley.proto.Hangouts.ConversationId;
import dev.parley.proto.Hangouts.ConversationState;
import dev.parley.proto.Hangouts.EventContinuationToken;
import dev.parley.proto.Hangouts.ResponseHeader;
import dev.parley.proto.Hangouts.ResponseStatus;
import dev.parley.proto.Hangouts.SyncAllNewEventsResponse;
import dev.parley.wire.MalformedProtobufException;
import dev.parley.wire.ProtoFixtures;
import dev.parley.wire.RpcCodec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CatchUpDecoderTest {
  private final CatchUpDecoder decoder = new CatchUpDecoder();

  @Test
  void aPageDecodesToWhatThePlainParserGives() throws Exception {
    SyncAllNewEventsResponse page = page(10, state("UgA", 5, 1, 2), state("UgB", 3, 3));
    page =
        page.toBuilder()
            .setConversationState(
                1,
                page.getConversationState(1).toBuilder()
                    .setEventContinuationToken(
                        EventContinuationToken.newBuilder().setEventTimestamp(3)))
            .build();

    assertThat(decoder.decode(page.toByteArray())).isEqualTo(plain(page));
  }

  @Test
  void aConversationThatComesAgainUnchangedIsTheOneParsedBefore() throws Exception {
    SyncAllNewEventsResponse first = page(10, state("UgA", 5, 1));
    SyncAllNewEventsResponse second = page(20, state("UgA", 5, 2));

    Conversation before =
        decoder.decode(first.toByteArray()).getConversationState(0).getConversation();
    SyncAllNewEventsResponse again = decoder.decode(second.toByteArray());

    assertThat(again).isEqualTo(plain(second));
    assertThat(again.getConversationState(0).getConversation()).isSameAs(before);
  }

  @Test
  void aConversationThatChangedIsParsedAfresh() throws Exception {
    decoder.decode(page(10, state("UgA", 5, 1)).toByteArray());
    SyncAllNewEventsResponse changed = page(20, state("UgA", 6, 2));

    SyncAllNewEventsResponse decoded = decoder.decode(changed.toByteArray());

    assertThat(decoded).isEqualTo(plain(changed));
    assertThat(decoded.getConversationState(0).getConversation().getParticipantDataCount())
        .isEqualTo(6);
  }

  @Test
  void fieldsItDoesNotExpectAreKept() throws Exception {
    SyncAllNewEventsResponse page =
        page(10, state("UgA", 2, 1)).toBuilder()
            .setUnknownFields(
                UnknownFieldSet.newBuilder()
                    .addField(99, UnknownFieldSet.Field.newBuilder().addVarint(7).build())
                    .build())
            .build();

    SyncAllNewEventsResponse decoded = decoder.decode(page.toByteArray());

    assertThat(decoded).isEqualTo(plain(page));
    assertThat(decoded.getUnknownFields().hasField(99)).isTrue();
  }

  @Test
  void aMalformedPageIsRefusedAsThePlainParserRefusesIt() {
    byte[] bytes = page(10, state("UgA", 2, 1)).toByteArray();
    byte[] cut = Arrays.copyOf(bytes, bytes.length - 3);

    assertThatThrownBy(() -> decoder.decode(cut)).isInstanceOf(MalformedProtobufException.class);
  }

  private static SyncAllNewEventsResponse plain(SyncAllNewEventsResponse page) throws Exception {
    return RpcCodec.decodeProto(page.toByteArray(), SyncAllNewEventsResponse.getDefaultInstance());
  }

  private static SyncAllNewEventsResponse page(long syncTimestamp, ConversationState... states) {
    return SyncAllNewEventsResponse.newBuilder()
        .setResponseHeader(
            ResponseHeader.newBuilder()
                .setStatus(ResponseStatus.RESPONSE_STATUS_OK)
                .setCurrentServerTime(100))
        .setSyncTimestamp(syncTimestamp)
        .addAllConversationState(Arrays.asList(states))
        .build();
  }

  private static ConversationState state(String id, int participants, long... eventTimestamps) {
    Conversation.Builder c = ProtoFixtures.conversation(id, participants);
    ConversationState.Builder state =
        ConversationState.newBuilder()
            .setConversationId(ConversationId.newBuilder().setId(id))
            .setConversation(c);
    for (long ts : eventTimestamps) {
      state.addEvent(ProtoFixtures.textEvent(id, id + "-" + ts, ts, "message " + ts));
    }
    return state.build();
  }
}
