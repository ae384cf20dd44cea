package dev.parley.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;

/**
 * AtlantaFX Primer light or dark, set once as the user-agent stylesheet. The user's {@link Mode}
 * picks light, dark, or the operating system's preference (GNOME's color-scheme, macOS'
 * AppleInterfaceStyle, Windows' AppsUseLightTheme); {@code -Dparley.theme=light|dark} overrides.
 */
public final class Theme {
  /** What the user chose in the settings. */
  public enum Mode {
    LIGHT,
    DARK,
    /** The operating system's preference, read when the mode is chosen. */
    SYSTEM
  }

  private boolean dark;

  public Theme(boolean dark) {
    this.dark = dark;
  }

  /** The theme to start with: {@code parley.theme}, else the system's preference, else light. */
  public static Theme initial() {
    return initial(Mode.SYSTEM);
  }

  /** The theme to start with: {@code parley.theme}, else {@code mode}. */
  public static Theme initial(Mode mode) {
    String forced = System.getProperty("parley.theme", "").toLowerCase(Locale.ROOT);
    if (forced.equals("dark") || forced.equals("light")) {
      return new Theme(forced.equals("dark"));
    }
    return new Theme(resolve(mode));
  }

  public boolean dark() {
    return dark;
  }

  /** Switches to {@code mode} and applies it if that changes light or dark. */
  public void setMode(Mode mode) {
    boolean next = resolve(mode);
    if (next != dark) {
      dark = next;
      apply();
    }
  }

  private static boolean resolve(Mode mode) {
    return switch (mode) {
      case LIGHT -> false;
      case DARK -> true;
      case SYSTEM -> systemPrefersDark();
    };
  }

  public void apply() {
    Application.setUserAgentStylesheet(
        dark
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
  }

  public void toggle() {
    dark = !dark;
    apply();
  }

  /** The app's own stylesheet (avatars, shared tokens), for every scene. */
  public static String appStylesheet() {
    return Theme.class.getResource("app.css").toExternalForm();
  }

  static boolean systemPrefersDark() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    try {
      if (os.contains("mac")) {
        return run("defaults", "read", "-g", "AppleInterfaceStyle").contains("Dark");
      }
      if (os.contains("win")) {
        return run(
                "reg",
                "query",
                "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                "/v",
                "AppsUseLightTheme")
            .contains("0x0");
      }
      return run("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")
          .contains("dark");
    } catch (Exception e) {
      return false;
    }
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    StringBuilder out = new StringBuilder();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.append(line).append('\n');
      }
    }
    if (!p.waitFor(2, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    return out.toString();
  }
}
