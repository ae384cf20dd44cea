package dev.parley.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.proto.Hangouts.BatchUpdate;
import dev.parley.proto.Hangouts.ConversationId;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.StateUpdateHeader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelCodecTest {

  /** The example chunk of PROTOCOL.md section 6.3, exactly as written there. */
  private static final String EXAMPLE_CHUNK =
      "[[3, [{\"p\": \"{\\\"2\\\": {\\\"1\\\": {\\\"1\\\": \\\"babel\\\", \\\"2\\\": \\\"\\\"},"
          + " \\\"2\\\": \\\"[\\\\\\\"cbu\\\\\\\", [[[1, null, \\\\\\\"trace\\\\\\\", null,"
          + " 1500000001000000], null, [[[\\\\\\\"UgwCONV1\\\\\\\"], [\\\\\\\"111\\\\\\\","
          + " \\\\\\\"111\\\\\\\"], 1500000001000000, null, null, null, [null, [], [[[0,"
          + " \\\\\\\"h\\\\\\\\u00e9llo \\\\\\\\ud83d\\\\\\\\ude00\\\\\\\", [1]], [1,"
          + " \\\\\\\"\\\\\\\\n\\\\\\\"], [2, \\\\\\\"x.com\\\\\\\", null,"
          + " [\\\\\\\"http://x.com\\\\\\\"]]]]], null, null, null, null, \\\\\\\"EVENT-1\\\\\\\","
          + " null, null, null, null, null, null, null, null, null, null, 1]]], [[1], null, null,"
          + " null, [[\\\\\\\"UgwCONV1\\\\\\\"], [\\\\\\\"111\\\\\\\", \\\\\\\"111\\\\\\\"],"
          + " 1500000002000000, 1]]], null]\\\"}}\"}]]]";

  @Test
  void exampleChunkDecodesToAnEventAndATypingNotification() throws Exception {
    List<ChannelArray> arrays = ChannelCodec.parseArrays(EXAMPLE_CHUNK);
    assertThat(arrays).hasSize(1);
    ChannelArray array = arrays.get(0);
    assertThat(array.arrayId()).isEqualTo(3);
    assertThat(array.noop()).isFalse();
    assertThat(array.clientId()).isEmpty();
    BatchUpdate batch = array.batchUpdate().orElseThrow();
    assertThat(batch.getStateUpdateCount()).isEqualTo(2);

    Event event = batch.getStateUpdate(0).getEventNotification().getEvent();
    assertThat(event.getConversationId().getId()).isEqualTo("UgwCONV1");
    assertThat(event.getSenderId().getGaiaId()).isEqualTo("111");
    assertThat(event.getTimestamp()).isEqualTo(1500000001000000L);
    assertThat(event.getEventId()).isEqualTo("EVENT-1");
    var segments = event.getChatMessage().getMessageContent().getSegmentList();
    assertThat(segments).hasSize(3);
    assertThat(segments.get(0).getText()).isEqualTo("h\u00e9llo \ud83d\ude00");
    assertThat(segments.get(0).getFormatting().getBold()).isTrue();
    assertThat(segments.get(1).getText()).isEqualTo("\n");
    assertThat(segments.get(2).getLinkData().getLinkTarget()).isEqualTo("http://x.com");
    assertThat(batch.getStateUpdate(0).getStateUpdateHeader().getRequestTraceId())
        .isEqualTo("trace");

    var typing = batch.getStateUpdate(1).getTypingNotification();
    assertThat(typing.getConversationId().getId()).isEqualTo("UgwCONV1");
    assertThat(typing.getTimestamp()).isEqualTo(1500000002000000L);
  }

  @Test
  void builtFramesReadBack() throws Exception {
    BatchUpdate batch =
        BatchUpdate.newBuilder()
            .addStateUpdate(
                StateUpdate.newBuilder()
                    .setStateUpdateHeader(StateUpdateHeader.newBuilder().setCurrentServerTime(7))
                    .setEventNotification(
                        dev.parley.proto.Hangouts.EventNotification.newBuilder()
                            .setEvent(
                                Event.newBuilder()
                                    .setConversationId(ConversationId.newBuilder().setId("c1"))
                                    .setEventId("e\u00e9\ud83d\ude00"))))
            .build();
    String payload = ChannelCodec.buildWrapperArray(5, ChannelCodec.buildStateUpdateWrapper(batch));
    assertThat(payload).matches("\\A[\\x20-\\x7e]*\\z");
    ChannelArray array = ChannelCodec.parseArrays(payload).get(0);
    assertThat(array.arrayId()).isEqualTo(5);
    assertThat(array.batchUpdate()).contains(batch);

    String clientIdPayload =
        ChannelCodec.buildWrapperArray(1, ChannelCodec.buildClientIdWrapper("client-9", 123));
    assertThat(ChannelCodec.parseArrays(clientIdPayload).get(0).clientId()).contains("client-9");

    assertThat(ChannelCodec.parseArrays(ChannelCodec.buildNoopArray(2)))
        .containsExactly(ChannelArray.ofNoop(2));
  }

  @Test
  void wrapperLiteralsAreTheQuotedWrappersAndBuildTheSameArrays() {
    for (String text : List.of("plain", "h\u00e9llo \ud83d\ude00 \"q\" \\ /\n\t\u0001", "")) {
      BatchUpdate batch =
          BatchUpdate.newBuilder()
              .addStateUpdate(
                  StateUpdate.newBuilder()
                      .setStateUpdateHeader(StateUpdateHeader.newBuilder().setCurrentServerTime(7))
                      .setEventNotification(
                          dev.parley.proto.Hangouts.EventNotification.newBuilder()
                              .setEvent(Event.newBuilder().setEventId(text))))
              .build();
      String wrapper = ChannelCodec.buildStateUpdateWrapper(batch);
      StringBuilder quoted = new StringBuilder();
      JsonWriter.writeString(quoted, wrapper);
      String literal = ChannelCodec.buildStateUpdateWrapperLiteral(batch);
      assertThat(literal).isEqualTo(quoted.toString());
      assertThat(ChannelCodec.buildWrapperArrayFromLiterals(5, List.of(literal)))
          .isEqualTo(ChannelCodec.buildWrapperArray(5, wrapper));
      assertThat(ChannelCodec.buildWrapperArrayFromLiterals(5, List.of(literal, literal)))
          .isEqualTo(
              JsonWriter.write(
                  List.of(
                      List.of(5L, List.of(java.util.Map.of("p", wrapper))),
                      List.of(6L, List.of(java.util.Map.of("p", wrapper))))));
    }
  }

  @Test
  void sessionResponseRoundTrips() throws Exception {
    ChannelSession session = new ChannelSession("SID1", "GSID1");
    assertThat(ChannelCodec.buildSessionResponse(session))
        .isEqualTo("[[0,[\"c\",\"SID1\",\"\",8]],[1,[{\"gsid\":\"GSID1\"}]]]");
    assertThat(ChannelCodec.parseSessionResponse(ChannelCodec.buildSessionResponse(session)))
        .isEqualTo(session);
  }

  @Test
  void subscriptionsParseWhateverTheSpacing() {
    assertThat(ChannelCodec.parseServiceSubscription("{\"3\": {\"1\": {\"1\": \"babel\"}}}"))
        .contains("babel");
    assertThat(
            ChannelCodec.parseServiceSubscription(
                ChannelCodec.buildServiceSubscription("babel_presence_last_seen")))
        .contains("babel_presence_last_seen");
    assertThat(ChannelCodec.parseServiceSubscription("{\"3\": 1}")).isEmpty();
    assertThat(ChannelCodec.parseServiceSubscription("not json")).isEmpty();
  }

  @Test
  void otherTagsThanCbuAreIgnored() throws Exception {
    String wrapper = "{\"2\": {\"2\": \"[\\\"other\\\", 1]\"}}";
    ChannelArray array =
        ChannelCodec.parseArrays(ChannelCodec.buildWrapperArray(1, wrapper)).get(0);
    assertThat(array.batchUpdate()).isEmpty();
  }

  @Test
  void malformedPayloadsAreReportedAsChannelErrors() {
    for (String bad :
        List.of(
            "",
            "{}",
            "[1]",
            "[[1]]",
            "[[\"x\", [\"noop\"]]]",
            "[[1, [5]]]",
            "[[1, [{\"p\": 5}]]]",
            "[[1, [{\"p\": \"[\"}]]]",
            "[[1, [{\"p\": \"{\\\"3\\\": 1}\"}]]]",
            "[[1, [{\"p\": \"{\\\"2\\\": {\\\"2\\\": \\\"[\\\\\\\"cbu\\\\\\\", [\\\"}}\"}]]]")) {
      assertThatThrownBy(() -> ChannelCodec.parseArrays(bad))
          .as(bad)
          .isInstanceOf(MalformedChannelDataException.class);
    }
    assertThatThrownBy(() -> ChannelCodec.parseSessionResponse("[[0,[\"c\"]]]"))
        .isInstanceOf(MalformedChannelDataException.class);
  }
}
