package dev.parley.app.settings;

import dev.parley.app.Theme;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Applies the appearance settings as they change: the theme, and the text size as {@code
 * -fx-font-size} on the root of every window's scene (the main window, dialogs, the settings
 * window), so everything sized in {@code em} follows.
 */
public final class Appearance {
  private static final String FONT_SIZE = "-fx-font-size:";

  private final AppSettingsStore store;
  private final Theme theme;
  private final ChangeListener<AppSettings> changed = (o, was, now) -> changed(was, now);
  private final ListChangeListener<Window> windowsChanged =
      change -> {
        while (change.next()) {
          change.getAddedSubList().forEach(this::track);
        }
      };
  private boolean stopped;

  private Appearance(AppSettingsStore store, Theme theme) {
    this.store = store;
    this.theme = theme;
  }

  /**
   * Follows {@code store} from now on: every open and future window gets the text size, and a
   * change of theme mode switches {@code theme}. The theme to start with is the caller's ({@link
   * Theme#initial(Theme.Mode)}). Call once, on the UI thread.
   *
   * @return a handle to {@link #stop()} following
   */
  public static Appearance follow(AppSettingsStore store, Theme theme) {
    Appearance appearance = new Appearance(store, theme);
    store.settingsProperty().addListener(appearance.changed);
    Window.getWindows().addListener(appearance.windowsChanged);
    Window.getWindows().forEach(appearance::track);
    return appearance;
  }

  /** Stops following the settings; windows keep the text size they have. */
  public void stop() {
    stopped = true;
    store.settingsProperty().removeListener(changed);
    Window.getWindows().removeListener(windowsChanged);
  }

  private void changed(AppSettings was, AppSettings now) {
    if (was.theme() != now.theme()) {
      theme.setMode(now.theme());
    }
    if (was.fontScale() != now.fontScale()) {
      Window.getWindows().forEach(this::applyTo);
    }
  }

  private void track(Window window) {
    window.sceneProperty().addListener((o, was, scene) -> applyTo(scene));
    applyTo(window.getScene());
  }

  private void applyTo(Window window) {
    applyTo(window.getScene());
  }

  private void applyTo(Scene scene) {
    if (scene == null) {
      return;
    }
    if (!Boolean.TRUE.equals(scene.getProperties().get(Appearance.class))) {
      scene.getProperties().put(Appearance.class, Boolean.TRUE);
      scene.rootProperty().addListener((o, was, root) -> setFontSize(root));
    }
    setFontSize(scene.getRoot());
  }

  private void setFontSize(Parent root) {
    if (root != null && !stopped) {
      root.setStyle(withFontSize(root.getStyle(), store.get().fontSize()));
    }
  }

  /** {@code style} with its font size replaced by (or extended with) {@code px}. */
  static String withFontSize(String style, double px) {
    String size = String.format(Locale.ROOT, "%s %.1fpx;", FONT_SIZE, px);
    String rest = style == null ? "" : style.replaceAll("-fx-font-size:[^;]*;?", "").trim();
    return rest.isEmpty() ? size : size + " " + rest;
  }
}
