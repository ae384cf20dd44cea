package dev.parley.client.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.parley.proto.Hangouts.Conversation;
import dev.parley.proto.Hangouts.ConversationState;
import dev.parley.proto.Hangouts.ResponseHeader;
import dev.parley.proto.Hangouts.ResponseStatus;
import dev.parley.proto.Hangouts.SyncAllNewEventsResponse;
import dev.parley.wire.MalformedProtobufException;
import dev.parley.wire.RpcCodec;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes the binary {@code syncallnewevents} pages of catch-up, parsing a conversation only when
 * its bytes differ from the last time it came. Every page carries the whole current conversation
 * (all participants, their names and watermarks) of each conversation with events in it, and a
 * catch-up through a long backlog brings the same conversation on page after page; comparing bytes
 * in place (a vectorised array comparison) costs a fraction of parsing them again. The result is
 * the message the plain parser gives.
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

  private record Kept(byte[] bytes, Conversation conversation) {}

  /** Bytes enough for a page's header and sync timestamp, which servers write first. */
  public static final int START_BYTES = 64;

  /** What the first bytes of a page tell: where it continues and the server's time. */
  public record PageStart(long syncTimestamp, long currentServerTime) {}

  /**
   * The sync timestamp and current server time of a page from its first bytes, when they are its
   * first two fields (as Parley's server writes them) and its status is OK; else null.
   */
  public static PageStart start(byte[] prefix) {
    try {
      CodedInputStream in = CodedInputStream.newInstance(prefix);
      if (in.readTag() != HEADER) {
        return null;
      }
      int length = in.readRawVarint32();
      if (length < 0 || length > prefix.length - in.getTotalBytesRead()) {
        return null; // not all there
      }
      int limit = in.pushLimit(length);
      ResponseHeader header = ResponseHeader.parser().parsePartialFrom(in, NO_EXTENSIONS);
      in.popLimit(limit);
      if (header.getStatus() != ResponseStatus.RESPONSE_STATUS_OK
          || in.readTag() != SYNC_TIMESTAMP) {
        return null;
      }
      return new PageStart(in.readUInt64(), header.getCurrentServerTime());
    } catch (IOException | RuntimeException e) {
      return null; // cut short or unusual: the whole page will tell
    }
  }

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

  /**
   * Reads the whole page with one stream, the conversation states within pushed limits, so that a
   * conversation's bytes are found by their offset in {@code body} and compared in place.
   */
  private SyncAllNewEventsResponse decodePage(byte[] body) throws IOException, Unexpected {
    CodedInputStream in = CodedInputStream.newInstance(body);
    // States are read without readMessage's nesting count: one level less to go.
    in.setRecursionLimit(RpcCodec.RECURSION_LIMIT - 1);
    SyncAllNewEventsResponse.Builder page = SyncAllNewEventsResponse.newBuilder();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == HEADER && !page.hasResponseHeader()) {
        in.readMessage(page.getResponseHeaderBuilder(), NO_EXTENSIONS);
      } else if (tag == SYNC_TIMESTAMP && !page.hasSyncTimestamp()) {
        page.setSyncTimestamp(in.readUInt64());
      } else if (tag == STATE) {
        int limit = in.pushLimit(in.readRawVarint32());
        page.addConversationState(decodeState(in, body));
        in.checkLastTagWas(0);
        in.popLimit(limit);
      } else {
        throw new Unexpected();
      }
    }
    return page.buildPartial();
  }

  private ConversationState decodeState(CodedInputStream in, byte[] body)
      throws IOException, Unexpected {
    ConversationState.Builder state = ConversationState.newBuilder();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == STATE_ID && !state.hasConversationId()) {
        in.readMessage(state.getConversationIdBuilder(), NO_EXTENSIONS);
      } else if (tag == STATE_CONVERSATION && !state.hasConversation()) {
        int length = in.readRawVarint32();
        if (length < 0 || length > in.getBytesUntilLimit()) {
          throw new Unexpected();
        }
        int offset = in.getTotalBytesRead();
        state.setConversation(
            conversation(state.getConversationId().getId(), body, offset, length));
        in.skipRawBytes(length);
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

  /**
   * The conversation encoded in {@code body[offset, offset + length)}: the one parsed last time if
   * the bytes are the same.
   */
  private Conversation conversation(String id, byte[] body, int offset, int length)
      throws InvalidProtocolBufferException {
    Kept k = id.isEmpty() ? null : kept.get(id);
    if (k != null && Arrays.equals(k.bytes, 0, k.bytes.length, body, offset, offset + length)) {
      return k.conversation;
    }
    byte[] bytes = Arrays.copyOfRange(body, offset, offset + length); // not to keep the page alive
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    // Nested two deep in the page: a state, then its conversation.
    in.setRecursionLimit(RpcCodec.RECURSION_LIMIT - 2);
    Conversation conversation = Conversation.parser().parsePartialFrom(in, NO_EXTENSIONS);
    in.checkLastTagWas(0);
    if (!id.isEmpty() && bytes.length <= MAX_KEPT_BYTES / 4) {
      Kept previous = kept.put(id, new Kept(bytes, conversation));
      keptBytes += bytes.length - (previous == null ? 0 : previous.bytes.length);
      Iterator<Kept> eldestFirst = kept.values().iterator();
      while (keptBytes > MAX_KEPT_BYTES && eldestFirst.hasNext()) {
        keptBytes -= eldestFirst.next().bytes.length;
        eldestFirst.remove();
      }
    }
    return conversation;
  }

  private static int tag(int field, int wireType) {
    return (field << 3) | wireType;
  }
}
