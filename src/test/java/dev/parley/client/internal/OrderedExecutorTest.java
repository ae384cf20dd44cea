package dev.parley.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrderedExecutorTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final OrderedExecutor ordered = new OrderedExecutor(pool);

  @AfterEach
  void stop() throws Exception {
    pool.shutdown();
    assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void tasksOfOneKeyRunOneAtATimeInOrder() throws Exception {
    List<Integer> seen = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(1_000);
    for (int i = 0; i < 1_000; i++) {
      int n = i;
      ordered.execute(
          "conversation",
          () -> {
            synchronized (seen) {
              seen.add(n);
            }
            done.countDown();
          });
    }

    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    synchronized (seen) {
      assertThat(seen).isSorted().hasSize(1_000);
    }
  }

  @Test
  void aSlowKeyDoesNotHoldUpAnother() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch otherRan = new CountDownLatch(1);
    ordered.execute("slow", () -> await(release));

    ordered.execute("fast", otherRan::countDown);

    assertThat(otherRan.await(5, TimeUnit.SECONDS)).isTrue();
    release.countDown();
  }

  @Test
  void aFailingTaskDoesNotStopItsLane() throws Exception {
    CountDownLatch after = new CountDownLatch(1);
    ordered.execute(
        null,
        () -> {
          throw new IllegalStateException("observer bug");
        });

    ordered.execute(null, after::countDown);

    assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void idleLanesAreForgotten() throws Exception {
    CountDownLatch done = new CountDownLatch(100);
    for (int i = 0; i < 100; i++) {
      ordered.execute("key" + i, done::countDown);
    }
    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (ordered.activeLanes() > 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(ordered.activeLanes()).isZero();
  }

  @Test
  void aDirectExecutorRunsEverythingInOrderOnTheCaller() {
    OrderedExecutor direct = new OrderedExecutor(Runnable::run);
    List<String> seen = new ArrayList<>();

    direct.execute(
        "a",
        () -> {
          seen.add("1");
          direct.execute("a", () -> seen.add("3"));
          seen.add("2");
        });

    assertThat(seen).containsExactly("1", "2", "3");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
