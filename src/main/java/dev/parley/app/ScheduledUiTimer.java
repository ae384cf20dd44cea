package dev.parley.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** {@link UiTimer} on one daemon scheduler thread that hands each task to the dispatcher. */
public final class ScheduledUiTimer implements UiTimer, AutoCloseable {
  private final UiDispatcher dispatcher;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "parley-ui-timer");
            t.setDaemon(true);
            return t;
          });

  public ScheduledUiTimer(UiDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public Scheduled schedule(Duration delay, Runnable task) {
    ScheduledFuture<?> f =
        scheduler.schedule(
            () -> dispatcher.dispatch(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    return () -> f.cancel(false);
  }

  @Override
  public Scheduled every(Duration period, Runnable task) {
    long ms = period.toMillis();
    ScheduledFuture<?> f =
        scheduler.scheduleAtFixedRate(
            () -> dispatcher.dispatch(task), ms, ms, TimeUnit.MILLISECONDS);
    return () -> f.cancel(false);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
