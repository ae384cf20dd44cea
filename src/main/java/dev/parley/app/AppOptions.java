package dev.parley.app;

import java.nio.file.Path;
import java.util.List;

/**
 * The app's command line.
 *
 * @param demo open the demo world on an embedded server
 * @param home one directory for data, settings and cache, or null for the per-user directories
 * @param recordStartUp sign in, open the first conversation, then quit: the installer runs the app
 *     once this way under {@code -XX:DumpLoadedClassList} to learn which classes start-up loads
 *     (installer/Package.java)
 */
public record AppOptions(boolean demo, Path home, boolean recordStartUp) {

  /**
   * @throws IllegalArgumentException for an unknown option
   */
  public static AppOptions parse(List<String> args) {
    boolean demo = false;
    boolean recordStartUp = false;
    Path home =
        System.getProperty("parley.home") != null
            ? Path.of(System.getProperty("parley.home"))
            : null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--demo" -> demo = true;
        case "--record-start-up" -> recordStartUp = true;
        case "--home" -> {
          if (i + 1 >= args.size()) {
            throw new IllegalArgumentException("--home needs a directory");
          }
          home = Path.of(args.get(++i));
        }
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    return new AppOptions(demo, home, recordStartUp);
  }

  public AppPaths paths() {
    return (home != null ? AppPaths.under(home) : AppPaths.forUser()).create();
  }
}
