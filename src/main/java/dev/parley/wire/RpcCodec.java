package dev.parley.wire;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * RPC bodies on {@code /chat/v1/} (PROTOCOL.md section 4.1): binary protobuf for {@code alt=proto},
 * optionally answered as base64 text, and pblite JSON for {@code alt=json}.
 */
public final class RpcCodec {
  public static final String CONTENT_TYPE_PROTOBUF = "application/x-protobuf";
  public static final String CONTENT_TYPE_PBLITE = "application/json+protobuf";

  /** The request header asking for a base64 text response, and its value. */
  public static final String ENCODE_RESPONSE_HEADER = "x-goog-encode-response-if-executable";

  public static final String ENCODE_RESPONSE_BASE64 = "base64";

  /** Protobuf nesting deeper than this is refused. */
  public static final int RECURSION_LIMIT = 100;

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private RpcCodec() {}

  /** The wire encodings an RPC can use, chosen by the {@code alt} query parameter. */
  public enum Encoding {
    PROTO,
    PBLITE;

    /** {@code alt=proto} or no alt is PROTO; {@code json} and {@code protojson} are PBLITE. */
    public static Encoding fromAlt(String alt) {
      if (alt == null || alt.isEmpty() || alt.equals("proto")) {
        return PROTO;
      }
      if (alt.equals("json") || alt.equals("protojson")) {
        return PBLITE;
      }
      throw new IllegalArgumentException("unknown alt=" + alt);
    }
  }

  /** Parses a binary protobuf body; a missing required field is tolerated. */
  @SuppressWarnings("unchecked")
  public static <M extends Message> M decodeProto(byte[] body, M prototype)
      throws MalformedProtobufException {
    CodedInputStream input = CodedInputStream.newInstance(body);
    input.setRecursionLimit(RECURSION_LIMIT);
    try {
      M message = (M) prototype.getParserForType().parsePartialFrom(input);
      input.checkLastTagWas(0);
      return message;
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedProtobufException("body is not a valid " + name(prototype), e);
    } catch (RuntimeException e) {
      // protobuf-java reports a few malformed inputs unchecked; they are still bad input.
      throw new MalformedProtobufException("body is not a valid " + name(prototype), e);
    }
  }

  /** Parses a base64 text response body (standard alphabet, padded). */
  public static <M extends Message> M decodeBase64Proto(String text, M prototype)
      throws MalformedProtobufException {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(WHITESPACE.matcher(text).replaceAll(""));
    } catch (IllegalArgumentException e) {
      throw new MalformedProtobufException("response is not base64", e);
    }
    return decodeProto(bytes, prototype);
  }

  public static <M extends Message> M decodeBase64Proto(byte[] text, M prototype)
      throws MalformedProtobufException {
    for (byte b : text) {
      if (b == ' ' || (b >= '\t' && b <= '\r')) {
        // Line breaks or spaces: rare, so the slower way that removes them is fine.
        return decodeBase64Proto(new String(text, StandardCharsets.ISO_8859_1), prototype);
      }
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedProtobufException("response is not base64", e);
    }
    return decodeProto(bytes, prototype);
  }

  /** Parses a pblite JSON body of either direction. */
  public static <M extends Message> M decodePblite(String json, M prototype)
      throws MalformedJsonException {
    return Pblite.decode(json, prototype, false);
  }

  public static byte[] encodeProto(Message message) {
    return message.toByteArray();
  }

  /** The base64 text of the binary message, as a server answers with the encode header. */
  public static String encodeBase64Proto(Message message) {
    return Base64.getEncoder().encodeToString(message.toByteArray());
  }

  public static String encodePblite(Message message) {
    return Pblite.encode(message);
  }

  private static String name(Message prototype) {
    return prototype.getDescriptorForType().getName();
  }
}
