package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class EventTest {
  private final Event<String> event = new Event<>("test");
  private final List<String> calls = new ArrayList<>();

  @Test
  void observersAreCalledInTheOrderTheyWereAdded() {
    event.addObserver(v -> calls.add("a:" + v));
    event.addObserver(v -> calls.add("b:" + v));
    event.fire("x");
    assertThat(calls).containsExactly("a:x", "b:x");
  }

  @Test
  void removedObserverIsNoLongerCalled() {
    Consumer<String> observer = calls::add;
    event.addObserver(observer);
    event.removeObserver(observer);
    event.fire("x");
    assertThat(calls).isEmpty();
    assertThat(event.observerCount()).isZero();
  }

  @Test
  void addingAnObserverTwiceIsRefused() {
    Consumer<String> observer = calls::add;
    event.addObserver(observer);
    assertThatThrownBy(() -> event.addObserver(observer))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void removingAnAbsentObserverIsRefused() {
    assertThatThrownBy(() -> event.removeObserver(calls::add))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFailingObserverDoesNotSilenceTheOthers() {
    event.addObserver(
        v -> {
          throw new IllegalStateException("first");
        });
    event.addObserver(calls::add);
    event.addObserver(
        v -> {
          throw new IllegalStateException("third");
        });
    assertThatThrownBy(() -> event.fire("x"))
        .hasMessage("first")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    assertThat(calls).containsExactly("x");
  }

  @Test
  void anObserverMayRemoveItselfWhileFiring() {
    Consumer<String> once =
        new Consumer<>() {
          @Override
          public void accept(String v) {
            calls.add(v);
            event.removeObserver(this);
          }
        };
    event.addObserver(once);
    event.fire("1");
    event.fire("2");
    assertThat(calls).containsExactly("1");
  }
}
