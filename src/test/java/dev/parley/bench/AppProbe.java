package dev.parley.bench;

import dev.parley.app.Launcher;
import dev.parley.app.conversation.TimelineRow;
import dev.parley.app.conversationlist.ConversationRow;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The app side of {@link UiBench}: starts the real app (as {@code Launcher.main} would) in this JVM
 * and measures it from the inside. Options: {@code --home DIR --big TITLE --others N}, and {@code
 * --first-start} to measure only the list painted without a saved list and quit (saving it).
 */
public final class AppProbe {
  private static final Duration WAIT = Duration.ofMinutes(5);
  private static final Duration SETTLED = Duration.ofMillis(500);

  private AppProbe() {}

  public static void main(String[] args) throws Exception {
    List<String> list = Arrays.asList(args);
    String home = list.get(list.indexOf("--home") + 1);
    String bigTitle = list.get(list.indexOf("--big") + 1);
    int others = Integer.parseInt(list.get(list.indexOf("--others") + 1));
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    Thread app = new Thread(() -> Launcher.main(new String[] {"--home", home}), "app-main");
    app.setDaemon(true);
    app.start();

    // 1. The conversation list painted.
    waitUntil(() -> fxReady() && onFx(() -> scene() != null));
    long[] listPainted = new long[1];
    CompletableFuture<Void> painted = new CompletableFuture<>();
    onFx(
        () -> {
          Scene scene = scene();
          Runnable check =
              () -> {
                ListView<ConversationRow> rows = conversationList(scene);
                if (!painted.isDone() && rows != null && !rows.getItems().isEmpty()) {
                  listPainted[0] = System.currentTimeMillis();
                  painted.complete(null);
                }
              };
          scene.addPostLayoutPulseListener(check);
          Platform.requestNextPulse();
          return null;
        });
    painted.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    if (list.contains("--first-start")) {
      // No list saved yet: it comes from the server. Quitting saves it for the measured start.
      print("list_painted_first_start", listPainted[0] - jvmStart, "ms");
      waitUntil(AppProbe::connected);
      // Opening while the start-up's work still runs; another conversation than the big one,
      // which the measured start opens cold and unread.
      print("open_at_connect_first_start", openMillis("Conversation 1"), "ms");
      onFx(
          () -> {
            Platform.exit();
            return null;
          });
      app.join(WAIT.toMillis());
      System.out.flush();
      Runtime.getRuntime().halt(0);
    }
    print("list_painted", listPainted[0] - jvmStart, "ms");
    // Signing in goes on behind the saved list; open once the session is the server's.
    long liveFrom = System.nanoTime();
    waitUntil(AppProbe::connected);
    print("connected_after_list_painted", (System.nanoTime() - liveFrom) / 1e6, "ms");

    // 2. Open the big conversation, as a person would: once the window has settled (the work of
    // starting, such as replacing the saved list with the server's, is done).
    print("settled_after_connected", waitUntilSettled(), "ms");
    print("open_conversation", openMillis(bigTitle), "ms");
    print(
        "timeline_cells_after_open",
        onFx(() -> timeline(scene()).lookupAll(".timeline-cell").size()),
        "cells");

    // 3. Load all of it, then scroll it top to bottom frame by frame.
    long loadStart = System.nanoTime();
    loadAllHistory();
    print("load_all_history", (System.nanoTime() - loadStart) / 1e6, "ms");
    print(
        "timeline_cells_after_load",
        onFx(() -> timeline(scene()).lookupAll(".timeline-cell").size()),
        "cells");
    print("loaded_rows", onFx(() -> timeline(scene()).getItems().size()), "rows");
    System.err.println(
        "first visible after loading: "
            + onFx(
                () -> {
                  VirtualFlow<?> f = (VirtualFlow<?>) timeline(scene()).lookup(".virtual-flow");
                  var c = f.getFirstVisibleCell();
                  return c == null ? "none" : c.getIndex() + " y=" + c.getLayoutY();
                }));
    scrollTopToBottom();
    // A virtualised list keeps about a screenful of cells; far more means cells are piling up.
    print(
        "timeline_cells",
        onFx(() -> timeline(scene()).lookupAll(".timeline-cell").size()),
        "cells");

    // 4. Open the other conversations; memory after.
    for (int i = 1; i <= others; i++) {
      openMillis("Conversation " + i);
    }
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    print("heap_used", (rt.totalMemory() - rt.freeMemory()) / 1048576.0, "MiB");
    print("heap_committed", rt.totalMemory() / 1048576.0, "MiB");
    print("rss", rssMiB("VmRSS:"), "MiB");
    // Anonymous memory is the JVM's own (heap, metaspace, code, GC and thread structures); file
    // memory is mapped jars, libraries and the class-data-sharing archive.
    print("rss_anon", rssMiB("RssAnon:"), "MiB");
    print("rss_file", rssMiB("RssFile:"), "MiB");

    // 5. Idle CPU with the window hidden.
    onFx(
        () -> {
          Platform.setImplicitExit(false);
          ((Stage) scene().getWindow()).hide();
          return null;
        });
    System.err.println("running while hidden: " + onFx(AppProbe::runningAnimations));
    // The JVM finishes what the work above left (compiling, collecting) before idling.
    TimeUnit.SECONDS.sleep(5);
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    java.util.Map<String, Long> threadCpu0 = threadCpuTicks();
    long cpu0 = os.getProcessCpuTime();
    long wall0 = System.nanoTime();
    TimeUnit.SECONDS.sleep(10); // measuring idleness is the point here
    double idle = 100.0 * (os.getProcessCpuTime() - cpu0) / (System.nanoTime() - wall0);
    print("idle_cpu_hidden", idle, "% of one core");
    // Which threads were busy meanwhile, the JVM's own (GC, compiler, periodic task) included.
    threadCpuTicks()
        .forEach(
            (thread, ticks) -> {
              long used = ticks - threadCpu0.getOrDefault(thread, 0L);
              if (used > 0) {
                System.err.printf(Locale.ROOT, "idle cpu: %s %d ms%n", thread, used * 10);
              }
            });
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }

