package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AsyncButOrderedModelTest {
  private final AsyncButOrdered<String> ordered = new AsyncButOrdered<>();
  private final List<String> ran = new ArrayList<>();

  private CompletableFuture<String> step(String name, CompletableFuture<String> result) {
    ran.add(name);
    return result;
  }

  @Test
  void withNothingPendingATaskRunsAtOnce() {
    CompletableFuture<String> r = ordered.submit("a", () -> CompletableFuture.completedFuture("x"));

    assertThat(r).isCompletedWithValue("x");
    assertThat(ordered.pendingKeys()).isZero();
  }

  @Test
  void tasksOfOneKeyWaitForTheEarlierOnes() {
    CompletableFuture<String> slow = new CompletableFuture<>();
    ordered.submit("a", () -> step("1", slow));
    ordered.submit("a", () -> step("2", CompletableFuture.completedFuture("2")));
    ordered.submit("a", () -> step("3", CompletableFuture.completedFuture("3")));
    assertThat(ran).containsExactly("1");

    slow.complete("1");

    assertThat(ran).containsExactly("1", "2", "3");
    assertThat(ordered.pendingKeys()).isZero();
  }

  @Test
  void aFailedTaskDoesNotStopTheNextOne() {
    CompletableFuture<String> slow = new CompletableFuture<>();
    ordered.submit("a", () -> step("1", slow));
    CompletableFuture<String> next =
        ordered.submit("a", () -> step("2", CompletableFuture.completedFuture("2")));

    slow.completeExceptionally(new IllegalStateException("boom"));

    assertThat(next).isCompletedWithValue("2");
  }

  @Test
  void aTaskThatThrowsFailsItsFutureAndReleasesTheKey() {
    CompletableFuture<String> r =
        ordered.submit(
            "a",
            () -> {
              throw new IllegalStateException("boom");
            });

    assertThat(r).isCompletedExceptionally();
    assertThat(ordered.submit("a", () -> CompletableFuture.completedFuture("ok")))
        .isCompletedWithValue("ok");
  }

  @Test
  void otherKeysDoNotWait() {
    ordered.submit("a", () -> step("a1", new CompletableFuture<>()));
    ordered.submit("b", () -> step("b1", CompletableFuture.completedFuture("b")));

    assertThat(ran).containsExactly("a1", "b1");
  }
}
