package dev.parley.wire;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;

/**
 * The pblite encoding of protobuf messages: JSON arrays indexed by field number (PROTOCOL.md
 * section 7), as hangups decodes them and as a Parley server writes them.
 */
public final class Pblite {
  /** Protobuf nesting limit for the transcoded bytes; JSON nesting is capped lower anyway. */
  static final int PROTOBUF_RECURSION_LIMIT = 100;

  private Pblite() {}

  /**
   * Decodes {@code json} into a message of {@code prototype}'s type.
   *
   * @param ignoreFirstItem skip element 0 of the top-level array, a type tag such as {@code "cbu"}
   * @throws MalformedJsonException if the text is not JSON, nests deeper than 64 levels or its top
   *     level is not an array
   */
  @SuppressWarnings("unchecked")
  public static <M extends Message> M decode(String json, M prototype, boolean ignoreFirstItem)
      throws MalformedJsonException {
    PbliteDecoder decoder = new PbliteDecoder(json);
    decoder.decodeDocument(PbliteSchema.of(prototype.getDescriptorForType()), ignoreFirstItem);
    ProtoSink sink = decoder.sink();
    CodedInputStream input = CodedInputStream.newInstance(sink.array(), 0, sink.position());
    input.setRecursionLimit(PROTOBUF_RECURSION_LIMIT);
    // The buffer is ours alone and never reused, so strings and bytes may point into it.
    input.enableAliasing(true);
    try {
      return (M) prototype.getParserForType().parsePartialFrom(input);
    } catch (InvalidProtocolBufferException e) {
      // The transcoder only writes well-formed bytes, so this is a bug, not bad input.
      throw new IllegalStateException("pblite transcoder wrote invalid protobuf", e);
    }
  }

  /** Decodes a top-level array without a type tag. */
  public static <M extends Message> M decode(String json, M prototype)
      throws MalformedJsonException {
    return decode(json, prototype, false);
  }

  /** Encodes {@code message} as ASCII-only pblite JSON. */
  public static String encode(Message message) {
    return encode(message, null);
  }

  /** Encodes {@code message} with {@code typeTag} (e.g. {@code "cbu"}) as element 0. */
  public static String encode(Message message, String typeTag) {
    StringBuilder sb = new StringBuilder(64);
    new PbliteEncoder(sb).writeMessage(message, typeTag);
    return sb.toString();
  }
}
