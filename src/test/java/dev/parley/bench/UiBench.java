package dev.parley.bench;

import dev.parley.app.e2e.LibraryUser;
import dev.parley.app.e2e.TestAccounts;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import dev.parley.server.storage.Account;
import dev.parley.server.testing.ServerFixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The desktop app, headless (Monocle, software rendering), against a local server with a large
 * account. Prints {@code name: value unit} lines:
 *
 * <ul>
 *   <li>{@code empty_stage_painted}: JVM start to the first pulse after an empty stage is shown (a
 *       child JVM) — the floor;
 *   <li>{@code list_painted_first_start}: JVM start to the first pulse after the conversation list
 *       shows its rows, on the first start (another child JVM running the app, signing in silently
 *       with a cached token; the list comes from the server), and its ratio to the floor;
 *   <li>{@code list_painted}: the same on the next start, which paints the list saved at the first
 *       (every later start is like this one), and its ratio to the floor (goal ≤ 1.5); {@code
 *       connected_after_list_painted}: how much later signing in finished;
 *   <li>{@code open_conversation}: selecting the conversation of {@code --big} messages, all
 *       unread, to the pulse that paints it, the first conversation opened in that run, once the
 *       window has settled after connecting ({@code settled_after_connected}: no pulse for 500 ms),
 *       as a person clicks (goal ≤ 100 ms); {@code open_at_connect_first_start}: opening another
 *       one on the first start the moment it connects, while starting's work still runs;
 *   <li>{@code scroll_frame_p50/p99}: the work of each frame (scroll step, CSS, layout, render)
 *       while scrolling it top to bottom after loading all of it (goal p99 ≤ 16.7 ms);
 *   <li>{@code heap_used}, {@code rss}: after opening {@code --conversations} conversations of
 *       {@code --messages} messages each (goal RSS ≤ 300 MB);
 *   <li>{@code idle_cpu_hidden}: CPU used over 10 s with the window hidden, 5 s after the work
 *       above (goal ≈ 0); the threads that used any are listed on stderr.
 * </ul>
 *
 * <p>Seeding goes through the server's RPCs and takes minutes the first time; the seeded data is
 * kept under {@code --cache} (default {@code /tmp/parley-uibench}) and reused.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.parley.bench.UiBench -Dexec.args="--quick"
 * options: --big 10000 --conversations 50 --messages 2000 --quick (2000, 10, 200) --cache DIR
 *     --no-archive (without the class-data archive the Linux packages start with)
 * </pre>
 */
public final class UiBench {
  private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

