package dev.parley.app.settings;

import dev.parley.app.Theme;
import java.util.Locale;
import java.util.Objects;

/**
 * The user's choices about the app itself (the notification settings have their own store).
 *
 * @param theme light, dark or the system's preference
 * @param fontScale the text size in percent of the theme's, {@link #MIN_FONT_SCALE} to {@link
 *     #MAX_FONT_SCALE}
 * @param sendKey which key sends in the composer
 * @param closeToTray whether closing the window leaves Parley running in the tray
 * @param startMinimised whether Parley starts with its window minimised
 * @param language the language of the next start
 */
public record AppSettings(
    Theme.Mode theme,
    int fontScale,
    SendKey sendKey,
    boolean closeToTray,
    boolean startMinimised,
    Language language) {
  public static final int MIN_FONT_SCALE = 90;
  public static final int MAX_FONT_SCALE = 150;

  /** The theme's own font size, in pixels (AtlantaFX Primer's {@code .root}). */
  public static final double BASE_FONT_SIZE = 14;

  /** Which key sends a message; the other modifier combination breaks the line. */
  public enum SendKey {
    /** Enter sends, Shift+Enter breaks the line. */
    ENTER,
    /** Ctrl+Enter (Cmd+Enter on macOS) sends, Enter breaks the line. */
    CTRL_ENTER
  }

  /** The languages Parley speaks; takes effect on the next start. */
  public enum Language {
    SYSTEM(null),
    ENGLISH("en"),
    GERMAN("de");

    private final String tag;

    Language(String tag) {
      this.tag = tag;
    }

    /**
     * The locale to run in: {@code system} for {@link #SYSTEM}, else this language in the system's
     * country, so that English in Germany still writes dates the German way.
     */
    public Locale locale(Locale system) {
      if (tag == null || tag.equals(system.getLanguage())) {
        return system;
      }
      return new Locale(tag, system.getCountry());
    }
  }

  public AppSettings {
    Objects.requireNonNull(theme, "theme");
    Objects.requireNonNull(sendKey, "sendKey");
    Objects.requireNonNull(language, "language");
    fontScale = Math.max(MIN_FONT_SCALE, Math.min(MAX_FONT_SCALE, fontScale));
  }

  /** Follow the system, 100 %, Enter sends, close to tray, start shown, the system's language. */
  public static AppSettings defaults() {
    return new AppSettings(Theme.Mode.SYSTEM, 100, SendKey.ENTER, true, false, Language.SYSTEM);
  }

  /** The font size for {@link #fontScale}, in pixels. */
  public double fontSize() {
    return BASE_FONT_SIZE * fontScale / 100.0;
  }

  public AppSettings withTheme(Theme.Mode mode) {
    return new AppSettings(mode, fontScale, sendKey, closeToTray, startMinimised, language);
  }

  public AppSettings withFontScale(int percent) {
    return new AppSettings(theme, percent, sendKey, closeToTray, startMinimised, language);
  }

  public AppSettings withSendKey(SendKey key) {
    return new AppSettings(theme, fontScale, key, closeToTray, startMinimised, language);
  }

  public AppSettings withCloseToTray(boolean on) {
    return new AppSettings(theme, fontScale, sendKey, on, startMinimised, language);
  }

  public AppSettings withStartMinimised(boolean on) {
    return new AppSettings(theme, fontScale, sendKey, closeToTray, on, language);
  }

  public AppSettings withLanguage(Language lang) {
    return new AppSettings(theme, fontScale, sendKey, closeToTray, startMinimised, lang);
  }
}
