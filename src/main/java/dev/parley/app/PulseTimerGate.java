package dev.parley.app;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops JavaFX's pulse timer while none of Parley's windows is on screen (all hidden, say in the
 * tray, or minimised), and starts it again when one is.
 *
 * <p>Why: JavaFX asks its timer to pause when nothing animates, but on GTK and Monocle that pause
 * does nothing, so a hidden Parley still woke up 60 times a second (about 1 % of a core, UiBench's
 * {@code idle_cpu_hidden}; Signal and Telegram sleep). Nothing needs a pulse while no window shows:
 * a pulse only lays out and paints. The timer is reached by reflection into the toolkit (the
 * packaged app opens those packages, see installer/jvm-options.txt); where that is not possible the
 * gate does nothing and Parley works as before.
 */
public final class PulseTimerGate implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PulseTimerGate.class);

  private final PulseTimer timer;
  private final ObservableList<Window> windows;
  private final InvalidationListener onIconified = o -> update();
  private final ListChangeListener<Window> onWindows = this::windowsChanged;

  PulseTimerGate(PulseTimer timer, ObservableList<Window> windows) {
    this.timer = timer;
    this.windows = windows;
    windows.addListener(onWindows);
    windows.forEach(this::watch);
    update();
  }

  /** Watches the app's windows, on the FX thread; empty when this JavaFX cannot be reached. */
  public static Optional<PulseTimerGate> forToolkit() {
    return ToolkitPulseTimer.find().map(t -> new PulseTimerGate(t, Window.getWindows()));
  }

  /** Whether some window is on screen (shown and not minimised). */
  private boolean anyOnScreen() {
    for (Window w : windows) {
      if (w.isShowing() && !(w instanceof Stage s && s.isIconified())) {
        return true;
      }
    }
    return false;
  }

  private void update() {
    timer.setRunning(anyOnScreen());
  }

  private void windowsChanged(ListChangeListener.Change<? extends Window> change) {
    while (change.next()) {
      change.getRemoved().forEach(this::unwatch);
      change.getAddedSubList().forEach(this::watch);
    }
    update();
  }

  private void watch(Window w) {
    if (w instanceof Stage s) {
      s.iconifiedProperty().addListener(onIconified);
    }
  }

  private void unwatch(Window w) {
    if (w instanceof Stage s) {
      s.iconifiedProperty().removeListener(onIconified);
    }
  }

  /** Stops watching and leaves the timer running, as JavaFX expects it. */
  @Override
  public void close() {
    windows.removeListener(onWindows);
    windows.forEach(this::unwatch);
    timer.setRunning(true);
  }

  /** The toolkit's pulse timer, which can be stopped and started again at its period. */
  interface PulseTimer {
    void setRunning(boolean running);
  }

  /** JavaFX's own: {@code QuantumToolkit.pulseTimer}, a {@code com.sun.glass.ui.Timer}. */
  private static final class ToolkitPulseTimer implements PulseTimer {
    /** Timer's period while started without one (vsync): start() instead of start(int). */
    private static final double VSYNC = -2;

    private final Object timer;
    private final Field period;
    private final Method isRunning;
    private final Method start;
    private final Method startVsync;
    private final Method stop;
    private double stoppedPeriod;

    private ToolkitPulseTimer(Object timer) throws ReflectiveOperationException {
      Class<?> type = Class.forName("com.sun.glass.ui.Timer");
      this.timer = timer;
      this.period = accessible(type.getDeclaredField("period"));
      this.isRunning = accessible(type.getMethod("isRunning"));
      this.start = accessible(type.getMethod("start", int.class));
      this.startVsync = accessible(type.getMethod("start"));
      this.stop = accessible(type.getMethod("stop"));
    }

    static Optional<PulseTimer> find() {
      try {
        Class<?> toolkitType = Class.forName("com.sun.javafx.tk.Toolkit");
        Object toolkit = accessible(toolkitType.getMethod("getToolkit")).invoke(null);
        Field field = accessible(toolkit.getClass().getDeclaredField("pulseTimer"));
        Object timer = field.get(toolkit);
        return timer == null ? Optional.empty() : Optional.of(new ToolkitPulseTimer(timer));
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.debug("The pulse timer cannot be reached; it ticks while the window is hidden", e);
        return Optional.empty();
      }
    }

    @Override
    public void setRunning(boolean running) {
      try {
        boolean now = (boolean) isRunning.invoke(timer);
        if (running && !now && stoppedPeriod != 0) {
          if (stoppedPeriod == VSYNC) {
            startVsync.invoke(timer);
          } else {
            start.invoke(timer, (int) stoppedPeriod);
          }
          stoppedPeriod = 0;
        } else if (!running && now) {
          stoppedPeriod = period.getDouble(timer);
          stop.invoke(timer);
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.warn("Could not {} the pulse timer", running ? "start" : "stop", e);
      }
    }

    private static <T extends java.lang.reflect.AccessibleObject> T accessible(T member) {
      member.setAccessible(true);
      return member;
    }
  }
}