  record Options(int big, int conversations, int messages, Path cache, boolean archive) {
    static Options parse(String[] args) {
      int big = 10_000;
      int conversations = 50;
      int messages = 2_000;
      Path cache = Path.of("/tmp/parley-uibench");
      boolean archive = true;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--quick" -> {
            big = 2_000;
            conversations = 10;
            messages = 200;
          }
          case "--big" -> big = Integer.parseInt(args[++i]);
          case "--conversations" -> conversations = Integer.parseInt(args[++i]);
          case "--messages" -> messages = Integer.parseInt(args[++i]);
          case "--cache" -> cache = Path.of(args[++i]);
          case "--no-archive" -> archive = false;
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return new Options(big, conversations, messages, cache, archive);
    }
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    Path dir =
        o.cache()
            .resolve(
                String.format(Locale.ROOT, "%d-%d-%d", o.big(), o.conversations(), o.messages()));
    boolean seeded = Files.exists(dir.resolve("seeded"));
    ParleyServer server =
        ParleyServer.start(
            ServerConfig.defaults(dir.resolve("server"))
                .withPort(0)
                .withPasswordParams(ServerFixture.CHEAP_HASHING));
    try {
      if (!seeded) {
        seed(server, dir, o);
      }
      Path home = dir.resolve("home-" + System.nanoTime());
      prepareHome(server.url(), home);
      Launch launch = Launch.asShipped(o.archive(), dir.resolve("archive"));
      double floor = childMillis(launch, EmptyStageProbe.class, List.of(), "empty_stage_painted");
      print("empty_stage_painted", floor, "ms");
      List<String> probe =
          List.of(
              "--home",
              home.toString(),
              "--big",
              "Big conversation",
              "--others",
              Integer.toString(o.conversations()));
      List<String> firstStart = new ArrayList<>(probe);
      firstStart.add("--first-start");
      double first = Double.NaN;
      for (String line : child(launch, AppProbe.class, firstStart)) {
        OUT.println(line);
        first = valueOf(line, "list_painted_first_start:", first);
      }
      print("list_painted_first_start_over_floor", first / floor, "x");
      double list = Double.NaN;
      for (String line : child(launch, AppProbe.class, probe)) {
        OUT.println(line);
        list = valueOf(line, "list_painted:", list);
      }
      print("list_painted_over_floor", list / floor, "x");
    } finally {
      server.close();
    }
  }

  private static double valueOf(String line, String name, double otherwise) {
    return line.startsWith(name) ? Double.parseDouble(line.split("\\s+")[1]) : otherwise;
  }

  private static void seed(ParleyServer server, Path dir, Options o) throws Exception {
    long start = System.nanoTime();
    Account me =
        server
            .accounts()
            .create("me@bench.local", "Sam Taylor", ServerFixture.PASSWORD.toCharArray(), false);
    server
        .accounts()
        .create("other@bench.local", "Alex Other", ServerFixture.PASSWORD.toCharArray(), false);
    try (LibraryUser other =
        new LibraryUser(server.url(), "other@bench.local", dir.resolve("tokens"))) {
      String big = other.group("Big conversation", List.of(me.id()));
      List<String> groups = new ArrayList<>();
      for (int i = 0; i < o.conversations(); i++) {
        groups.add(other.group("Conversation " + (i + 1), List.of(me.id())));
      }
      List<CompletableFuture<?>> all = new ArrayList<>();
      all.add(other.sendManyAsync(big, o.big(), "big message "));
      for (String g : groups) {
        all.add(other.sendManyAsync(g, o.messages(), "message "));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(2, TimeUnit.HOURS);
    }
    Files.writeString(dir.resolve("seeded"), "ok");
    System.err.printf(Locale.ROOT, "seeded in %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  /** A home directory whose saved account signs in silently with a cached refresh token. */
  private static void prepareHome(String url, Path home) throws Exception {
    TestAccounts.signedInEarlier(url, "me@bench.local", home);
  }

  /**
   * How the children start: the shipped JVM options and this JVM's class path, or (as the Linux
   * packages start) with the class-data archive of the start-up and the class path as jars.
   */
  record Launch(List<String> jvmOptions, String classPath) {
    static Launch asShipped(boolean archive, Path dir) throws Exception {
      List<String> options = shippedJvmOptions();
      if (!archive) {
        return new Launch(options, String.join(java.io.File.pathSeparator, UiBench.classPath()));
      }
      StartUpArchive made = StartUpArchive.make(UiBench.classPath(), options, dir);
      List<String> with = new ArrayList<>(options);
      with.add("-XX:SharedArchiveFile=" + made.archive());
      return new Launch(with, made.classPath());
    }
  }

  private static double childMillis(Launch launch, Class<?> main, List<String> args, String name)
      throws Exception {
    for (String line : child(launch, main, args)) {
      if (line.startsWith(name + ":")) {
        return Double.parseDouble(line.split("\\s+")[1]);
      }
    }
    throw new IllegalStateException(main.getSimpleName() + " printed no " + name);
  }

  /** The options the installed app starts with (installer/jvm-options.txt), so we measure those. */
  static List<String> shippedJvmOptions() throws IOException {
    return Files.readAllLines(Path.of("installer", "jvm-options.txt")).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  /** Runs {@code main} in a fresh JVM on this class path, headless; returns its stdout lines. */
  static List<String> child(Launch launch, Class<?> main, List<String> args) throws Exception {
    List<String> command = new ArrayList<>(javaCommand(launch.jvmOptions()));
    command.add("-cp");
    command.add(launch.classPath());
    command.add(main.getName());
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(line);
      }
    }
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(main.getSimpleName() + " failed: " + lines);
    }
    return lines;
  }

  /** {@code java} with these options, headless (Monocle, software rendering). */
  static List<String> javaCommand(List<String> jvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    // e.g. -Duibench.childOptions=-XX:NativeMemoryTracking=summary to look inside with jcmd
    String extra = System.getProperty("uibench.childOptions", "").strip();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.add("-Dglass.platform=Monocle");
    command.add("-Dmonocle.platform=Headless");
    command.add("-Dprism.order=sw");
    command.add("-Djava.awt.headless=true");
    return command;
  }

  /** This JVM's class path; under {@code exec:java} the project's, from its class loader. */
  private static List<String> classPath() throws Exception {
    ClassLoader loader = UiBench.class.getClassLoader();
    if (loader instanceof java.net.URLClassLoader urls) {
      List<String> entries = new ArrayList<>();
      for (java.net.URL url : urls.getURLs()) {
        entries.add(Path.of(url.toURI()).toString());
      }
      return entries;
    }
    return List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator));
  }

  static void print(String name, double value, String unit) {
    OUT.printf(Locale.ROOT, "%s: %.1f %s%n", name, value, unit);
  }
}
