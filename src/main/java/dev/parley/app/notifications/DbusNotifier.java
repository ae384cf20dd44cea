package dev.parley.app.notifications;

import dev.parley.app.I18n;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Desktop notifications on Linux (and other free desktops): {@code
 * org.freedesktop.Notifications.Notify} over the session bus. A newer notification of a
 * conversation replaces the one shown ({@code replaces_id}); clicking it ({@code ActionInvoked}
 * "default") tells the {@link #onActivated} listeners.
 *
 * <p>Everything that touches D-Bus runs on one thread of its own, in order, so the caller never
 * waits for the bus. When there is no bus or no notification daemon, the notifier becomes {@link
 * #available() unavailable} and hands every notification to its fallback instead.
 */
public final class DbusNotifier implements DesktopNotifier {
  private static final Logger log = LoggerFactory.getLogger(DbusNotifier.class);
  private static final UInt32 NEW = new UInt32(0);
  private static final int CONNECT_TIMEOUT_MS = 2000;

  private final DesktopNotifier fallback;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "parley-dbus-notifications");
            t.setDaemon(true);
            return t;
          });
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Boolean> ready = new CompletableFuture<>();
  private final String appName;
  private final String openLabel;
  private volatile boolean available = true;

  // Only on the worker thread:
  private DBusConnection connection;
  private FreedesktopNotifications daemon;
  private boolean bodyMarkup;
  private final Map<String, UInt32> idByConversation = new HashMap<>();
  private final Map<UInt32, String> conversationById = new HashMap<>();
  private final Map<Integer, Path> iconFiles = new LinkedHashMap<>();
  private Path iconDir;

  private DbusNotifier(DesktopNotifier fallback) {
    this.fallback = fallback == null ? DesktopNotifier.none() : fallback;
    I18n text = I18n.of(DbusNotifier.class);
    this.appName = text.get("appName");
    this.openLabel = text.get("open");
  }

  /**
   * Starts connecting to the session bus ({@code DBUS_SESSION_BUS_ADDRESS}) in the background.
   *
   * @param fallback shows notifications when D-Bus cannot; may be null for none
   */
  public static DbusNotifier connect(DesktopNotifier fallback) {
    return connect(null, fallback);
  }

  /** Starts connecting to the bus at {@code busAddress} (null: the session bus). */
  public static DbusNotifier connect(String busAddress, DesktopNotifier fallback) {
    DbusNotifier notifier = new DbusNotifier(fallback);
    notifier.worker.execute(() -> notifier.open(busAddress));
    return notifier;
  }

  /**
   * Completes with true once connected to a bus with a notification daemon on it, false when that
   * failed (then notifications go to the fallback).
   */
  public CompletableFuture<Boolean> ready() {
    return ready;
  }

  /** False once connecting failed or the connection was lost. */
  public boolean available() {
    return available;
  }

  @Override
  public void show(Notification notification) {
    run(
        () -> {
          if (!available) {
            fallback.show(notification);
            return;
          }
          try {
            notify(notification);
          } catch (DBusException | IOException | RuntimeException e) {
            log.warn("D-Bus notification failed: {}", e.toString());
            if (connection == null || !connection.isConnected()) {
              unavailable(e);
            }
            fallback.show(notification);
          }
        });
  }

  @Override
  public void close(String conversationId) {
    run(
        () -> {
          if (!available) {
            fallback.close(conversationId);
            return;
          }
          UInt32 id = idByConversation.remove(conversationId);
          if (id != null) {
            conversationById.remove(id);
            try {
              daemon.closeNotification(id);
            } catch (DBusExecutionException e) {
              log.debug("CloseNotification failed: {}", e.toString());
            }
          }
        });
  }

  @Override
  public void onActivated(Consumer<String> listener) {
    listeners.add(listener);
    fallback.onActivated(listener);
  }

  @Override
  public void close() {
    run(
        () -> {
          if (connection != null) {
            connection.disconnect();
          }
          iconFiles.values().forEach(DbusNotifier::deleteQuietly);
          if (iconDir != null) {
            deleteQuietly(iconDir);
          }
          fallback.close();
        });
    worker.shutdown();
  }

  // ---- on the worker thread ----

  private void open(String busAddress) {
    try {
      DBusConnectionBuilder builder =
          busAddress == null
              ? DBusConnectionBuilder.forSessionBus()
              : DBusConnectionBuilder.forAddress(busAddress);
      connection =
          builder
              .withShared(false)
              .transportConfig()
              .withTimeout(CONNECT_TIMEOUT_MS)
              .back()
              .build();
      daemon =
          connection.getRemoteObject(
              FreedesktopNotifications.NAME,
              FreedesktopNotifications.PATH,
              FreedesktopNotifications.class);
      List<String> capabilities = daemon.capabilities();
      bodyMarkup = capabilities.contains("body-markup");
      connection.addSigHandler(
          FreedesktopNotifications.ActionInvoked.class,
          s -> run(() -> invoked(s.id(), s.actionKey())));
      connection.addSigHandler(
          FreedesktopNotifications.NotificationClosed.class, s -> run(() -> closed(s.id())));
      log.debug("D-Bus notifications ready: {}", capabilities);
      ready.complete(true);
    } catch (DBusException | RuntimeException | LinkageError e) {
      // LinkageError: a runtime image without the transport's modules (jdk.net).
      unavailable(e);
    }
  }

  private void unavailable(Throwable cause) {
    if (available) {
      log.info("Desktop notifications over D-Bus unavailable ({}); using the fallback", cause);
    }
    available = false;
    idByConversation.clear();
    conversationById.clear();
    if (connection != null) {
      connection.disconnect();
    }
    ready.complete(false);
  }

  private void notify(Notification n) throws DBusException, IOException {
    Map<String, Variant<?>> hints = new HashMap<>();
    hints.put("category", new Variant<>("im.received"));
    hints.put("urgency", new Variant<>((byte) 1));
    if (n.sound()) {
      hints.put("sound-name", new Variant<>("message-new-instant"));
    } else {
      hints.put("suppress-sound", new Variant<>(Boolean.TRUE));
    }
    String icon = "";
    if (n.icon() != null) {
      Path file = iconFile(n.icon());
      if (file != null) {
        icon = file.toUri().toString();
        hints.put("image-path", new Variant<>(icon));
      }
    }
    UInt32 replaces = idByConversation.getOrDefault(n.conversationId(), NEW);
    String body = bodyMarkup ? escapeMarkup(n.body()) : n.body();
    UInt32 id =
        daemon.show(
            appName, replaces, icon, n.summary(), body, List.of("default", openLabel), hints, -1);
    UInt32 previous = idByConversation.put(n.conversationId(), id);
    if (previous != null && !previous.equals(id)) {
      conversationById.remove(previous);
    }
    conversationById.put(id, n.conversationId());
  }

  private void invoked(UInt32 id, String actionKey) {
    String conversationId = conversationById.get(id);
    if (conversationId != null && "default".equals(actionKey)) {
      listeners.forEach(l -> l.accept(conversationId));
    }
  }

  private void closed(UInt32 id) {
    String conversationId = conversationById.remove(id);
    if (conversationId != null) {
      idByConversation.remove(conversationId, id);
    }
  }

  /** The avatar as a PNG file the daemon can read (one per distinct image), or null. */
  private Path iconFile(byte[] image) throws IOException {
    int key = Arrays.hashCode(image);
    Path file = iconFiles.get(key);
    if (file != null && Files.isRegularFile(file)) {
      return file;
    }
    if (iconDir == null) {
      iconDir = Files.createTempDirectory("parley-notifications");
      iconDir.toFile().deleteOnExit();
    }
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
    if (decoded == null) {
      return null;
    }
    file = iconDir.resolve(Integer.toHexString(key) + ".png");
    ImageIO.write(decoded, "png", file.toFile());
    file.toFile().deleteOnExit();
    iconFiles.put(key, file);
    return file;
  }

  /** The body for a daemon that reads markup: {@code & < >} as entities. */
  static String escapeMarkup(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private void run(Runnable task) {
    try {
      worker.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              log.warn("Notification task failed", e);
            }
          });
    } catch (RejectedExecutionException e) {
      // closed
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // a temp file; the OS cleans up
    }
  }
}
