package dev.parley.app.notifications;

import dev.parley.app.UiDispatcher;
import java.awt.TrayIcon;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.stage.Window;

/** Picks the best way to notify on this desktop, with fallbacks down to the in-app popup. */
public final class Notifiers {
  /** The first choice on an operating system. */
  public enum Kind {
    /** Linux and the BSDs: the freedesktop notification daemon over D-Bus. */
    DBUS,
    /** macOS: Notification Center through {@code osascript}. */
    OSASCRIPT,
    /** Windows: the tray icon's balloon. */
    TRAY
  }

  private Notifiers() {}

  /** The first choice for an {@code os.name}. */
  public static Kind kind(String osName) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      return Kind.TRAY;
    }
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return Kind.OSASCRIPT;
    }
    return Kind.DBUS;
  }

  /**
   * The best notifier for this machine: D-Bus on Linux, Notification Center on macOS, the tray
   * balloon on Windows; each falls back to the tray balloon while there is a tray icon, and then to
   * the in-app popup. Returns at once: D-Bus connects in the background.
   *
   * @param trayIcon the tray icon while there is one, else null (e.g. {@code
   *     trayController::trayIcon}, or {@code () -> null} without a tray)
   * @param ui the JavaFX thread, for the in-app popup
   * @param window the main window, for the in-app popup
   */
  public static DesktopNotifier best(
      Supplier<TrayIcon> trayIcon, UiDispatcher ui, Supplier<Window> window) {
    DesktopNotifier inApp = new InAppNotifier(ui, window);
    DesktopNotifier tray = new TrayNotifier(trayIcon, inApp);
    switch (kind(System.getProperty("os.name", ""))) {
      case DBUS:
        return DbusNotifier.connect(tray);
      case OSASCRIPT:
        return OsascriptNotifier.supported() ? new OsascriptNotifier(tray) : tray;
      default:
        return tray;
    }
  }
}
