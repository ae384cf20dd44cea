package dev.parley.wire;

/** A binary protobuf body (or its base64 text) that does not parse. */
public class MalformedProtobufException extends WireException {
  private static final long serialVersionUID = 1L;

  public MalformedProtobufException(String message, Throwable cause) {
    super(message, cause);
  }

  public MalformedProtobufException(String message) {
    super(message);
  }
}
