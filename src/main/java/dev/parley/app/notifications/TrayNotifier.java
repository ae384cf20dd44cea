package dev.parley.app.notifications;

import java.awt.EventQueue;
import java.awt.TrayIcon;
import java.awt.event.ActionListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Notifications as the tray icon's balloon ({@link TrayIcon#displayMessage}), on Windows, and on
 * macOS or Linux when nothing better works. Clicking the balloon opens the conversation of the
 * newest one. A balloon cannot be replaced or taken down; the next one simply follows it. While
 * there is no tray icon, notifications go to the fallback.
 */
public final class TrayNotifier implements DesktopNotifier {
  /** How long after showing a balloon a click on the icon still means "open that conversation". */
  static final Duration CLICK_WINDOW = Duration.ofSeconds(30);

  private final Supplier<TrayIcon> trayIcon;
  private final DesktopNotifier fallback;
  private final Clock clock;
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private final ActionListener clicked = e -> clicked();

  // Only on the AWT event thread:
  private TrayIcon listenedTo;
  private String lastConversationId;
  private Instant lastShownAt = Instant.MIN;

  /**
   * @param trayIcon the tray icon while there is one, else null; read on the caller's thread
   * @param fallback shows notifications while there is no tray icon
   */
  public TrayNotifier(Supplier<TrayIcon> trayIcon, DesktopNotifier fallback) {
    this(trayIcon, fallback, Clock.systemUTC());
  }

  TrayNotifier(Supplier<TrayIcon> trayIcon, DesktopNotifier fallback, Clock clock) {
    this.trayIcon = trayIcon;
    this.fallback = fallback == null ? DesktopNotifier.none() : fallback;
    this.clock = clock;
  }

  @Override
  public void show(Notification n) {
    TrayIcon icon = trayIcon.get();
    if (icon == null) {
      fallback.show(n);
      return;
    }
    EventQueue.invokeLater(
        () -> {
          if (listenedTo != icon) {
            if (listenedTo != null) {
              listenedTo.removeActionListener(clicked);
            }
            icon.addActionListener(clicked);
            listenedTo = icon;
          }
          lastConversationId = n.conversationId();
          lastShownAt = clock.instant();
          icon.displayMessage(
              n.summary(), n.body().isEmpty() ? null : n.body(), TrayIcon.MessageType.NONE);
        });
  }

  @Override
  public void close(String conversationId) {
    fallback.close(conversationId);
  }

  @Override
  public void onActivated(Consumer<String> listener) {
    listeners.add(listener);
    fallback.onActivated(listener);
  }

  @Override
  public void close() {
    fallback.close();
  }

  private void clicked() {
    String id = lastConversationId;
    if (id != null && clock.instant().isBefore(lastShownAt.plus(CLICK_WINDOW))) {
      lastConversationId = null;
      listeners.forEach(l -> l.accept(id));
    }
  }
}
