package dev.parley.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.proto.Hangouts.ConversationId;
import dev.parley.proto.Hangouts.ConversationSpec;
import dev.parley.proto.Hangouts.GetConversationRequest;
import dev.parley.proto.Hangouts.ResponseHeader;
import dev.parley.proto.Hangouts.ResponseStatus;
import dev.parley.proto.Hangouts.SendChatMessageResponse;
import dev.parley.wire.testing.PbliteTestProto.AllTypes;
import org.junit.jupiter.api.Test;

class RpcCodecTest {
  private final GetConversationRequest request =
      GetConversationRequest.newBuilder()
          .setConversationSpec(
              ConversationSpec.newBuilder()
                  .setConversationId(ConversationId.newBuilder().setId("conv-1")))
          .setIncludeEvent(true)
          .setMaxEventsPerConversation(50)
          .build();

  @Test
  void binaryBodiesRoundTrip() throws Exception {
    byte[] body = RpcCodec.encodeProto(request);
    assertThat(RpcCodec.decodeProto(body, GetConversationRequest.getDefaultInstance()))
        .isEqualTo(request);
  }

  @Test
  void base64ResponsesRoundTrip() throws Exception {
    SendChatMessageResponse response =
        SendChatMessageResponse.newBuilder()
            .setResponseHeader(
                ResponseHeader.newBuilder()
                    .setStatus(ResponseStatus.RESPONSE_STATUS_OK)
                    .setCurrentServerTime(42))
            .build();
    String text = RpcCodec.encodeBase64Proto(response);
    assertThat(text).matches("[A-Za-z0-9+/]+=*");
    assertThat(RpcCodec.decodeBase64Proto(text, SendChatMessageResponse.getDefaultInstance()))
        .isEqualTo(response);
  }

  @Test
  void pbliteBodiesRoundTrip() throws Exception {
    String json = RpcCodec.encodePblite(request);
    assertThat(RpcCodec.decodePblite(json, GetConversationRequest.getDefaultInstance()))
        .isEqualTo(request);
  }

  @Test
  void garbageIsAMalformedProtobuf() {
    assertThatThrownBy(
            () ->
                RpcCodec.decodeProto(
                    new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff},
                    GetConversationRequest.getDefaultInstance()))
        .isInstanceOf(MalformedProtobufException.class);
    assertThatThrownBy(
            () -> RpcCodec.decodeBase64Proto("***", GetConversationRequest.getDefaultInstance()))
        .isInstanceOf(MalformedProtobufException.class);
  }

  @Test
  void nestingPastTheRecursionLimitIsRefused() throws Exception {
    assertThat(RpcCodec.decodeProto(nested(99).toByteArray(), AllTypes.getDefaultInstance()))
        .isEqualTo(nested(99));
    byte[] tooDeep = nested(150).toByteArray();
    assertThatThrownBy(() -> RpcCodec.decodeProto(tooDeep, AllTypes.getDefaultInstance()))
        .isInstanceOf(MalformedProtobufException.class);
  }

  private static AllTypes nested(int depth) {
    AllTypes message = AllTypes.newBuilder().setFString("bottom").buildPartial();
    for (int i = 0; i < depth; i++) {
      message = AllTypes.newBuilder().setChild(message).buildPartial();
    }
    return message;
  }

  @Test
  void altParameterChoosesTheEncoding() {
    assertThat(RpcCodec.Encoding.fromAlt(null)).isEqualTo(RpcCodec.Encoding.PROTO);
    assertThat(RpcCodec.Encoding.fromAlt("proto")).isEqualTo(RpcCodec.Encoding.PROTO);
    assertThat(RpcCodec.Encoding.fromAlt("json")).isEqualTo(RpcCodec.Encoding.PBLITE);
    assertThat(RpcCodec.Encoding.fromAlt("protojson")).isEqualTo(RpcCodec.Encoding.PBLITE);
    assertThatThrownBy(() -> RpcCodec.Encoding.fromAlt("xml"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
