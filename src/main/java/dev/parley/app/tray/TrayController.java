package dev.parley.app.tray;

import dev.parley.app.UiDispatcher;
import dev.parley.app.UiTimer;
import dev.parley.app.notifications.NotificationSettings;
import dev.parley.app.notifications.NotificationSettingsStore;
import java.awt.AWTException;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.Menu;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableIntegerValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parley's icon in the system tray, when the desktop has one: the mark with the unread total on a
 * badge, a tooltip, and a menu with Open, Do not disturb (for an hour, until tomorrow morning, off)
 * and Quit.
 *
 * <p>Two threads, and neither waits for the other: the state (unread total, settings, what the menu
 * says) lives on the JavaFX thread, which hands each new {@link TrayMenuModel.State} to the AWT
 * event thread to paint; menu clicks on the AWT thread are handed back through the {@link
 * UiDispatcher}. Create and use it on the JavaFX thread, after the JavaFX toolkit started (if AWT
 * started first, it would load GTK 2 and JavaFX would fail: start the JVM with {@code
 * -Djdk.gtk.version=3}).
 *
 * <p>The app should quit only through Quit while the tray icon stands in for the window: while
 * {@link #available()} and {@link #closeToTrayProperty()} both hold, it turns JavaFX's implicit
 * exit off, so closing the window hides it.
 */
public final class TrayController implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TrayController.class);

  private final NotificationSettingsStore settings;
  private final ObservableIntegerValue totalUnread;
  private final UiDispatcher ui;
  private final UiTimer timer;
  private final Runnable onOpen;
  private final Runnable onQuit;
  private final Clock clock;
  private final Consumer<Boolean> implicitExit;
  private final TrayMenuModel model;
  private final TrayIconPainter painter = new TrayIconPainter();

  private final ReadOnlyBooleanWrapper available =
      new ReadOnlyBooleanWrapper(this, "available", false);
  private final BooleanProperty closeToTray = new SimpleBooleanProperty(this, "closeToTray", true);
  private UiTimer.Scheduled dndEnds;
  private boolean started;
  private boolean closed;

  // Written on the AWT thread, read anywhere.
  private volatile TrayIcon icon;

  // Only on the AWT thread:
  private Menu dndMenu;
  private MenuItem dndOff;
  private TrayMenuModel.State painted;

  /**
   * @param totalUnread the unread total (the conversation list's)
   * @param onOpen show the window and bring it forward; runs on the JavaFX thread
   * @param onQuit quit the app; runs on the JavaFX thread
   */
  public TrayController(
      NotificationSettingsStore settings,
      ObservableIntegerValue totalUnread,
      UiDispatcher ui,
      UiTimer timer,
      Runnable onOpen,
      Runnable onQuit) {
    this(
        settings,
        totalUnread,
        ui,
        timer,
        onOpen,
        onQuit,
        Clock.systemDefaultZone(),
        Platform::setImplicitExit,
        Locale.getDefault());
  }

  TrayController(
      NotificationSettingsStore settings,
      ObservableIntegerValue totalUnread,
      UiDispatcher ui,
      UiTimer timer,
      Runnable onOpen,
      Runnable onQuit,
      Clock clock,
      Consumer<Boolean> implicitExit,
      Locale locale) {
    this.settings = settings;
    this.totalUnread = totalUnread;
    this.ui = ui;
    this.timer = timer;
    this.onOpen = onOpen;
    this.onQuit = onQuit;
    this.clock = clock;
    this.implicitExit = implicitExit;
    this.model = new TrayMenuModel(locale, clock.getZone());
    available.addListener((o, was, is) -> updateImplicitExit());
    closeToTray.addListener((o, was, is) -> updateImplicitExit());
  }

  /**
   * Puts the icon in the tray, in the background; {@link #availableProperty()} turns true when it
   * is there. Does nothing on a headless JVM or a desktop without a tray.
   */
  public void start() {
    if (started || closed) {
      return;
    }
    started = true;
    totalUnread.addListener((o, was, is) -> refresh());
    settings.settingsProperty().addListener((o, was, is) -> refresh());
    if (GraphicsEnvironment.isHeadless()) {
      log.debug("Headless: no tray icon");
      return;
    }
    TrayMenuModel.State first = state();
    EventQueue.invokeLater(() -> install(first));
  }

  /** Whether the icon is in the tray (so closing the window may hide it instead of quitting). */
  public boolean available() {
    return available.get();
  }

  public ReadOnlyBooleanProperty availableProperty() {
    return available.getReadOnlyProperty();
  }

  /** Whether closing the window leaves Parley running in the tray (default on); a user setting. */
  public BooleanProperty closeToTrayProperty() {
    return closeToTray;
  }

  /**
   * The tray icon while it is in the tray, else null; safe on any thread. For {@link
   * dev.parley.app.notifications.TrayNotifier}.
   */
  public TrayIcon trayIcon() {
    return icon;
  }

  /** Turns do-not-disturb on for a while, or off; what the tray menu's items do. */
  public void doNotDisturb(DoNotDisturb choice) {
    Instant until = choice.until(clock.instant().atZone(clock.getZone()));
    settings.update(s -> s.withDoNotDisturbUntil(until));
  }

  /** Takes the icon out of the tray. */
  @Override
  public void close() {
    closed = true;
    if (dndEnds != null) {
      dndEnds.cancel();
    }
    available.set(false);
    TrayIcon current = icon;
    if (current != null) {
      EventQueue.invokeLater(
          () -> {
            SystemTray.getSystemTray().remove(current);
            icon = null;
          });
    }
  }

  // ---- on the JavaFX thread ----

  TrayMenuModel.State state() {
    return model.state(totalUnread.get(), settings.get(), clock.instant());
  }

  private void refresh() {
    if (closed) {
      return;
    }
    scheduleDndEnd(settings.get());
    if (icon == null) {
      return;
    }
    TrayMenuModel.State next = state();
    EventQueue.invokeLater(() -> paint(next));
  }

  /** Refreshes the menu and tooltip when do-not-disturb runs out. */
  private void scheduleDndEnd(NotificationSettings s) {
    if (dndEnds != null) {
      dndEnds.cancel();
      dndEnds = null;
    }
    Instant now = clock.instant();
    if (s.doNotDisturbAt(now)) {
      Duration left = Duration.between(now, s.doNotDisturbUntil()).plusSeconds(1);
      dndEnds = timer.schedule(left, this::refresh);
    }
  }

  private void updateImplicitExit() {
    implicitExit.accept(!(available.get() && closeToTray.get()));
  }

  private void onFx(Runnable task) {
    ui.dispatch(
        () -> {
          if (!closed) {
            task.run();
          }
        });
  }

  // ---- on the AWT event thread ----

  private void install(TrayMenuModel.State first) {
    try {
      if (!SystemTray.isSupported()) {
        log.info("The desktop has no system tray");
        return;
      }
      SystemTray tray = SystemTray.getSystemTray();
      Dimension size = tray.getTrayIconSize();
      TrayIcon created =
          new TrayIcon(painter.paint(iconSize(size), first.unread()), first.tooltip(), menu());
      created.setImageAutoSize(false);
      // A click on X11 and macOS, a double-click on Windows; also a click on a balloon.
      created.addActionListener(e -> onFx(onOpen));
      tray.add(created);
      icon = created;
      painted = null;
      paint(first);
      onFx(
          () -> {
            available.set(true);
            refresh();
          });
    } catch (AWTException | RuntimeException e) {
      log.warn("Cannot put Parley in the system tray: {}", e.toString());
    }
  }

  private PopupMenu menu() {
    PopupMenu menu = new PopupMenu();
    MenuItem open = new MenuItem(model.label("open"));
    open.addActionListener(e -> onFx(onOpen));
    menu.add(open);
    dndMenu = new Menu(model.label("dnd"));
    dndMenu.add(dndItem("dnd.oneHour", DoNotDisturb.ONE_HOUR));
    dndMenu.add(dndItem("dnd.untilTomorrow", DoNotDisturb.UNTIL_TOMORROW));
    dndMenu.addSeparator();
    dndOff = dndItem("dnd.off", DoNotDisturb.OFF);
    dndMenu.add(dndOff);
    menu.add(dndMenu);
    menu.addSeparator();
    MenuItem quit = new MenuItem(model.label("quit"));
    quit.addActionListener(e -> onFx(onQuit));
    menu.add(quit);
    return menu;
  }

  private MenuItem dndItem(String key, DoNotDisturb choice) {
    MenuItem item = new MenuItem(model.label(key));
    item.addActionListener(e -> onFx(() -> doNotDisturb(choice)));
    return item;
  }

  private void paint(TrayMenuModel.State state) {
    TrayIcon current = icon;
    if (current == null || state.equals(painted)) {
      return;
    }
    if (painted == null || painted.unread() != state.unread()) {
      current.setImage(
          painter.paint(iconSize(SystemTray.getSystemTray().getTrayIconSize()), state.unread()));
    }
    current.setToolTip(state.tooltip());
    dndMenu.setLabel(state.doNotDisturbTitle());
    dndOff.setEnabled(state.doNotDisturbOn());
    painted = state;
  }

  private static int iconSize(Dimension tray) {
    int size = Math.min(tray.width, tray.height);
    return size > 0 ? size : 24;
  }
}
