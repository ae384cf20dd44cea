import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Builds Parley's native packages: a jlinked runtime with only the modules Parley needs, then
 * jpackage's .deb/.rpm (Linux), .msi (Windows) or .dmg (macOS) around it.
 *
 * <p>Run by the {@code installer} Maven profile ({@code ./mvnw -Pinstaller package}) after the jar
 * and {@code lib/} are built, as a single-file Java program so one script serves every operating
 * system:
 *
 * <pre>
 * java installer/Package.java VERSION BUILD_DIR [TYPES]
 * </pre>
 *
 * VERSION is the project version (a {@code -SNAPSHOT} or other suffix is dropped: jpackage takes
 * only numbers), BUILD_DIR holds {@code parley.jar} and {@code lib/}, TYPES is a comma-separated
 * list of jpackage types ({@code default}: deb, plus rpm when rpmbuild is installed, on Linux; msi on
 * Windows; dmg on macOS; {@code app-image} builds only the application directory). Everything
 * lands in {@code BUILD_DIR/installer/}. With the environment variable PARLEY_INSTALLER_VERBOSE
 * set, jpackage tells what it does (and which resources it took from installer/OS/resources).
 *
 * <p>The per-OS jpackage options live in {@code installer/<os>/}: {@code app.args} for the
 * application, {@code package.args} for every package type, {@code <type>.args} for one (one
 * option per line, {@code #} comments, {@code ${name}} tokens),
 * jpackage's overridable resources (desktop entry, Debian control file and maintainer scripts) in
 * {@code installer/<os>/resources/} ({@code @NAME@} tokens are filled in here first).
 */
public final class Package {
  private static final Path INSTALLER = Path.of("installer");

  private final String projectVersion;
  private final Path build;
  private final Path out;
  private final String os;
  private final Map<String, String> tokens = new LinkedHashMap<>();

  private Package(String projectVersion, Path build) {
    this.projectVersion = projectVersion;
    this.build = build.toAbsolutePath().normalize();
    this.out = this.build.resolve("installer");
    this.os = currentOs();
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: java installer/Package.java VERSION BUILD_DIR [TYPES]");
      System.exit(2);
    }
    if (!Files.isDirectory(INSTALLER.resolve("linux"))) {
      fail("run from the project directory (installer/linux not found in " + Path.of("").toAbsolutePath() + ")");
    }
    Package p = new Package(args[0], Path.of(args[1]));
    List<String> types = args.length == 3 && !args[2].isBlank() && !args[2].equals("default")
        ? List.of(args[2].split(","))
        : p.defaultTypes();
    p.run(types);
  }

  private void run(List<String> types) throws IOException {
    long start = System.nanoTime();
    Path jar = build.resolve("parley.jar");
    Path lib = build.resolve("lib");
    if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
      fail(jar + " or " + lib + " is missing: run the package phase first");
    }
    deleteRecursively(out);
    Files.createDirectories(out);
    Path work = out.resolve("work");

    // 1. Split target/lib: JavaFX's platform jars are modules for jlink; the rest is the class path.
    List<Path> javafx = new ArrayList<>();
    Path input = work.resolve("input");
    Files.createDirectories(input.resolve("lib"));
    Files.copy(jar, input.resolve("parley.jar"));
    if (os.equals("linux")) {
      // ends up as /opt/parley/lib/app/parley-server.service (README: running a server)
      Files.copy(INSTALLER.resolve("parley-server.service"), input.resolve("parley-server.service"));
    }
    Pattern fx = Pattern.compile("javafx-[a-z]+-[0-9.]+(?:-([a-z0-9-]+))?\\.jar");
    try (Stream<Path> jars = Files.list(lib)) {
      for (Path j : jars.sorted().collect(Collectors.toList())) {
        Matcher m = fx.matcher(j.getFileName().toString());
        if (!m.matches()) {
          Files.copy(j, input.resolve("lib").resolve(j.getFileName()));
        } else if (m.group(1) != null) {
          if (!m.group(1).startsWith(javafxPlatformPrefix())) {
            fail(j.getFileName() + " is JavaFX for another platform than " + os
                + ": build with -Djavafx.platform=" + javafxPlatformPrefix() + " (or -aarch64)");
          }
          javafx.add(j);
        } // else: the empty javafx-*.jar that only pulls in the platform jar
      }
    }
    if (javafx.isEmpty()) {
      fail("no javafx-*-<platform>.jar in " + lib);
    }

    // 2. The runtime: the JDK modules Parley uses plus JavaFX, natives next to the JDK's own.
    Path runtime = work.resolve("runtime");
    List<String> modules = readList(INSTALLER.resolve("runtime-modules.txt"));
    List<String> jlinkArgs = new ArrayList<>(List.of(
        "--module-path", javafx.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)),
        "--add-modules", String.join(",", modules),
        "--strip-debug", "--no-header-files", "--no-man-pages",
        // The class data sharing archive of the JDK's classes, which a full JDK ships and a
        // jlinked runtime lacks: the app starts faster with it. It needs bin/java, so the
        // commands are removed afterwards instead of with --strip-native-commands.
        "--generate-cds-archive",
        "--output", runtime.toString()));
    tool("jlink", jlinkArgs);
    checkModules(runtime, jar, input.resolve("lib"), javafx);
    copyJavafxNatives(javafx, runtime.resolve(os.equals("windows") ? "bin" : "lib"));
    // 2b. Which classes start-up loads, for the class-data archive the Linux packages make when
    // installed (needs bin/java, and a display for the app).
    boolean classList = os.equals("linux") && recordStartUp(runtime, input, work);
    removeCommands(runtime.resolve("bin"), classList ? "java" : null);

    // 3. Values for the templates and the option files.
    String version = numericVersion(projectVersion);
    tokens.put("version", version);
    tokens.put("installer", INSTALLER.toAbsolutePath().toString());
    tokens.put("work", work.toString());
    tokens.put("INSTALL_DIR", "/opt/parley");
    tokens.put("WM_CLASS", os.equals("linux") ? applicationClass(input) : "");
    Path resources = work.resolve("resources");
    copyTemplates(INSTALLER.resolve(os).resolve("resources"), resources);

    // 4. One jpackage run per package type.
    for (String type : types) {
      List<String> a = new ArrayList<>(List.of(
          "--type", type,
          "--dest", out.toString(),
          "--name", "Parley",
          "--app-version", version,
          "--description", "Messenger for teams running a Parley server",
          "--vendor", "The Parley authors",
          "--copyright", "Copyright (c) 2026 The Parley authors. MIT licence.",
          "--runtime-image", runtime.toString(),
          "--input", input.toString(),
          "--main-jar", "parley.jar",
          "--main-class", "dev.parley.Main",
          "--java-options", String.join(" ", javaOptions(classList && !type.equals("app-image")))));
      if (!type.equals("app-image")) {
        a.addAll(List.of("--license-file", Path.of("LICENSE").toAbsolutePath().toString()));
      }
      if (Files.isDirectory(resources)) {
        a.addAll(List.of("--resource-dir", resources.toString()));
      }
      a.addAll(options(INSTALLER.resolve(os).resolve("app.args")));
      if (!type.equals("app-image")) {
        a.addAll(options(INSTALLER.resolve(os).resolve("package.args")));
        a.addAll(options(INSTALLER.resolve(os).resolve(type + ".args")));
      }
      if (System.getenv("PARLEY_INSTALLER_VERBOSE") != null) {
        a.add("--verbose");
      }
      long t = System.nanoTime();
      tool("jpackage", a);
      System.out.printf("installer: %s in %.0f s%n", type, (System.nanoTime() - t) / 1e9);
    }

    // jpackage names the .deb parley_VERSION-RELEASE_ARCH.deb; the download is parley_VERSION_ARCH.deb.
    try (Stream<Path> files = Files.list(out)) {
      for (Path f : files.collect(Collectors.toList())) {
        String n = f.getFileName().toString();
        Matcher m = Pattern.compile("parley_(.+)-1_([a-z0-9]+)\\.deb").matcher(n);
        if (m.matches()) {
          Files.move(f, out.resolve("parley_" + m.group(1) + "_" + m.group(2) + ".deb"),
              StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    try (Stream<Path> files = Files.list(out)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
        System.out.printf("installer: %s (%.1f MB)%n", f, Files.size(f) / 1e6);
      }
    }
    System.out.printf("installer: done in %.0f s%n", (System.nanoTime() - start) / 1e9);
  }

  private List<String> defaultTypes() {
    switch (os) {
      case "linux":
        return onPath("rpmbuild") ? List.of("deb", "rpm") : List.of("deb");
      case "windows":
        return List.of("msi");
      default:
        return List.of("dmg");
    }
  }

  /** jpackage accepts only 1 to 3 (Windows, macOS) dot-separated numbers. */
  private String numericVersion(String v) {
    Matcher m = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?.*").matcher(v);
    if (!m.matches()) {
      fail("cannot make a package version of " + v);
    }
    String major = m.group(1);
    String minor = m.group(2) == null ? "0" : m.group(2);
    String patch = m.group(3) == null ? "0" : m.group(3);
    if (os.equals("macos") && major.equals("0")) {
      // jpackage refuses a CFBundleVersion starting with 0 (an old Apple rule): 0.y.z ships as 1.y.z
      // on macOS until Parley reaches 1.0. A .dmg is dragged into Applications, so the number only
      // shows in Finder's Get Info; a .pkg would need a real scheme (1.0.0 would sort below 1.2.0).
      System.out.println("installer: macOS app version 1." + minor + "." + patch + " for " + v);
      major = "1";
    }
    return major + "." + minor + "." + patch;
  }

  /**
   * The class that extends javafx.application.Application: JavaFX names the window's WM_CLASS
   * after it, and the desktop entry's StartupWMClass must match so docks group the window with
   * its launcher. installer/smoke-test.sh checks the real window against the installed entry.
   */
  private String applicationClass(Path input) throws IOException {
    List<URL> urls = new ArrayList<>();
    urls.add(input.resolve("parley.jar").toUri().toURL());
    try (Stream<Path> jars = Files.list(build.resolve("lib"))) {
      for (Path j : jars.collect(Collectors.toList())) {
        urls.add(j.toUri().toURL());
      }
    }
    TreeSet<String> found = new TreeSet<>();
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), null);
        ZipInputStream zip = new ZipInputStream(Files.newInputStream(input.resolve("parley.jar")))) {
      Class<?> application = Class.forName("javafx.application.Application", false, loader);
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        String n = e.getName();
        if (n.startsWith("dev/parley/") && !n.startsWith("dev/parley/proto/") && n.endsWith(".class")) {
          String name = n.substring(0, n.length() - 6).replace('/', '.');
          try {
            Class<?> c = Class.forName(name, false, loader);
            if (application.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())) {
              found.add(c.getName());
            }
          } catch (LinkageError ignored) {
            // a class whose dependencies are not all here cannot be the application class
          }
        }
      }
    } catch (ClassNotFoundException e) {
      fail("javafx.application.Application not found in " + build.resolve("lib"));
    }
    if (found.size() > 1) {
      fail("more than one javafx Application in parley.jar: " + found);
    }
    if (found.isEmpty()) {
      // The desktop app is not wired in yet: nothing will open a window to match.
      System.out.println("installer: WARNING: no javafx.application.Application subclass in parley.jar;"
          + " StartupWMClass falls back to dev.parley.Main");
      return "dev.parley.Main";
    }
    System.out.println("installer: StartupWMClass=" + found.first());
    return found.first();
  }

  /**
   * Fails when the code needs a module the runtime lacks (a new dependency, say): jdeps lists the
   * modules parley.jar and its libraries use, the runtime's release file the modules it has.
   */
  private static void checkModules(Path runtime, Path jar, Path classPath, List<Path> javafx)
      throws IOException {
    List<String> cp = new ArrayList<>();
    try (Stream<Path> jars = Files.list(classPath)) {
      jars.sorted().forEach(j -> cp.add(j.toString()));
    }
    List<String> args = new ArrayList<>(List.of(
        "--print-module-deps", "--ignore-missing-deps", "--multi-release", "17",
        "--module-path", javafx.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)),
        "--class-path", String.join(java.io.File.pathSeparator, cp),
        jar.toString()));
    args.addAll(cp);
    java.io.StringWriter output = new java.io.StringWriter();
    java.io.PrintWriter writer = new java.io.PrintWriter(output);
    int rc = ToolProvider.findFirst("jdeps").orElseThrow().run(writer, writer, args.toArray(new String[0]));
    writer.flush();
    List<String> lines = output.toString().lines()
        .filter(l -> l.matches("[a-z][a-z0-9.]*(,[a-z][a-z0-9.]*)*"))
        .collect(Collectors.toList());
    if (rc != 0 || lines.isEmpty()) {
      fail("jdeps failed:\n" + output);
    }
    String release = Files.readString(runtime.resolve("release"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("(?m)^MODULES=\"([^\"]*)\"").matcher(release);
    if (!m.find()) {
      fail("no MODULES in " + runtime.resolve("release"));
    }
    List<String> present = List.of(m.group(1).split(" "));
    List<String> missing = Stream.of(lines.get(lines.size() - 1).split(","))
        .filter(module -> !present.contains(module))
        .collect(Collectors.toList());
    if (!missing.isEmpty()) {
      fail("the code uses modules the runtime lacks: add " + missing + " to installer/runtime-modules.txt");
    }
  }

  /** The runtime's programs (java, keytool...): the launcher loads the JVM itself. */
  private static void removeCommands(Path bin, String keep) throws IOException {
    try (Stream<Path> files = Files.list(bin)) {
      for (Path f : files.collect(Collectors.toList())) {
        String n = f.getFileName().toString();
        if (Files.isRegularFile(f) && (n.endsWith(".exe") || !n.contains(".")) && !n.equals(keep)) {
          Files.delete(f); // on Windows bin/ also holds the DLLs, which stay
        }
      }
    }
    try (Stream<Path> left = Files.list(bin)) {
      if (left.findAny().isEmpty()) {
        Files.delete(bin);
      }
    }
  }

  private static void copyJavafxNatives(List<Path> jars, Path dir) throws IOException {
    // JavaFX looks for its libraries next to the runtime's own (and would otherwise unpack them
    // into ~/.openjfx/cache on first start).
    for (Path jar : jars) {
      try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
          String n = e.getName();
          if (!n.contains("/") && (n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".dylib"))) {
            Files.copy(zip, dir.resolve(n), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
  }

  private void copyTemplates(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.collect(Collectors.toList())) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> t : tokens.entrySet()) {
          text = text.replace("@" + t.getKey() + "@", t.getValue());
        }
        Path target = to.resolve(f.getFileName());
        Files.writeString(target, text, StandardCharsets.UTF_8);
        target.toFile().setExecutable(f.toFile().canExecute(), false);
      }
    }
  }

  /** Options from an .args file: "--option value" per line, ${token}s filled in. */
  private List<String> options(Path file) throws IOException {
    List<String> result = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return result;
    }
    for (String line : readList(file)) {
      for (Map.Entry<String, String> t : tokens.entrySet()) {
        line = line.replace("${" + t.getKey() + "}", t.getValue());
      }
      int space = line.indexOf(' ');
      if (space < 0) {
        result.add(line);
      } else {
        result.add(line.substring(0, space));
        String value = line.substring(space + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        result.add(value);
      }
    }
    return result;
  }

  private static List<String> readList(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .map(String::trim)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .collect(Collectors.toList());
  }

  /**
   * The JVM options of installer/jvm-options.txt, plus the class-data archive for a package that
   * makes one when installed: the package's postinst dumps lib/app/parley.jsa from the recorded
   * class list (JDK 17 wants the archive made at the jars' final place), and a JVM that finds no
   * archive there starts as it would without the option.
   */
  private static List<String> javaOptions(boolean archive) throws IOException {
    List<String> options = new ArrayList<>(readList(INSTALLER.resolve("jvm-options.txt")));
    if (archive) {
      options.add("-XX:SharedArchiveFile=$APPDIR/parley.jsa");
    }
    return options;
  }

  /**
   * Runs the demo twice on the new runtime with {@code --record-start-up} (sign in, open a
   * conversation, quit), the second time under {@code -XX:DumpLoadedClassList}, leaving {@code parley.classlist} in
   * the input directory. Loading those classes from a shared archive instead of the jars takes
   * about a third off the start-up (UiBench). Needs a display: $DISPLAY, or an Xvfb of its own;
   * without one the package is built without the list (and starts without the archive).
   */
  private static boolean recordStartUp(Path runtime, Path input, Path work)
      throws IOException {
    long start = System.nanoTime();
    Path list = input.resolve("parley.classlist");
    Process xvfb = null;
    String display = System.getenv("DISPLAY");
    try {
      if (display == null || display.isBlank()) {
        if (!onPath("Xvfb")) {
          System.out.println("installer: WARNING: no display and no Xvfb to record the start-up on;"
              + " the package starts without a class-data archive");
          return false;
        }
        int n = 90;
        while (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
          n++;
        }
        display = ":" + n;
        xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
            .redirectErrorStream(true).redirectOutput(work.resolve("xvfb.log").toFile()).start();
        // The app must not look for the display before Xvfb listens on it.
        Path socket = Path.of("/tmp/.X11-unix/X" + n);
        for (int i = 0; i < 100 && !Files.exists(socket) && xvfb.isAlive(); i++) {
          Thread.sleep(50);
        }
      }
      // Twice: the first start leaves the saved conversation list behind; the second, recorded,
      // is a usual start (the saved list painted at once, then the session from the server).
      Process app = null;
      boolean quit = false;
      for (boolean recorded : new boolean[] {false, true}) {
        List<String> command = new ArrayList<>(List.of(runtime.resolve("bin").resolve("java").toString()));
        command.addAll(readList(INSTALLER.resolve("jvm-options.txt")));
        if (recorded) {
          command.add("-XX:DumpLoadedClassList=" + list);
        }
        command.addAll(List.of(
            "-cp", input.resolve("parley.jar") + java.io.File.pathSeparator + input.resolve("lib") + "/*",
            "dev.parley.Main", "--demo", "--home", work.resolve("start-up-home").toString(),
            "--record-start-up"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(work.resolve(recorded ? "start-up.log" : "first-start.log").toFile());
        pb.environment().put("DISPLAY", display);
        app = pb.start();
        quit = app.waitFor(3, java.util.concurrent.TimeUnit.MINUTES);
        if (!quit) {
          app.destroyForcibly().waitFor();
          break;
        }
      }
      long classes = 0;
      if (Files.exists(list)) {
        try (Stream<String> lines = Files.lines(list)) {
          classes = lines.filter(l -> !l.startsWith("#")).count();
        }
      }
      if (!quit || app.exitValue() != 0 || classes < 1000) {
        System.out.println("installer: WARNING: recording the start-up failed (" + (quit ? "exit " + app.exitValue() : "timed out")
            + ", " + classes + " classes; see " + work.resolve("start-up.log") + "); the package starts without a class-data archive");
        Files.deleteIfExists(list);
        return false;
      }
      System.out.printf("installer: start-up recorded: %d classes in %.0f s%n", classes, (System.nanoTime() - start) / 1e9);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } finally {
      if (xvfb != null) {
        xvfb.destroy();
      }
    }
  }

  private static void tool(String name, List<String> args) {
    ToolProvider tool = ToolProvider.findFirst(name)
        .orElseThrow(() -> new IllegalStateException(name + " is not in this JDK (" + System.getProperty("java.home") + ")"));
    System.out.println("installer: " + name + " " + args.stream().map(Package::quote).collect(Collectors.joining(" ")));
    int rc = tool.run(System.out, System.err, args.toArray(new String[0]));
    if (rc != 0) {
      fail(name + " failed with exit code " + rc);
    }
  }

  private static String quote(String s) {
    return s.isEmpty() || s.matches(".*[\\s;\"'].*") ? "'" + s + "'" : s;
  }

  private String javafxPlatformPrefix() {
    switch (os) {
      case "linux":
        return "linux";
      case "windows":
        return "win";
      default:
        return "mac";
    }
  }

  private static String currentOs() {
    String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    if (name.startsWith("windows")) {
      return "windows";
    }
    if (name.startsWith("mac")) {
      return "macos";
    }
    return "linux";
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    return path != null && Stream.of(path.split(java.io.File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, command)));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(p);
      }
    }
  }

  private static void fail(String message) {
    System.err.println("installer: " + message);
    System.exit(1);
  }
}
