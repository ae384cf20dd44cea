package dev.parley.app.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Properties;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The notification settings, kept in {@code notifications.properties} in the config directory
 * ({@link dev.parley.app.AppPaths#config()}). One instance is shared by everything that reads or
 * changes them (the notifications, the tray's do-not-disturb menu, the settings dialog); use it on
 * the UI thread only. A missing or damaged file reads as the defaults.
 */
public final class NotificationSettingsStore {
  static final String FILE = "notifications.properties";

  private final Path file;
  private final ReadOnlyObjectWrapper<NotificationSettings> settings;

  public NotificationSettingsStore(Path configDir) {
    this.file = configDir.resolve(FILE);
    this.settings = new ReadOnlyObjectWrapper<>(this, "settings", read(file));
  }

  public NotificationSettings get() {
    return settings.get();
  }

  /** The current settings; changes when {@link #update} saves new ones. */
  public ReadOnlyObjectProperty<NotificationSettings> settingsProperty() {
    return settings.getReadOnlyProperty();
  }

  /** Changes the settings and saves them; a failed save keeps the change for this run. */
  public void update(UnaryOperator<NotificationSettings> change) {
    NotificationSettings next = change.apply(settings.get());
    settings.set(next);
    write(file, next);
  }

  static NotificationSettings read(Path file) {
    NotificationSettings d = NotificationSettings.defaults();
    if (!Files.isRegularFile(file)) {
      return d;
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException | IllegalArgumentException e) {
      return d;
    }
    boolean enabled = bool(p.getProperty("enabled"), d.enabled());
    boolean sound = bool(p.getProperty("sound"), d.sound());
    NotificationPrivacy privacy = d.privacy();
    try {
      privacy = NotificationPrivacy.valueOf(p.getProperty("privacy", privacy.name()));
    } catch (IllegalArgumentException e) {
      // keep the default
    }
    Instant dnd = null;
    try {
      String until = p.getProperty("doNotDisturbUntil", "");
      dnd = until.isBlank() ? null : Instant.parse(until.trim());
    } catch (RuntimeException e) {
      // keep it off
    }
    return new NotificationSettings(enabled, privacy, sound, dnd);
  }

  private static boolean bool(String value, boolean fallback) {
    return value == null ? fallback : Boolean.parseBoolean(value.trim());
  }

  private static void write(Path file, NotificationSettings s) {
    Properties p = new Properties();
    p.setProperty("enabled", Boolean.toString(s.enabled()));
    p.setProperty("privacy", s.privacy().name());
    p.setProperty("sound", Boolean.toString(s.sound()));
    p.setProperty(
        "doNotDisturbUntil", s.doNotDisturbUntil() == null ? "" : s.doNotDisturbUntil().toString());
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(FILE + ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        p.store(out, "Parley's notification settings");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // Not fatal: the settings hold for this run and the next start uses the old file.
    }
  }
}
