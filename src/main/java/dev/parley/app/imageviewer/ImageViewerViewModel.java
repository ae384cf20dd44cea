package dev.parley.app.imageviewer;

import dev.parley.app.I18n;
import dev.parley.app.UiDispatcher;
import dev.parley.app.session.SessionService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One picture shown full size: whether it is still loading or failed, fit-to-window or 100%, and
 * "Save as…", which fetches the original bytes through the session and writes them off the UI
 * thread. The view loads the picture itself (it owns the toolkit's image) and reports back.
 */
public final class ImageViewerViewModel {
  private final SessionService session;
  private final UiDispatcher ui;
  private final Executor io;
  private final String url;
  private final I18n text = I18n.of(ImageViewerViewModel.class);

  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(true);
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final BooleanProperty fitToWindow = new SimpleBooleanProperty(true);
  private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

  public ImageViewerViewModel(SessionService session, UiDispatcher ui, Executor io, String url) {
    this.session = Objects.requireNonNull(session, "session");
    this.ui = Objects.requireNonNull(ui, "ui");
    this.io = Objects.requireNonNull(io, "io");
    this.url = Objects.requireNonNull(url, "url");
  }

  public String url() {
    return url;
  }

  public String windowTitle() {
    return text.get("title", suggestedFileName());
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** Why the picture cannot be shown, or empty. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** Scaled to fit the window (the default), or shown at 100%. */
  public BooleanProperty fitToWindowProperty() {
    return fitToWindow;
  }

  public ReadOnlyBooleanProperty savingProperty() {
    return saving.getReadOnlyProperty();
  }

  /** "Saved to …" or why saving failed; empty before any save. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public void toggleFit() {
    fitToWindow.set(!fitToWindow.get());
  }

  /** The view finished loading the picture. */
  public void imageLoaded() {
    loading.set(false);
    error.set("");
  }

  /** The view could not load the picture. */
  public void imageFailed() {
    loading.set(false);
    error.set(text.get("error.load"));
  }

  /** A file name for the save dialog: the URL's last path segment, or "image". */
  public String suggestedFileName() {
    String name = "";
    try {
      String path = URI.create(url).getPath();
      if (path != null) {
        name = path.substring(path.lastIndexOf('/') + 1);
      }
    } catch (IllegalArgumentException e) {
      name = "";
    }
    name = name.replaceAll("[^A-Za-z0-9._-]", "_");
    if (name.isEmpty() || name.startsWith(".")) {
      name = "image";
    }
    if (!name.contains(".")) {
      name = name + ".jpg";
    }
    return name.length() > 100 ? name.substring(name.length() - 100) : name;
  }

  /**
   * Writes the original bytes to {@code target}: fetched through the session, written on the I/O
   * executor; the outcome arrives in {@link #statusProperty()}.
   *
   * @return completes (on the UI thread) when the file is written or saving failed
   */
  public CompletableFuture<Void> saveTo(Path target) {
    Objects.requireNonNull(target, "target");
    saving.set(true);
    status.set(text.get("status.saving"));
    CompletableFuture<Void> done = new CompletableFuture<>();
    session
        .fetchImage(url)
        .thenAcceptAsync(bytes -> write(target, bytes), io)
        .whenComplete(
            (ok, failure) ->
                ui.dispatch(
                    () -> {
                      saving.set(false);
                      if (failure == null) {
                        status.set(text.get("status.saved", target.getFileName()));
                        done.complete(null);
                      } else {
                        status.set(text.get("status.failed", reason(failure)));
                        done.completeExceptionally(failure);
                      }
                    }));
    return done;
  }

  private static void write(Path target, byte[] bytes) {
    Path tmp = target.resolveSibling(target.getFileName() + ".part");
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the failure reported is the first one
      }
      throw new UncheckedIOException(e);
    }
  }

  private static String reason(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof UncheckedIOException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
  }
}
