package dev.parley.client;

/** Sign-in failed or the session is no longer valid: ask the person to sign in again. */
public class AuthenticationException extends ClientException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String message) {
    super(message);
  }

  public AuthenticationException(String message, Throwable cause) {
    super(message, cause);
  }
}
