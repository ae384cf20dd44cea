package dev.parley.client.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Moves the completion of futures from I/O threads to the callback executor, so that what callers
 * chain on a client's futures never runs on an OkHttp or reader thread.
 */
public final class Completions {
  private final Executor executor;

  public Completions(Executor executor) {
    this.executor = executor;
  }

  /** Four daemon threads that end when idle: the callback executor unless the app gives one. */
  public static Executor defaultExecutor() {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            4,
            4,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            Threads.daemonFactory("parley-callback"));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /**
   * The same outcome, completed on the executor, failures unwrapped from {@link
   * CompletionException}; cancelling the result cancels {@code inner}.
   */
  public <T> CompletableFuture<T> hop(CompletableFuture<T> inner) {
    CompletableFuture<T> outer = new CompletableFuture<>();
    inner.whenComplete(
        (value, failure) ->
            run(
                () -> {
                  if (failure == null) {
                    outer.complete(value);
                  } else {
                    outer.completeExceptionally(RealRpc.unwrap(failure));
                  }
                }));
    outer.whenComplete(
        (value, failure) -> {
          if (outer.isCancelled()) {
            inner.cancel(true);
          }
        });
    return outer;
  }

  private void run(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      task.run();
    }
  }
}
