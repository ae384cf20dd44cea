package dev.parley.app.session;

import dev.parley.client.AuthenticationException;
import dev.parley.client.NetworkException;
import dev.parley.client.RateLimitedException;
import dev.parley.client.RequestRefusedException;
import java.time.Duration;

/** What the {@link Outbox} makes of a failed send: try again (when), or tell the person why. */
final class SendFailures {
  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
  private static final Duration LAST_RETRY = Duration.ofSeconds(30);

  /** Network failures while connected after which a message counts as failed. */
  static final int MAX_FAILURES_WHILE_CONNECTED = 5;

  private SendFailures() {}

  /**
   * Whether to keep the message PENDING and try again: always when asked to wait, and after network
   * failures while the connection is down (the message waits for it); while connected only a few
   * times, so that a server that keeps failing is reported.
   *
   * @param failures the consecutive failures, this one included
   */
  static boolean worthRetrying(Throwable cause, boolean connected, int failures) {
    if (cause instanceof RateLimitedException) {
      return true;
    }
    return cause instanceof NetworkException
        && (!connected || failures < MAX_FAILURES_WHILE_CONNECTED);
  }

  /** 1 s doubling to 30 s, or what the server asked for. */
  static Duration retryDelay(Throwable cause, int failures) {
    if (cause instanceof RateLimitedException limited) {
      return limited.retryAfter();
    }
    long seconds = FIRST_RETRY.toSeconds() << Math.min(failures - 1, 5);
    return Duration.ofSeconds(Math.min(seconds, LAST_RETRY.toSeconds()));
  }

  /** Why sending failed, for the person who wrote the message. */
  static String describe(Throwable cause) {
    if (cause instanceof AuthenticationException) {
      return "You are signed out. Sign in again to send messages.";
    }
    if (cause instanceof RequestRefusedException) {
      return "The server refused the message: " + cause.getMessage();
    }
    if (cause instanceof NetworkException) {
      return "The server could not be reached: " + cause.getMessage();
    }
    String message = cause.getMessage();
    return "Sending failed: " + (message == null ? cause.getClass().getSimpleName() : message);
  }
}
