package dev.parley.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link UiTimer} for ViewModel tests: time moves only when the test calls {@link #advance}. */
public final class FakeUiTimer implements UiTimer {
  private final List<Task> tasks = new ArrayList<>();
  private long nowMillis;

  private final class Task implements Scheduled {
    long dueMillis;
    final long periodMillis;
    final Runnable action;
    boolean cancelled;

    Task(long dueMillis, long periodMillis, Runnable action) {
      this.dueMillis = dueMillis;
      this.periodMillis = periodMillis;
      this.action = action;
    }

    @Override
    public void cancel() {
      cancelled = true;
      tasks.remove(this);
    }
  }

  @Override
  public Scheduled schedule(Duration delay, Runnable task) {
    Task t = new Task(nowMillis + delay.toMillis(), 0, task);
    tasks.add(t);
    return t;
  }

  @Override
  public Scheduled every(Duration period, Runnable task) {
    Task t = new Task(nowMillis + period.toMillis(), period.toMillis(), task);
    tasks.add(t);
    return t;
  }

  /** Moves time forward, running every task that falls due, in order. */
  public void advance(Duration by) {
    long end = nowMillis + by.toMillis();
    while (true) {
      Task next = null;
      for (Task t : tasks) {
        if (t.dueMillis <= end && (next == null || t.dueMillis < next.dueMillis)) {
          next = t;
        }
      }
      if (next == null) {
        break;
      }
      nowMillis = next.dueMillis;
      if (next.periodMillis > 0) {
        next.dueMillis += next.periodMillis;
      } else {
        tasks.remove(next);
      }
      next.action.run();
    }
    nowMillis = end;
  }

  /** Tasks still waiting. */
  public int pending() {
    return tasks.size();
  }
}
