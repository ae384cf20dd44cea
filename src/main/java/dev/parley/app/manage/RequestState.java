package dev.parley.app.manage;

import dev.parley.app.I18n;
import dev.parley.app.UiDispatcher;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One dialog's request to the session: busy while it runs, an error worded for the user when it
 * fails (the dialog stays open to try again), done when it succeeded (the dialog closes). The
 * outcome is handled through the {@link UiDispatcher}; after {@link #dispose()} it is dropped.
 */
final class RequestState {
  private final UiDispatcher ui;
  private final I18n text;
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
  private boolean disposed;

  RequestState(UiDispatcher ui, I18n text) {
    this.ui = ui;
    this.text = text;
  }

  ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  ReadOnlyBooleanProperty doneProperty() {
    return done.getReadOnlyProperty();
  }

  ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** Shows a problem found before asking (validation), or clears it with "". */
  void setError(String message) {
    error.set(message == null ? "" : message);
  }

  boolean idle() {
    return !busy.get() && !done.get() && !disposed;
  }

  /**
   * Sends the request unless one is running or it is done already; {@code onSuccess} runs before
   * {@code done} turns true; a failure is worded by {@code describe}.
   */
  <T> void submit(
      Supplier<CompletableFuture<T>> request,
      Consumer<T> onSuccess,
      Function<Throwable, String> describe) {
    if (!idle()) {
      return;
    }
    busy.set(true);
    error.set("");
    CompletableFuture<T> future;
    try {
      future = request.get();
    } catch (RuntimeException e) {
      future = CompletableFuture.failedFuture(e);
    }
    future.whenComplete(
        (value, failure) ->
            ui.dispatch(
                () -> {
                  if (disposed) {
                    return;
                  }
                  busy.set(false);
                  if (failure != null) {
                    error.set(describe.apply(Failures.unwrap(failure)));
                  } else {
                    onSuccess.accept(value);
                    done.set(true);
                  }
                }));
  }

  /**
   * {@link #submit(Supplier, Consumer, Function)} with the usual wording and {@code fallbackKey}.
   */
  <T> void submit(Supplier<CompletableFuture<T>> request, String fallbackKey) {
    submit(request, value -> {}, failure -> Failures.describe(text, failure, fallbackKey));
  }

  /** Answers still in flight are dropped. */
  void dispose() {
    disposed = true;
  }
}
