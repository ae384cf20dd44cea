package dev.parley.client;

import java.time.Duration;

/** The server asks to wait before trying again. */
public class RateLimitedException extends ClientException {
  private static final long serialVersionUID = 1L;
  private final Duration retryAfter;

  public RateLimitedException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
