package dev.parley.server.conversations;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.parley.proto.Hangouts.Conversation;
import dev.parley.proto.Hangouts.ConversationId;
import dev.parley.proto.Hangouts.ConversationState;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.ResponseHeader;
import dev.parley.proto.Hangouts.SyncAllNewEventsResponse;
import dev.parley.server.rpc.RpcReply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A {@code syncallnewevents} page as {@link CatchUpPage} filled it, with each conversation still in
 * the encoded form {@link CatchUpViews} keeps. Most of a page's bytes are those conversations (all
 * participants, names, watermarks), repeated on page after page; its binary form copies them rather
 * than encoding them again, and is byte for byte what the {@link SyncAllNewEventsResponse} encodes
 * to. Only the pblite answer builds that message.
 */
final class CatchUpReply implements RpcReply {
  private static final int STATE_FIELD = SyncAllNewEventsResponse.CONVERSATION_STATE_FIELD_NUMBER;

  /** One conversation of the page: its encoded view and its events, oldest first. */
  record State(String conversationId, ByteString conversation, List<Event> events) {}

  private final long currentServerTime;
  private final long syncTimestamp;
  private final List<State> states;

  CatchUpReply(long currentServerTime, long syncTimestamp, List<State> states) {
    this.currentServerTime = currentServerTime;
    this.syncTimestamp = syncTimestamp;
    this.states = states;
  }

  @Override
  public ResponseHeader header() {
    return ResponseHeader.newBuilder().setCurrentServerTime(currentServerTime).build();
  }

  @Override
  public SyncAllNewEventsResponse message(ResponseHeader header) {
    SyncAllNewEventsResponse.Builder response =
        SyncAllNewEventsResponse.newBuilder()
            .setResponseHeader(header)
            .setSyncTimestamp(syncTimestamp);
    for (State s : states) {
      Conversation conversation;
      try {
        conversation = Conversation.parseFrom(s.conversation());
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("a kept view that does not parse back", e);
      }
      response.addConversationState(
          ConversationState.newBuilder()
              .setConversationId(ConversationViews.conversationId(s.conversationId()))
              .setConversation(conversation)
              .addAllEvent(s.events()));
    }
    return response.buildPartial();
  }

  /** Writes the fields in field-number order, as the generated code does. */
  @Override
  public byte[] toByteArray(ResponseHeader header) {
    ConversationId[] ids = new ConversationId[states.size()];
    int[] stateSizes = new int[states.size()];
    int size =
        CodedOutputStream.computeMessageSize(
                SyncAllNewEventsResponse.RESPONSE_HEADER_FIELD_NUMBER, header)
            + CodedOutputStream.computeUInt64Size(
                SyncAllNewEventsResponse.SYNC_TIMESTAMP_FIELD_NUMBER, syncTimestamp);
    for (int i = 0; i < ids.length; i++) {
      State s = states.get(i);
      ids[i] = ConversationViews.conversationId(s.conversationId());
      int stateSize =
          CodedOutputStream.computeMessageSize(
                  ConversationState.CONVERSATION_ID_FIELD_NUMBER, ids[i])
              + CodedOutputStream.computeBytesSize(
                  ConversationState.CONVERSATION_FIELD_NUMBER, s.conversation());
      for (Event e : s.events()) {
        stateSize += CodedOutputStream.computeMessageSize(ConversationState.EVENT_FIELD_NUMBER, e);
      }
      stateSizes[i] = stateSize;
      size +=
          CodedOutputStream.computeTagSize(STATE_FIELD)
              + CodedOutputStream.computeUInt32SizeNoTag(stateSize)
              + stateSize;
    }
    byte[] bytes = new byte[size];
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      out.writeMessage(SyncAllNewEventsResponse.RESPONSE_HEADER_FIELD_NUMBER, header);
      out.writeUInt64(SyncAllNewEventsResponse.SYNC_TIMESTAMP_FIELD_NUMBER, syncTimestamp);
      for (int i = 0; i < ids.length; i++) {
        State s = states.get(i);
        out.writeTag(STATE_FIELD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(stateSizes[i]);
        out.writeMessage(ConversationState.CONVERSATION_ID_FIELD_NUMBER, ids[i]);
        // Written as bytes: the same tag, length and contents as the message they encode.
        out.writeBytes(ConversationState.CONVERSATION_FIELD_NUMBER, s.conversation());
        for (Event e : s.events()) {
          out.writeMessage(ConversationState.EVENT_FIELD_NUMBER, e);
        }
      }
      out.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException("the page's size was miscounted", e);
    }
    return bytes;
  }
}
