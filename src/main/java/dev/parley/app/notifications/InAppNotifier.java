package dev.parley.app.notifications;

import dev.parley.app.UiDispatcher;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * The last resort: a ControlsFX notification inside the app's window, at the top right (at the
 * bottom right it would cover the composer). Shown only while the window is showing; it cannot be
 * replaced or taken down, and disappears by itself after a few seconds.
 */
public final class InAppNotifier implements DesktopNotifier {
  static final Duration HIDE_AFTER = Duration.seconds(6);
  private static final int AVATAR_SIZE = 40;

  private final UiDispatcher ui;
  private final Supplier<Window> owner;
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

  /**
   * @param ui the JavaFX thread
   * @param owner the main window (read on the JavaFX thread)
   */
  public InAppNotifier(UiDispatcher ui, Supplier<Window> owner) {
    this.ui = ui;
    this.owner = owner;
  }

  @Override
  public void show(Notification n) {
    ui.dispatch(
        () -> {
          Window window = owner.get();
          if (window == null || !window.isShowing()) {
            return;
          }
          Notifications popup =
              Notifications.create()
                  .owner(window)
                  .position(Pos.TOP_RIGHT)
                  .hideAfter(HIDE_AFTER)
                  .title(n.summary())
                  .text(n.body())
                  .onAction(e -> listeners.forEach(l -> l.accept(n.conversationId())));
          if (n.icon() != null) {
            Image avatar =
                new Image(new ByteArrayInputStream(n.icon()), AVATAR_SIZE, AVATAR_SIZE, true, true);
            if (!avatar.isError()) {
              popup.graphic(new ImageView(avatar));
            }
          }
          popup.show();
        });
  }

  @Override
  public void close(String conversationId) {
    // A ControlsFX notification cannot be taken down; it hides by itself.
  }

  @Override
  public void onActivated(Consumer<String> listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {}
}
