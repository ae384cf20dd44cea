package dev.parley.app;

import java.time.Duration;

/**
 * Delayed work on the UI thread (typing pauses, "reconnecting in 8 s" countdowns, relative times).
 * ViewModel tests use a fake they advance by hand.
 */
public interface UiTimer {
  /** A scheduled task that can be cancelled; cancelling twice or after it ran does nothing. */
  interface Scheduled {
    void cancel();
  }

  /** Runs {@code task} once on the UI thread after {@code delay}. */
  Scheduled schedule(Duration delay, Runnable task);

  /** Runs {@code task} on the UI thread every {@code period}, first after one period. */
  Scheduled every(Duration period, Runnable task);
}
