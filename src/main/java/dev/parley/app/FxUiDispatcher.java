package dev.parley.app;

import javafx.application.Platform;

/** {@link UiDispatcher} onto the JavaFX application thread. */
public final class FxUiDispatcher implements UiDispatcher {
  @Override
  public void dispatch(Runnable task) {
    Platform.runLater(task);
  }
}
