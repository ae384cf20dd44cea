package dev.parley.app.tray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.DesktopTools;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real app in its own JVM on an X server of the test's own ({@code Xvfb}) with a real system
 * tray host ({@code trayer}): JavaFX and AWT's tray share the process as they do for users. With
 * "start minimised" and "close to tray" the window stays hidden while the icon sits in the tray; a
 * click on the icon brings the window.
 *
 * <p>Without the tools the test is skipped, except under {@code CI=true}, where it fails: CI must
 * install them (Debian: {@code xvfb trayer x11-utils xdotool}).
 */
class TrayEndToEndTest {
  private static final Duration START = Duration.ofSeconds(90);
  private static final List<String> TOOLS = List.of("Xvfb", "trayer", "xwininfo", "xdotool");
  private static final String WINDOW_CLASS = "dev.parley.app.ParleyApp";
  private static final Pattern ICON =
      Pattern.compile(
          "\"JavaEmbeddedFrame\".*?(\\d+)x(\\d+)[+-]\\d+[+-]\\d+\\s+\\+(\\d+)\\+(\\d+)");

  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();
  private String display;

  @AfterEach
  void stop() throws InterruptedException {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void startsHiddenInTheTrayAndAClickOnTheIconBringsTheWindow() throws Exception {
    DesktopTools.require(TOOLS, "The tray test", "xvfb trayer x11-utils xdotool");
    Process x =
        start(
            new ProcessBuilder(
                "Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"),
            "xvfb");
    display = ":" + firstLine(x).trim();
    start(
        new ProcessBuilder(
            "trayer",
            "--edge",
            "top",
            "--align",
            "right",
            "--widthtype",
            "pixel",
            "--width",
            "200",
            "--height",
            "28"),
        "trayer");
    await(() -> tree().contains("\"trayer\")"), "the tray host", Duration.ofSeconds(15));

    Path home = dir.resolve("home");
    Files.createDirectories(home.resolve("config"));
    Files.writeString(
        home.resolve("config/settings.properties"), "startMinimised=true\ncloseToTray=true\n");
    start(
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Djdk.gtk.version=3",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.parley.Main",
            "--demo",
            "--home",
            home.toString()),
        "app");

    await(() -> ICON.matcher(tree()).find(), "Parley's icon in the tray", START);
    // The window was shown (minimised) before the tray started: by now it would be on screen.
    await(() -> visibleWindowsOfTheApp().isEmpty(), "the window to go to the tray", START);

    Matcher icon = ICON.matcher(tree());
    assertThat(icon.find()).isTrue();
    int cx = Integer.parseInt(icon.group(3)) + Integer.parseInt(icon.group(1)) / 2;
    int cy = Integer.parseInt(icon.group(4)) + Integer.parseInt(icon.group(2)) / 2;
    run("xdotool", "mousemove", String.valueOf(cx), String.valueOf(cy), "click", "1");

    await(() -> !visibleWindowsOfTheApp().isEmpty(), "the window after a click", START);
    String id = visibleWindowsOfTheApp().get(0);
    assertThat(run("xwininfo", "-id", id)).contains("IsViewable").contains("Parley");
  }

  private List<String> visibleWindowsOfTheApp() {
    try {
      return run("xdotool", "search", "--onlyvisible", "--class", WINDOW_CLASS)
          .lines()
          .filter(l -> !l.isBlank())
          .toList();
    } catch (IOException | InterruptedException e) {
      return List.of();
    }
  }

  private String tree() {
    try {
      return run("xwininfo", "-root", "-tree");
    } catch (IOException | InterruptedException e) {
      return "";
    }
  }

  private String run(String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("DISPLAY", display);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  private Process start(ProcessBuilder pb, String logName) throws IOException {
    if (display != null) {
      pb.environment().put("DISPLAY", display);
    }
    // Never the developer's own session bus: notifications fall back to the tray's balloons.
    pb.environment().put("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + dir.resolve("no-bus"));
    pb.redirectError(dir.resolve(logName + ".log").toFile());
    if (!logName.equals("xvfb")) {
      pb.redirectOutput(dir.resolve(logName + ".out").toFile());
    }
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  private static String firstLine(Process p) throws Exception {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = in.readLine();
    if (line == null) {
      throw new IOException("Xvfb printed no display number (exit " + p.waitFor() + ")");
    }
    return line;
  }

  private void await(BooleanSupplier condition, String what, Duration limit)
      throws InterruptedException, IOException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        Path log = dir.resolve("app.log");
        String appLog = Files.exists(log) ? Files.readString(log) : "(no app log)";
        throw new AssertionError(
            "timed out waiting for "
                + what
                + "\n--- windows ---\n"
                + tree()
                + "\n--- app ---\n"
                + appLog.substring(Math.max(0, appLog.length() - 4000)));
      }
      Thread.sleep(100);
    }
  }
}
