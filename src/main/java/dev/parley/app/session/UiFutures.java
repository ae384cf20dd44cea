package dev.parley.app.session;

import dev.parley.app.UiDispatcher;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** Hands the outcome of the client library's futures to the UI thread. */
final class UiFutures {
  private UiFutures() {}

  /**
   * The same outcome, completed through {@code ui} (always later, never on the calling thread), the
   * failure unwrapped from {@link CompletionException} so callers see the library's own exception.
   */
  static <T> CompletableFuture<T> onUi(CompletableFuture<T> inner, UiDispatcher ui) {
    CompletableFuture<T> outer = new CompletableFuture<>();
    inner.whenComplete(
        (value, failure) ->
            ui.dispatch(
                () -> {
                  if (failure == null) {
                    outer.complete(value);
                  } else {
                    outer.completeExceptionally(unwrap(failure));
                  }
                }));
    return outer;
  }

  /**
   * Applies {@code onUi} to the outcome on the UI thread and completes with its result; a failure
   * (of {@code inner} or of {@code onUi}) completes it exceptionally, unwrapped.
   */
  static <T, R> CompletableFuture<R> onUi(
      CompletableFuture<T> inner, UiDispatcher ui, Function<? super T, ? extends R> onUi) {
    CompletableFuture<R> outer = new CompletableFuture<>();
    inner.whenComplete(
        (value, failure) ->
            ui.dispatch(
                () -> {
                  if (failure != null) {
                    outer.completeExceptionally(unwrap(failure));
                    return;
                  }
                  try {
                    outer.complete(onUi.apply(value));
                  } catch (RuntimeException e) {
                    outer.completeExceptionally(e);
                  }
                }));
    return outer;
  }

  /** A future that completes through {@code ui} with {@code value}. */
  static <T> CompletableFuture<T> completed(T value, UiDispatcher ui) {
    return onUi(CompletableFuture.completedFuture(value), ui);
  }

  /** A future that fails through {@code ui} with {@code failure}. */
  static <T> CompletableFuture<T> failed(Throwable failure, UiDispatcher ui) {
    return onUi(CompletableFuture.failedFuture(failure), ui);
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
