package dev.parley.app.notifications;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.DBus;

/**
 * A desktop of its own for a test: an X server ({@code Xvfb}), a session bus ({@code dbus-daemon}),
 * a real notification daemon on both ({@code dunst}) and a {@code dbus-monitor} recording every
 * {@code Notify} call. Nothing of the developer's own desktop is touched.
 *
 * <p>Without the tools the test is skipped, except under {@code CI=true}, where it fails: CI must
 * install them (Debian: {@code dbus-x11 dunst libnotify-bin xvfb}).
 */
final class PrivateDesktop implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(15);
  static final List<String> TOOLS =
      List.of("Xvfb", "dbus-daemon", "dbus-monitor", "dunst", "dunstctl");
  static final String PACKAGES = "dbus-x11 dunst libnotify-bin xvfb";

  /** One {@code Notify} call as dbus-monitor printed it. */
  record NotifyCall(
      String appName, long replacesId, String appIcon, String summary, String body, String raw) {}

  private final Path dir;
  private final List<Process> processes = new ArrayList<>();
  private final List<String> monitorLines = new ArrayList<>();
  private String display;
  private String busAddress;

  private PrivateDesktop(Path dir) {
    this.dir = dir;
  }

  /** Skips (or fails under CI) unless every tool is installed. */
  static void assumeToolsInstalled() {
    DesktopTools.require(TOOLS, "D-Bus notification test", PACKAGES);
  }

  static PrivateDesktop start(Path dir) throws Exception {
    PrivateDesktop desktop = new PrivateDesktop(Files.createDirectories(dir));
    try {
      desktop.startAll();
      return desktop;
    } catch (Exception | Error e) {
      desktop.close();
      throw e;
    }
  }

  private void startAll() throws Exception {
    // The X server picks a free display and writes its number to stdout (-displayfd 1).
    Process x =
        start(
            new ProcessBuilder(
                "Xvfb", "-displayfd", "1", "-screen", "0", "1024x768x24", "-nolisten", "tcp"),
            "xvfb");
    display = ":" + firstLine(x, "Xvfb's display number").trim();
    Process bus =
        start(
            new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1"),
            "dbus-daemon");
    busAddress = firstLine(bus, "the bus address").trim();
    Path config = Files.createDirectories(dir.resolve("xdg-config"));
    start(
        new ProcessBuilder("dunst", "-verbosity", "info")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD),
        "dunst");
    try (DBusConnection c =
        DBusConnectionBuilder.forAddress(busAddress).withShared(false).build()) {
      DBus bus2 = c.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
      await(() -> bus2.NameHasOwner(FreedesktopNotifications.NAME), "dunst on the bus");
    }
    Process monitor =
        start(
            new ProcessBuilder(
                "dbus-monitor",
                "--address",
                busAddress,
                "interface='org.freedesktop.Notifications',member='Notify'"),
            null);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  synchronized (monitorLines) {
                    monitorLines.add(line);
                  }
                }
              } catch (IOException e) {
                // monitor stopped
              }
            },
            "dbus-monitor-reader");
    reader.setDaemon(true);
    reader.start();
    // dbus-monitor is listening once it prints that it lost its own name on becoming a monitor.
    await(() -> monitorText().contains("member=NameLost"), "dbus-monitor ready");
  }

  /**
   * Starts a second session bus with no notification daemon and nothing to start one, and answers
   * its address; it stops with this desktop.
   */
  String startBareBus() throws Exception {
    Path config = dir.resolve("bare-bus.conf");
    Files.writeString(
        config,
        """
        <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
         "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
        <busconfig>
          <type>session</type>
          <listen>unix:tmpdir=%s</listen>
          <auth>EXTERNAL</auth>
          <policy context="default">
            <allow send_destination="*" eavesdrop="true"/>
            <allow eavesdrop="true"/>
            <allow own="*"/>
          </policy>
        </busconfig>
        """
            .formatted(dir));
    Process bus =
        start(
            new ProcessBuilder(
                "dbus-daemon", "--config-file=" + config, "--nofork", "--print-address=1"),
            "bare-bus");
    return firstLine(bus, "the bare bus's address").trim();
  }

  String busAddress() {
    return busAddress;
  }

  String display() {
    return display;
  }

  /** Every Notify call the daemon received so far, in order. */
  List<NotifyCall> notifyCalls() {
    List<NotifyCall> calls = new ArrayList<>();
    String text = monitorText();
    String[] blocks = text.split("\n(?=\\S)");
    for (String block : blocks) {
      if (!block.startsWith("method call") || !block.contains("member=Notify")) {
        continue;
      }
      List<String> args = new ArrayList<>();
      Matcher m = ARG.matcher(block);
      while (m.find() && args.size() < 5) {
        args.add(m.group(2) != null ? m.group(2) : m.group(3));
      }
      if (args.size() < 5) {
        continue; // dbus-monitor is still printing this call: count it once it is whole
      }
      calls.add(
          new NotifyCall(
              args.get(0),
              Long.parseLong(args.get(1)),
              args.get(2),
              args.get(3),
              args.get(4),
              block));
    }
    return calls;
  }

  /** Top-level string and uint32 arguments (three spaces deep). */
  private static final Pattern ARG =
      Pattern.compile("^   (string \"(.*)\"|uint32 (\\d+))$", Pattern.MULTILINE);

  List<NotifyCall> awaitNotifyCalls(int count) throws InterruptedException {
    await(() -> notifyCalls().size() >= count, count + " Notify calls");
    return notifyCalls();
  }

  /** Runs {@code dunstctl} on this desktop's bus and answers what it printed. */
  String dunstctl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("dunstctl"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    environment(pb);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("dunstctl " + command + " hangs");
    }
    return out.trim();
  }

  /** How many notifications dunst shows now. */
  int displayed() throws IOException, InterruptedException {
    return Integer.parseInt(dunstctl("count", "displayed"));
  }

  /** Takes a screenshot of the X server into {@code file} (needs ImageMagick's import). */
  void screenshot(Path file) throws IOException, InterruptedException {
    if (!onPath("import")) {
      return;
    }
    ProcessBuilder pb =
        new ProcessBuilder("import", "-window", "root", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    environment(pb);
    pb.start().waitFor(10, TimeUnit.SECONDS);
  }

  private String monitorText() {
    synchronized (monitorLines) {
      return String.join("\n", monitorLines);
    }
  }

  private void environment(ProcessBuilder pb) {
    Map<String, String> env = pb.environment();
    if (busAddress != null) {
      env.put("DBUS_SESSION_BUS_ADDRESS", busAddress);
    }
    if (display != null) {
      env.put("DISPLAY", display);
    }
    env.put("XDG_CONFIG_HOME", dir.resolve("xdg-config").toString());
    env.put("HOME", dir.toString());
  }

  private Process start(ProcessBuilder pb, String logName) throws IOException {
    environment(pb);
    if (logName != null) {
      pb.redirectError(dir.resolve(logName + ".log").toFile());
    }
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  private static String firstLine(Process p, String what) throws Exception {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = in.readLine();
    if (line == null) {
      throw new IOException("no " + what + " (exit " + p.waitFor() + ")");
    }
    return line;
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(25);
    }
  }

  static boolean onPath(String tool) {
    return DesktopTools.onPath(tool);
  }

  /** Stops everything, newest first. */
  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.destroy();
      try {
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
