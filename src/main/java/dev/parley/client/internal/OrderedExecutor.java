package dev.parley.client.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on an executor, one at a time and in submission order per key, tasks of different keys
 * in parallel (Smack's {@code AsyncButOrdered}). The client keys state updates by conversation id;
 * a null key is the global lane.
 *
 * <p>{@link #execute} never blocks and never runs a task on the caller's thread unless the executor
 * itself does. A lane runs at most {@value #BATCH} tasks before it yields its thread to other work.
 * A task that throws is logged and does not stop its lane. The lock guards only the queues; no task
 * runs under it.
 */
public final class OrderedExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(OrderedExecutor.class);
  private static final int BATCH = 64;
  private static final Object GLOBAL = new Object();

  private final Executor executor;
  private final Map<Object, Lane> lanes = new HashMap<>();

  public OrderedExecutor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  private static final class Lane {
    final Object key;
    final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    boolean scheduled;

    Lane(Object key) {
      this.key = key;
    }
  }

  /** Queues {@code task} behind earlier tasks of the same key. */
  public void execute(String key, Runnable task) {
    Objects.requireNonNull(task, "task");
    Object laneKey = key == null ? GLOBAL : key;
    Lane toStart = null;
    synchronized (lanes) {
      Lane lane = lanes.computeIfAbsent(laneKey, Lane::new);
      lane.queue.add(task);
      if (!lane.scheduled) {
        lane.scheduled = true;
        toStart = lane;
      }
    }
    if (toStart != null) {
      schedule(toStart);
    }
  }

  /** How many lanes have queued or running tasks; for tests. */
  public int activeLanes() {
    synchronized (lanes) {
      return lanes.size();
    }
  }

  private void schedule(Lane lane) {
    try {
      executor.execute(() -> drain(lane));
    } catch (RejectedExecutionException e) {
      int dropped;
      synchronized (lanes) {
        dropped = lane.queue.size();
        lane.queue.clear();
        lane.scheduled = false;
        lanes.remove(lane.key, lane);
      }
      LOG.warn("callback executor refused work; dropped {} callbacks", dropped);
    }
  }

  private void drain(Lane lane) {
    for (int i = 0; i < BATCH; i++) {
      Runnable task;
      synchronized (lanes) {
        task = lane.queue.poll();
        if (task == null) {
          lane.scheduled = false;
          lanes.remove(lane.key, lane);
          return;
        }
      }
      try {
        task.run();
      } catch (RuntimeException | LinkageError | AssertionError e) {
        LOG.warn("a callback failed", e);
      }
    }
    schedule(lane);
  }
}
