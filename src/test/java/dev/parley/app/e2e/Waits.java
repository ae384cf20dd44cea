package dev.parley.app.e2e;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;

/** Waiting for conditions with a deadline (never a bare sleep), on or off the FX thread. */
public final class Waits {
  private Waits() {}

  /** Polls {@code condition} until it holds or {@code timeout} passes. */
  public static void until(Duration timeout, String what, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      TimeUnit.MILLISECONDS.sleep(25);
    }
  }

  /** Like {@link #until}, evaluating the condition on the FX thread. */
  public static void untilFx(Duration timeout, String what, Supplier<Boolean> condition)
      throws InterruptedException {
    until(timeout, what, () -> onFx(condition::get));
  }

  /** Runs {@code task} on the FX thread and returns its result. */
  public static <T> T onFx(Callable<T> task) {
    if (Platform.isFxApplicationThread()) {
      try {
        return task.call();
      } catch (Exception e) {
        throw new IllegalStateException("FX task failed", e);
      }
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            result.complete(task.call());
          } catch (Throwable t) {
            result.completeExceptionally(t);
          }
        });
    try {
      return result.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("FX task failed", e);
    }
  }
}
