package dev.parley.client;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * hangups' observer primitive: observers are called in the order they were added, on the thread
 * that fires. Adding an observer twice or removing one that was never added is a programming error.
 *
 * @param <T> what the event carries
 */
public final class Event<T> {
  private final String name;
  private final List<Consumer<? super T>> observers = new CopyOnWriteArrayList<>();

  public Event(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  public String name() {
    return name;
  }

  /**
   * Adds an observer.
   *
   * @throws IllegalArgumentException if it is already observing
   */
  public synchronized void addObserver(Consumer<? super T> observer) {
    Objects.requireNonNull(observer, "observer");
    if (observers.contains(observer)) {
      throw new IllegalArgumentException("observer already added to " + name);
    }
    observers.add(observer);
  }

  /**
   * Removes an observer.
   *
   * @throws IllegalArgumentException if it is not observing
   */
  public synchronized void removeObserver(Consumer<? super T> observer) {
    if (!observers.remove(observer)) {
      throw new IllegalArgumentException("observer not added to " + name);
    }
  }

  /**
   * Calls every observer with {@code value}. An observer that throws does not keep the others from
   * being called; the first failure is rethrown afterwards with the rest suppressed.
   */
  public void fire(T value) {
    RuntimeException failure = null;
    for (Consumer<? super T> observer : observers) {
      try {
        observer.accept(value);
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** How many observers are registered. */
  public int observerCount() {
    return observers.size();
  }

  @Override
  public String toString() {
    return "Event(" + name + ", " + observers.size() + " observers)";
  }
}
