package dev.parley.app;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-visible strings. Each feature package keeps its own {@code messages.properties} (English)
 * beside its classes in {@code src/main/resources}; {@code I18n.of(MyView.class)} reads it.
 */
public final class I18n {
  private final ResourceBundle bundle;

  private I18n(ResourceBundle bundle) {
    this.bundle = bundle;
  }

  /** The bundle {@code <package of type>/messages} for the default locale. */
  public static I18n of(Class<?> type) {
    return of(type, Locale.getDefault());
  }

  public static I18n of(Class<?> type, Locale locale) {
    String base = type.getPackageName() + ".messages";
    return new I18n(ResourceBundle.getBundle(base, locale, type.getModule()));
  }

  /** The string for {@code key}, with {@code {0}}-style arguments filled in. */
  public String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return "!" + key + "!";
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
  }
}
