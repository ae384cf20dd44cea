package dev.parley.server.demo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline; fails the test with a description when it passes. */
final class Await {
  static final Duration DEFAULT = Duration.ofSeconds(10);

  private Await() {}

  static void until(String description, BooleanSupplier condition) {
    until(description, DEFAULT, condition);
  }

  static void until(String description, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + timeout + " waiting until " + description);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  /** Waits until {@code value} has not changed for {@code quiet}; returns that value. */
  static <T> T steady(String description, Duration quiet, Supplier<T> value) {
    long deadline = System.nanoTime() + DEFAULT.toNanos();
    T last = value.get();
    long since = System.nanoTime();
    while (System.nanoTime() - since < quiet.toNanos()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + DEFAULT + " waiting until " + description);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      T now = value.get();
      if (!now.equals(last)) {
        last = now;
        since = System.nanoTime();
      }
    }
    return last;
  }
}
