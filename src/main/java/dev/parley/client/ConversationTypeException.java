package dev.parley.client;

/** An operation that needs a group conversation was asked of a one-to-one, or the reverse. */
public class ConversationTypeException extends ClientException {
  private static final long serialVersionUID = 1L;

  public ConversationTypeException(String message) {
    super(message);
  }
}
