package dev.parley.wire;

/** A push-channel chunk whose payload does not have the shape PROTOCOL.md section 6 describes. */
public class MalformedChannelDataException extends WireException {
  private static final long serialVersionUID = 1L;

  public MalformedChannelDataException(String message) {
    super(message);
  }

  public MalformedChannelDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
