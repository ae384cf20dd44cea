package dev.parley.app.settings;

import dev.parley.app.Theme;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app settings, kept in {@code settings.properties} in the config directory ({@link
 * dev.parley.app.AppPaths#config()}). One instance is shared by everything that reads or changes
 * them; use it on the UI thread only. A missing or damaged file, or a damaged value, reads as the
 * defaults; saving writes a temporary file and moves it over the old one, so a crash never leaves
 * half a file.
 */
public final class AppSettingsStore {
  static final String FILE = "settings.properties";
  private static final Logger LOG = LoggerFactory.getLogger(AppSettingsStore.class);

  private final Path file;
  private final ReadOnlyObjectWrapper<AppSettings> settings;
  private final AppSettings.Language languageAtStart;

  public AppSettingsStore(Path configDir) {
    this.file = configDir.resolve(FILE);
    this.settings = new ReadOnlyObjectWrapper<>(this, "settings", read(file));
    this.languageAtStart = settings.get().language();
  }

  /** The language read at start, which this run speaks; a change applies on the next start. */
  public AppSettings.Language languageAtStart() {
    return languageAtStart;
  }

  public AppSettings get() {
    return settings.get();
  }

  /** The current settings; changes when {@link #update} saves new ones. */
  public ReadOnlyObjectProperty<AppSettings> settingsProperty() {
    return settings.getReadOnlyProperty();
  }

  /** Changes the settings and saves them; a failed save keeps the change for this run. */
  public void update(UnaryOperator<AppSettings> change) {
    AppSettings next = change.apply(settings.get());
    if (next.equals(settings.get())) {
      return;
    }
    settings.set(next);
    write(file, next);
  }

  static AppSettings read(Path file) {
    AppSettings d = AppSettings.defaults();
    if (!Files.isRegularFile(file)) {
      return d;
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("{} is damaged, using the default settings: {}", file, e.toString());
      return d;
    }
    return new AppSettings(
        value(p, "theme", d.theme(), Theme.Mode::valueOf),
        value(p, "fontScale", d.fontScale(), Integer::parseInt),
        value(p, "sendKey", d.sendKey(), AppSettings.SendKey::valueOf),
        value(p, "closeToTray", d.closeToTray(), AppSettingsStore::bool),
        value(p, "startMinimised", d.startMinimised(), AppSettingsStore::bool),
        value(p, "language", d.language(), AppSettings.Language::valueOf));
  }

  private static <T> T value(Properties p, String key, T fallback, Function<String, T> parse) {
    String raw = p.getProperty(key);
    if (raw == null) {
      return fallback;
    }
    try {
      return parse.apply(raw.trim());
    } catch (RuntimeException e) {
      return fallback;
    }
  }

  private static boolean bool(String value) {
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException(value);
  }

  private static void write(Path file, AppSettings s) {
    Properties p = new Properties();
    p.setProperty("theme", s.theme().name());
    p.setProperty("fontScale", Integer.toString(s.fontScale()));
    p.setProperty("sendKey", s.sendKey().name());
    p.setProperty("closeToTray", Boolean.toString(s.closeToTray()));
    p.setProperty("startMinimised", Boolean.toString(s.startMinimised()));
    p.setProperty("language", s.language().name());
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(FILE + ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        p.store(out, "Parley's settings");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // Not fatal: the settings hold for this run and the next start uses the old file.
      LOG.warn("could not save the settings: {}", e.toString());
    }
  }
}
