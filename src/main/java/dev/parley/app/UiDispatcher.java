package dev.parley.app;

import java.util.concurrent.Executor;

/**
 * The one way work reaches the UI thread. Every client event, every completed request and every
 * timer a ViewModel reacts to goes through here, so ViewModels only ever run on one thread. The app
 * uses {@link FxUiDispatcher}; ViewModel tests use {@link #currentThread()}.
 */
@FunctionalInterface
public interface UiDispatcher extends Executor {

  /** Runs {@code task} on the UI thread, later; never blocks the caller. */
  void dispatch(Runnable task);

  @Override
  default void execute(Runnable task) {
    dispatch(task);
  }

  /** A dispatcher that runs tasks at once on the calling thread (ViewModel tests). */
  static UiDispatcher currentThread() {
    return Runnable::run;
  }
}
