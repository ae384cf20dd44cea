package dev.parley.server.rpc;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.parley.proto.Hangouts.ResponseHeader;
import java.util.Objects;

/**
 * What an endpoint answers: its response message, into which {@link RpcHandler} puts the final
 * {@code response_header}. Most endpoints answer with a builder ({@link #of}). One that keeps parts
 * of its answer already encoded (a {@code syncallnewevents} page repeats conversations sent on
 * earlier pages) also writes its binary form itself, byte for byte what the message encodes to,
 * copying those parts rather than encoding them afresh.
 */
public interface RpcReply {
  /** The {@code response_header} the endpoint filled in so far; the default instance if none. */
  ResponseHeader header();

  /** The whole response with {@code header} as its {@code response_header}. */
  Message message(ResponseHeader header);

  /** The binary encoding of {@link #message(ResponseHeader)}, made faster where it can be. */
  default byte[] toByteArray(ResponseHeader header) {
    return message(header).toByteArray();
  }

  /** A reply that is a response message builder (with a {@code response_header} field). */
  static RpcReply of(Message.Builder builder) {
    Objects.requireNonNull(builder, "builder");
    FieldDescriptor field = builder.getDescriptorForType().findFieldByName("response_header");
    if (field == null) {
      throw new IllegalArgumentException(
          builder.getDescriptorForType().getName() + " has no response_header");
    }
    return new RpcReply() {
      @Override
      public ResponseHeader header() {
        return builder.hasField(field)
            ? (ResponseHeader) builder.getField(field)
            : ResponseHeader.getDefaultInstance();
      }

      @Override
      public Message message(ResponseHeader header) {
        return builder.setField(field, header).buildPartial();
      }
    };
  }
}