  /** CPU ticks (1/100 s) used by each thread of this process, by "tid name", from /proc. */
  private static java.util.Map<String, Long> threadCpuTicks() throws Exception {
    java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          // fields 14 and 15 of stat (utime, stime) are 11 and 12 after the name
          ticks.put(task.getFileName() + " " + name, Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (java.io.IOException gone) {
          // the thread ended meanwhile
        }
      }
    }
    return ticks;
  }

  /** What keeps JavaFX's pulse timer ticking: the animations and animation timers running. */
  private static String runningAnimations() throws Exception {
    Object timer = com.sun.javafx.tk.Toolkit.getToolkit().getPrimaryTimer();
    List<String> running = new ArrayList<>();
    for (String[] f :
        new String[][] {
          {"receivers", "receiversLength"}, {"animationTimers", "animationTimersLength"}
        }) {
      var array = com.sun.scenario.animation.AbstractPrimaryTimer.class.getDeclaredField(f[0]);
      var length = com.sun.scenario.animation.AbstractPrimaryTimer.class.getDeclaredField(f[1]);
      array.setAccessible(true);
      length.setAccessible(true);
      Object[] items = (Object[]) array.get(timer);
      for (int i = 0; i < length.getInt(timer); i++) {
        Object item = items[i];
        String name = item.getClass().getName();
        for (var outer : item.getClass().getDeclaredFields()) {
          if (outer.getName().startsWith("this$")) {
            outer.setAccessible(true);
            Object owner = outer.get(item);
            name = owner.getClass().getName();
            if (owner instanceof javafx.animation.Animation a) {
              name += " " + a.getCycleDuration() + " x" + a.getCycleCount();
            }
          }
        }
        running.add(name);
      }
    }
    return running.toString();
  }

  /**
   * Waits until the window has had no pulse for {@link #SETTLED} (nothing changed on screen), at
   * most 10 s; returns how long that took in ms.
   */
  private static double waitUntilSettled() throws Exception {
    long start = System.nanoTime();
    long[] lastPulse = {System.nanoTime()};
    Runnable seen = () -> lastPulse[0] = System.nanoTime();
    onFx(
        () -> {
          scene().addPostLayoutPulseListener(seen);
          return null;
        });
    long deadline = start + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() - lastPulse[0] < SETTLED.toNanos() && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(20);
    }
    onFx(
        () -> {
          scene().removePostLayoutPulseListener(seen);
          return null;
        });
    return (System.nanoTime() - start) / 1e6 - SETTLED.toMillis();
  }

  /** The connection banner is gone: signed in and the push channel up. */
  private static boolean connected() {
    try {
      return onFx(
          () -> {
            var banner = scene().getRoot().lookup("#connectionBanner");
            return banner != null && !banner.isVisible();
          });
    } catch (Exception e) {
      return false;
    }
  }

  private static double openMillis(String title) throws Exception {
    CompletableFuture<Long> shown = new CompletableFuture<>();
    long[] start = new long[1];
    onFx(
        () -> {
          Scene scene = scene();
          ListView<ConversationRow> rows = conversationList(scene);
          int index = -1;
          for (int i = 0; i < rows.getItems().size(); i++) {
            if (rows.getItems().get(i).title().equals(title)) {
              index = i;
            }
          }
          if (index < 0) {
            throw new IllegalStateException("no conversation " + title);
          }
          Runnable[] check = new Runnable[1];
          check[0] =
              () -> {
                Label header = (Label) scene.getRoot().lookup("#conversationTitle");
                ListView<TimelineRow> timeline = timeline(scene);
                if (!shown.isDone()
                    && header != null
                    && title.equals(header.getText())
                    && timeline != null
                    && !timeline.getItems().isEmpty()) {
                  shown.complete(System.nanoTime());
                  Platform.runLater(() -> scene.removePostLayoutPulseListener(check[0]));
                }
              };
          scene.addPostLayoutPulseListener(check[0]);
          start[0] = System.nanoTime();
          rows.getSelectionModel().select(index);
          Platform.requestNextPulse();
          return null;
        });
    return (shown.get(WAIT.toSeconds(), TimeUnit.SECONDS) - start[0]) / 1e6;
  }

  private static void loadAllHistory() throws Exception {
    int stale = 0;
    int last = -1;
    while (stale < 50) {
      int size =
          onFx(
              () -> {
                ListView<TimelineRow> t = timeline(scene());
                // As a person would: Home on the list goes to its top, which loads older pages.
                userKey(t, javafx.scene.input.KeyCode.HOME);
                return t.getItems().size();
              });
      stale = size == last ? stale + 1 : 0;
      last = size;
      TimeUnit.MILLISECONDS.sleep(40); // let the page arrive; loop ends after 2 s without growth
    }
  }

  private static void scrollTopToBottom() throws Exception {
    List<Double> work = new ArrayList<>();
    List<Double> intervals = new ArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    onFx(
        () -> {
          Scene scene = scene();
          ListView<TimelineRow> t = timeline(scene);
          VirtualFlow<?> flow = (VirtualFlow<?>) t.lookup(".virtual-flow");
          userKey(t, javafx.scene.input.KeyCode.HOME);
          flow.scrollPixels(-100_000);
          long[] frameStart = new long[] {0, 0};
          Runnable end =
              () -> {
                if (frameStart[0] != 0) {
                  work.add((System.nanoTime() - frameStart[0]) / 1e6);
                  frameStart[0] = 0;
                }
              };
          scene.addPostLayoutPulseListener(end);
          new AnimationTimer() {
            @Override
            public void handle(long now) {
              long n = System.nanoTime();
              if (frameStart[1] != 0) {
                intervals.add((n - frameStart[1]) / 1e6);
              }
              frameStart[1] = n;
              var lastCell = flow.getLastVisibleCell();
              if (!intervals.isEmpty()
                  && lastCell != null
                  && lastCell.getIndex() >= t.getItems().size() - 1) {
                stop();
                scene.removePostLayoutPulseListener(end);
                done.complete(null);
                return;
              }
              frameStart[0] = n;
              flow.scrollPixels(240);
            }
          }.start();
          return null;
        });
    done.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    print("scroll_frames", work.size(), "frames");
    print("scroll_frame_work_p50", percentile(work, 50), "ms");
    print("scroll_frame_work_p99", percentile(work, 99), "ms");
    print("scroll_frame_interval_p50", percentile(intervals, 50), "ms");
    print("scroll_frame_interval_p99", percentile(intervals, 99), "ms");
  }

  // ---- plumbing ----

  /** A key press on the list, as from the keyboard (the list then counts as scrolled by hand). */
  private static void userKey(ListView<?> list, javafx.scene.input.KeyCode code) {
    list.requestFocus();
    javafx.event.Event.fireEvent(
        list,
        new javafx.scene.input.KeyEvent(
            javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false));
  }

  private static double percentile(List<Double> values, int p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private static double rssMiB(String field) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }

  private static Scene scene() {
    for (Window w : Window.getWindows()) {
      if (w instanceof Stage && w.getScene() != null) {
        return w.getScene();
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static ListView<ConversationRow> conversationList(Scene scene) {
    return (ListView<ConversationRow>) scene.getRoot().lookup("#conversationList");
  }

  @SuppressWarnings("unchecked")
  private static ListView<TimelineRow> timeline(Scene scene) {
    return (ListView<TimelineRow>) scene.getRoot().lookup("#timeline");
  }

  private static boolean fxReady() {
    try {
      Platform.runLater(() -> {});
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out");
      }
      TimeUnit.MILLISECONDS.sleep(5);
    }
  }

  private static <T> T onFx(Callable<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            result.complete(task.call());
          } catch (Throwable t) {
            result.completeExceptionally(t);
          }
        });
    try {
      return result.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void print(String name, double value, String unit) {
    System.out.printf(Locale.ROOT, "%s: %.1f %s%n", name, value, unit);
  }
}
