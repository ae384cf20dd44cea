package dev.parley.client;

/**
 * Root of the client library's failures; callers branch on the subclasses (sign in again, back off,
 * tell the person).
 */
public class ClientException extends Exception {
  private static final long serialVersionUID = 1L;

  public ClientException(String message) {
    super(message);
  }

  public ClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
