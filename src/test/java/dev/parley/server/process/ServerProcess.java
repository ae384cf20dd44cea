package dev.parley.server.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code parley server} in a separate JVM, started from this JVM's class path with {@code
 * dev.parley.Main}: waits (bounded) for the {@code listening on URL} line and keeps draining its
 * standard output; standard error goes to a log file that failures quote.
 */
final class ServerProcess implements AutoCloseable {
  private static final String LISTENING = "listening on ";

  private final Process process;
  private final Path log;
  private final String url;

  private ServerProcess(Process process, Path log, String url) {
    this.process = process;
    this.log = log;
    this.url = url;
  }

  /** Starts {@code server --data-dir DIR --port 0} and waits for its URL. */
  static ServerProcess start(Path dataDir, Path log, Duration timeout) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.parley.Main");
    command.add("server");
    command.add("--data-dir");
    command.add(dataDir.toString());
    command.add("--port");
    command.add("0");
    Process process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    CompletableFuture<String> firstLine = new CompletableFuture<>();
    Thread drain =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  firstLine.complete(line);
                }
                firstLine.completeExceptionally(new IOException("server closed its output"));
              } catch (IOException e) {
                firstLine.completeExceptionally(e);
              }
            },
            "server-process-stdout");
    drain.setDaemon(true);
    drain.start();
    try {
      String line = firstLine.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!line.startsWith(LISTENING)) {
        throw new IllegalStateException("unexpected first line: " + line + logTail(log));
      }
      return new ServerProcess(process, log, line.substring(LISTENING.length()).strip());
    } catch (TimeoutException | ExecutionException e) {
      process.destroyForcibly();
      throw new IllegalStateException("server did not start" + logTail(log), e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  String url() {
    return url;
  }

  Process process() {
    return process;
  }

  /** SIGKILL (on Linux) and wait for the exit status. */
  int kill(Duration timeout) throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("server did not die within " + timeout);
    }
    return process.exitValue();
  }

  String logTail() {
    return logTail(log);
  }

  private static String logTail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "\n--- server log (tail) ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "\n(no server log: " + e + ")";
    }
  }

  /** Kills the process if it still runs; for {@code @AfterEach}. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
