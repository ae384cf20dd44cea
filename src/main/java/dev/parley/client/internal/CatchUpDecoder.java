package dev.parley.client.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import com.google.protobuf.WireFormat;
import dev.parley.proto.Hangouts.Conversation;
import dev.parley.proto.Hangouts.ConversationState;
import dev.parley.proto.Hangouts.SyncAllNewEventsResponse;
import dev.parley.wire.MalformedProtobufException;
import dev.parley.wire.RpcCodec;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes the binary {@code syncallnewevents} pages of catch-up, parsing a conversation only when
 * its bytes differ from the last time it came. Every page carries the whole current conversation
 * (all participants, their names and watermarks) of each conversation with events in it, and a
 * catch-up through a long backlog brings the same conversation on page after page; comparing bytes
 * costs a fraction of parsing them again. The result is the message the plain parser gives.
 *
 * <p>Anything but the fields it expects, each once, is left to the plain parser. Keeps the last
 * conversations up to {@value #MAX_KEPT_BYTES} bytes, least recently used out first. Thread-safe.
 */
public final class CatchUpDecoder {
  static final long MAX_KEPT_BYTES = 8L * 1024 * 1024;

  private static final int HEADER =
      tag(
          SyncAllNewEventsResponse.RESPONSE_HEADER_FIELD_NUMBER,
          WireFormat.WIRETYPE_LENGTH_DELIMITED);
  private static final int SYNC_TIMESTAMP =
      tag(SyncAllNewEventsResponse.SYNC_TIMESTAMP_FIELD_NUMBER, WireFormat.WIRETYPE_VARINT);
  private static final int STATE =
      tag(
          SyncAllNewEventsResponse.CONVERSATION_STATE_FIELD_NUMBER,
          WireFormat.WIRETYPE_LENGTH_DELIMITED);
  private static final int STATE_ID =
      tag(ConversationState.CONVERSATION_ID_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
  private static final int STATE_CONVERSATION =
      tag(ConversationState.CONVERSATION_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
  private static final int STATE_EVENT =
      tag(ConversationState.EVENT_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
  private static final int STATE_TOKEN =
      tag(
          ConversationState.EVENT_CONTINUATION_TOKEN_FIELD_NUMBER,
          WireFormat.WIRETYPE_LENGTH_DELIMITED);
  private static final ExtensionRegistryLite NO_EXTENSIONS =
      ExtensionRegistryLite.getEmptyRegistry();

  private final Map<String, Kept> kept = new LinkedHashMap<>(256, 0.75f, true);
  private long keptBytes;

  private record Kept(ByteString bytes, Conversation conversation) {}

  /** Thrown inside when the page holds something this decoder leaves to the plain parser. */
  private static final class Unexpected extends Exception {
    private static final long serialVersionUID = 1L;

    Unexpected() {
      super(null, null, false, false);
    }
  }

  public synchronized SyncAllNewEventsResponse decode(byte[] body)
      throws MalformedProtobufException {
    try {
      return decodePage(body);
    } catch (Unexpected | IOException | RuntimeException e) {
      // Unusual or malformed: the plain parser decides, and words the failure.
      return RpcCodec.decodeProto(body, SyncAllNewEventsResponse.getDefaultInstance());
    }
  }

  private SyncAllNewEventsResponse decodePage(byte[] body) throws IOException, Unexpected {
    // Wrapped, not copied: the body is not changed after, so parts of it can be read in place.
    CodedInputStream in = UnsafeByteOperations.unsafeWrap(body).newCodedInput();
    SyncAllNewEventsResponse.Builder page = SyncAllNewEventsResponse.newBuilder();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == HEADER && !page.hasResponseHeader()) {
        in.readMessage(page.getResponseHeaderBuilder(), NO_EXTENSIONS);
      } else if (tag == SYNC_TIMESTAMP && !page.hasSyncTimestamp()) {
        page.setSyncTimestamp(in.readUInt64());
      } else if (tag == STATE) {
        page.addConversationState(decodeState(aliased(in)));
      } else {
        throw new Unexpected();
      }
    }
    return page.buildPartial();
  }

  private ConversationState decodeState(ByteString bytes) throws IOException, Unexpected {
    CodedInputStream in = bytes.newCodedInput();
    in.setRecursionLimit(RpcCodec.RECURSION_LIMIT - 1);
    ConversationState.Builder state = ConversationState.newBuilder();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == STATE_ID && !state.hasConversationId()) {
        in.readMessage(state.getConversationIdBuilder(), NO_EXTENSIONS);
      } else if (tag == STATE_CONVERSATION && !state.hasConversation()) {
        state.setConversation(conversation(state.getConversationId().getId(), aliased(in)));
      } else if (tag == STATE_EVENT) {
        in.readMessage(state.addEventBuilder(), NO_EXTENSIONS);
      } else if (tag == STATE_TOKEN && !state.hasEventContinuationToken()) {
        in.readMessage(state.getEventContinuationTokenBuilder(), NO_EXTENSIONS);
      } else {
        throw new Unexpected();
      }
    }
    return state.buildPartial();
  }

  /** The conversation these bytes encode: the one parsed last time if they are the same. */
  private Conversation conversation(String id, ByteString bytes)
      throws InvalidProtocolBufferException {
    Kept k = id.isEmpty() ? null : kept.get(id);
    if (k != null && k.bytes.equals(bytes)) {
      return k.conversation;
    }
    bytes = ByteString.copyFrom(bytes.asReadOnlyByteBuffer()); // not to keep the page alive
    CodedInputStream in = bytes.newCodedInput();
    in.setRecursionLimit(RpcCodec.RECURSION_LIMIT - 2);
    Conversation conversation = Conversation.parser().parsePartialFrom(in, NO_EXTENSIONS);
    in.checkLastTagWas(0);
    if (!id.isEmpty() && bytes.size() <= MAX_KEPT_BYTES / 4) {
      Kept previous = kept.put(id, new Kept(bytes, conversation));
      keptBytes += bytes.size() - (previous == null ? 0 : previous.bytes.size());
      Iterator<Kept> eldestFirst = kept.values().iterator();
      while (keptBytes > MAX_KEPT_BYTES && eldestFirst.hasNext()) {
        keptBytes -= eldestFirst.next().bytes.size();
        eldestFirst.remove();
      }
    }
    return conversation;
  }

  /**
   * The next length-delimited field as a view into the page, not a copy: only read from while
   * decoding it, and copied where something is kept.
   */
  private static ByteString aliased(CodedInputStream in) throws IOException {
    in.enableAliasing(true);
    try {
      return in.readBytes();
    } finally {
      in.enableAliasing(false);
    }
  }

  private static int tag(int field, int wireType) {
    return (field << 3) | wireType;
  }
}
