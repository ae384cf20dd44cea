package dev.parley.app;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The programs a real-desktop test runs (Xvfb, dunst, trayer...): without them the test is skipped,
 * except under {@code CI=true}, where it fails, because CI must install them.
 */
public final class DesktopTools {
  private DesktopTools() {}

  /** Skips (or fails under CI) unless every one of {@code tools} is installed. */
  public static void require(List<String> tools, String what, String debianPackages) {
    List<String> missing = tools.stream().filter(t -> !onPath(t)).toList();
    if (missing.isEmpty()) {
      return;
    }
    String why = what + " needs " + missing + " (Debian packages: " + debianPackages + ")";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(why + ": CI must install them");
    }
    assumeTrue(false, why);
  }

  public static boolean onPath(String tool) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String d : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }
}
