package dev.parley.app;

/** The app's exception root: failures the app itself detects (not the client library's). */
public class AppException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AppException(String message) {
    super(message);
  }

  public AppException(String message, Throwable cause) {
    super(message, cause);
  }
}
