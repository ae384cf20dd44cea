package dev.parley.client;

/** The server could not be reached, or answered with something that is not the protocol. */
public class NetworkException extends ClientException {
  private static final long serialVersionUID = 1L;

  public NetworkException(String message) {
    super(message);
  }

  public NetworkException(String message, Throwable cause) {
    super(message, cause);
  }
}
