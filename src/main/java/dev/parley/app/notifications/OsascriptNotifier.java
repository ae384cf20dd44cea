package dev.parley.app.notifications;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications on macOS through Notification Center: {@code osascript -e 'display notification
 * ...'}, one process at a time on a thread of its own. Notification Center shows them under "Script
 * Editor"; they cannot be replaced, taken down or clicked through to a conversation. When {@code
 * osascript} fails, the notification goes to the fallback.
 */
public final class OsascriptNotifier implements DesktopNotifier {
  private static final Logger log = LoggerFactory.getLogger(OsascriptNotifier.class);
  static final Path OSASCRIPT = Path.of("/usr/bin/osascript");

  private final DesktopNotifier fallback;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "parley-osascript-notifications");
            t.setDaemon(true);
            return t;
          });

  public OsascriptNotifier(DesktopNotifier fallback) {
    this.fallback = fallback == null ? DesktopNotifier.none() : fallback;
  }

  /** Whether this machine has {@code osascript} (macOS). */
  public static boolean supported() {
    return Files.isExecutable(OSASCRIPT);
  }

  @Override
  public void show(Notification n) {
    try {
      worker.execute(() -> run(n));
    } catch (RejectedExecutionException e) {
      // closed
    }
  }

  private void run(Notification n) {
    try {
      Process p =
          new ProcessBuilder(OSASCRIPT.toString(), "-e", script(n))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fallback.show(n);
      } else if (p.exitValue() != 0) {
        log.warn("osascript exited with {}", p.exitValue());
        fallback.show(n);
      }
    } catch (IOException e) {
      log.warn("osascript failed: {}", e.toString());
      fallback.show(n);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The AppleScript that shows {@code n}. */
  static String script(Notification n) {
    StringBuilder s = new StringBuilder("display notification ").append(quote(n.body()));
    s.append(" with title ").append(quote(n.summary()));
    if (n.sound()) {
      s.append(" sound name \"Glass\"");
    }
    return s.toString();
  }

  /**
   * {@code text} as an AppleScript string literal: backslashes and double quotes escaped, line
   * breaks and other control characters as spaces.
   */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    text.codePoints()
        .forEach(
            cp -> {
              if (cp == '"' || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
              } else if (Character.getType(cp) == Character.CONTROL
                  || cp == '\u2028'
                  || cp == '\u2029') {
                out.append(' ');
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.append('"').toString();
  }

  @Override
  public void close(String conversationId) {
    fallback.close(conversationId);
  }

  @Override
  public void onActivated(Consumer<String> listener) {
    fallback.onActivated(listener);
  }

  @Override
  public void close() {
    worker.shutdown();
    fallback.close();
  }
}
