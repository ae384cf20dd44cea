package dev.parley.client;

/**
 * The server understood the request and refused it ({@code RESPONSE_STATUS_INVALID_REQUEST}): not a
 * participant, unknown conversation, over a limit. The message is the server's reason.
 */
public class RequestRefusedException extends ClientException {
  private static final long serialVersionUID = 1L;

  public RequestRefusedException(String message) {
    super(message);
  }
}
