package dev.parley.wire;

/** JSON text (a pblite array, a channel payload) that is not valid JSON or nests too deeply. */
public class MalformedJsonException extends WireException {
  private static final long serialVersionUID = 1L;

  public MalformedJsonException(String message, int offset) {
    super(message + " at offset " + offset);
  }

  public MalformedJsonException(String message) {
    super(message);
  }
}
