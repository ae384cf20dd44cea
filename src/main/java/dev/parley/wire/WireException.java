package dev.parley.wire;

/**
 * Root of every failure the wire layer reports: input from the network that does not decode.
 * Decoders throw nothing else, whatever they are fed.
 */
public class WireException extends Exception {
  private static final long serialVersionUID = 1L;

  public WireException(String message) {
    super(message);
  }

  public WireException(String message, Throwable cause) {
    super(message, cause);
  }
}
