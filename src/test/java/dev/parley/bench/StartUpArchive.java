package dev.parley.bench;

import dev.parley.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The class-data archive the Linux packages start with, made here the same way for {@link UiBench}:
 * the demo run twice with {@code --record-start-up}, the second under {@code
 * -XX:DumpLoadedClassList}, then {@code -Xshare:dump} of that list (installer/Package.java records,
 * the package's postinst dumps). Class-data sharing reads classes from jars only, so the class
 * path's directories are packed into jars first.
 *
 * @param classPath the class path to run with (jars only)
 * @param archive the archive, for {@code -XX:SharedArchiveFile}
 */
record StartUpArchive(String classPath, Path archive) {

  static StartUpArchive make(List<String> classPath, List<String> jvmOptions, Path dir)
      throws Exception {
    long start = System.nanoTime();
    if (Files.exists(dir)) {
      try (Stream<Path> old = Files.walk(dir)) {
        for (Path f : (Iterable<Path>) old.sorted(java.util.Comparator.reverseOrder())::iterator) {
          Files.delete(f);
        }
      }
    }
    Files.createDirectories(dir);
    List<String> jars = new ArrayList<>();
    int n = 0;
    for (String entry : classPath) {
      Path p = Path.of(entry);
      if (Files.isDirectory(p)) {
        Path jar = dir.resolve("classes-" + n++ + ".jar");
        packDirectory(p, jar);
        jars.add(jar.toString());
      } else {
        jars.add(entry);
      }
    }
    String cp = String.join(java.io.File.pathSeparator, jars);
    Path list = dir.resolve("start-up.classlist");
    List<String> record = new ArrayList<>(UiBench.javaCommand(jvmOptions));
    record.addAll(
        List.of(
            "-XX:DumpLoadedClassList=" + list,
            "-cp",
            cp,
            Main.class.getName(),
            "--demo",
            "--home",
            dir.resolve("home").toString(),
            "--record-start-up"));
    // The first start saves the conversation list; the recorded one starts from it, as usual.
    List<String> firstStart = new ArrayList<>(record);
    firstStart.removeIf(arg -> arg.startsWith("-XX:DumpLoadedClassList="));
    run(firstStart, dir.resolve("first-start.log"));
    run(record, dir.resolve("record.log"));
    Path archive = dir.resolve("parley.jsa");
    run(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xshare:dump",
            "-XX:SharedClassListFile=" + list,
            "-XX:SharedArchiveFile=" + archive,
            "-cp",
            cp),
        dir.resolve("dump.log"));
    System.err.printf(
        java.util.Locale.ROOT,
        "start-up archive: %d MB in %.1f s%n",
        Files.size(archive) / 1_000_000,
        (System.nanoTime() - start) / 1e9);
    return new StartUpArchive(cp, archive);
  }

  private static void run(List<String> command, Path log) throws Exception {
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("failed: " + command + " (see " + log + ")");
    }
  }

  private static void packDirectory(Path dir, Path jar) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(dir)) {
      // Directory entries too: resource scanners (Flyway's migrations) list directories.
      for (Path f : (Iterable<Path>) files.filter(f -> !f.equals(dir)).sorted()::iterator) {
        String name = dir.relativize(f).toString().replace('\\', '/');
        if (Files.isDirectory(f)) {
          out.putNextEntry(new java.util.zip.ZipEntry(name + "/"));
        } else {
          out.putNextEntry(new java.util.zip.ZipEntry(name));
          Files.copy(f, out);
        }
        out.closeEntry();
      }
    }
  }
}
