package dev.parley.app.manage;

import dev.parley.app.I18n;
import dev.parley.client.AuthenticationException;
import dev.parley.client.ConversationTypeException;
import dev.parley.client.NetworkException;
import dev.parley.client.RateLimitedException;
import dev.parley.client.RequestRefusedException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The client library's typed failures as one sentence for the user. */
final class Failures {
  private Failures() {}

  /**
   * What went wrong: the connection, a rate limit, an expired session, a refusal (with the server's
   * reason), else {@code fallbackKey}'s text.
   */
  static String describe(I18n text, Throwable failure, String fallbackKey) {
    Throwable cause = unwrap(failure);
    if (cause instanceof RateLimitedException limited) {
      long seconds = limited.retryAfter() == null ? 1 : limited.retryAfter().toSeconds();
      return text.get("error.rateLimited", Math.max(1, seconds));
    }
    if (cause instanceof NetworkException) {
      return text.get("error.network");
    }
    if (cause instanceof AuthenticationException) {
      return text.get("error.authentication");
    }
    if (cause instanceof ConversationTypeException) {
      return text.get("error.notAGroup");
    }
    if (cause instanceof RequestRefusedException && cause.getMessage() != null) {
      return text.get("error.refused", cause.getMessage());
    }
    return text.get(fallbackKey);
  }

  static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
