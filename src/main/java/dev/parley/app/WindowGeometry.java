package dev.parley.app;

import dev.parley.app.mainwindow.MainWindowView;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Remembers the main window's size, position and maximized state, and the conversation list's
 * width, in the config directory.
 */
public final class WindowGeometry {
  private final Path file;

  public WindowGeometry(Path configDir) {
    this.file = configDir.resolve("window.properties");
  }

  /** Applies the remembered geometry when it still fits on a screen; else a sensible default. */
  public void restore(Stage stage) {
    stage.setWidth(1100);
    stage.setHeight(720);
    if (!Files.isRegularFile(file)) {
      stage.centerOnScreen();
      return;
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
      double x = Double.parseDouble(p.getProperty("x"));
      double y = Double.parseDouble(p.getProperty("y"));
      double w = Double.parseDouble(p.getProperty("width"));
      double h = Double.parseDouble(p.getProperty("height"));
      if (w >= 480 && h >= 360 && !Screen.getScreensForRectangle(x, y, w, h).isEmpty()) {
        stage.setX(x);
        stage.setY(y);
        stage.setWidth(w);
        stage.setHeight(h);
      } else {
        stage.centerOnScreen();
      }
      stage.setMaximized(Boolean.parseBoolean(p.getProperty("maximized", "false")));
    } catch (IOException | RuntimeException e) {
      stage.centerOnScreen();
    }
  }

  /** The remembered width of the conversation list; the default when none is. */
  public double listWidth() {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
      double width = Double.parseDouble(p.getProperty("listWidth"));
      return width >= MainWindowView.MIN_LIST_WIDTH && width <= 4000
          ? width
          : MainWindowView.DEFAULT_LIST_WIDTH;
    } catch (IOException | RuntimeException e) {
      return MainWindowView.DEFAULT_LIST_WIDTH; // none yet, or not a number
    }
  }

  /** Saves the stage's current geometry (the un-maximized bounds stay as they were). */
  public void save(Stage stage, double listWidth) {
    Properties p = new Properties();
    Rectangle2D bounds =
        new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    p.setProperty("x", Double.toString(bounds.getMinX()));
    p.setProperty("y", Double.toString(bounds.getMinY()));
    p.setProperty("width", Double.toString(bounds.getWidth()));
    p.setProperty("height", Double.toString(bounds.getHeight()));
    p.setProperty("maximized", Boolean.toString(stage.isMaximized()));
    p.setProperty("listWidth", Double.toString(listWidth));
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        p.store(out, "Parley's main window");
      }
    } catch (IOException e) {
      // Losing the geometry is harmless; the next start centres the window.
    }
  }
}
