package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A test double that records every value an {@link Event} fires, in order, with the thread it came
 * on (OkHttp's {@code RecordingEventListener} style). Values not passing the filter given at
 * construction are not recorded, so a test can watch only the updates it cares about.
 *
 * @param <T> what the event carries
 */
public final class RecordingObserver<T> implements Consumer<T> {
  /** How long {@code assertNext...} waits by default. */
  public static final Duration WAIT = Duration.ofSeconds(15);

  private final Predicate<? super T> filter;
  private final LinkedBlockingQueue<T> values = new LinkedBlockingQueue<>();
  private final List<String> threads = new ArrayList<>();

  private RecordingObserver(Predicate<? super T> filter) {
    this.filter = filter;
  }

  public static <T> RecordingObserver<T> all() {
    return new RecordingObserver<>(value -> true);
  }

  /** Records only the values that pass {@code filter}. */
  public static <T> RecordingObserver<T> filtering(Predicate<? super T> filter) {
    return new RecordingObserver<>(filter);
  }

  /** Makes a recorder and adds it to {@code event}. */
  public static <T> RecordingObserver<T> on(Event<T> event, Predicate<? super T> filter) {
    RecordingObserver<T> observer = filtering(filter);
    event.addObserver(observer);
    return observer;
  }

  @Override
  public void accept(T value) {
    if (!filter.test(value)) {
      return;
    }
    synchronized (threads) {
      threads.add(Thread.currentThread().getName());
    }
    values.add(value);
  }

  /** The next value, waiting up to {@link #WAIT}. */
  public T takeNext() {
    return takeNext(WAIT);
  }

  public T takeNext(Duration timeout) {
    try {
      T value = values.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (value == null) {
        throw new AssertionError("nothing recorded within " + timeout);
      }
      return value;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Takes the next value and checks it matches. */
  public T assertNext(Predicate<? super T> expected, String description) {
    T value = takeNext();
    assertThat(expected.test(value)).as("expected %s but got %s", description, value).isTrue();
    return value;
  }

  /** Takes values until one matches, failing when none does within the timeout. */
  public T skipUntil(Predicate<? super T> expected, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<T> skipped = new ArrayList<>();
    while (true) {
      long left = deadline - System.nanoTime();
      T value;
      try {
        value = left > 0 ? values.poll(left, TimeUnit.NANOSECONDS) : null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      if (value == null) {
        throw new AssertionError("no matching value within " + timeout + "; skipped " + skipped);
      }
      if (expected.test(value)) {
        return value;
      }
      skipped.add(value);
    }
  }

  /** Checks that nothing more is recorded within {@code quiet}. */
  public void assertExhausted(Duration quiet) {
    try {
      T value = values.poll(quiet.toNanos(), TimeUnit.NANOSECONDS);
      assertThat(value).as("expected nothing more, got %s", value).isNull();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Checks that nothing more has been recorded, without waiting. */
  public void assertExhausted() {
    assertThat(values.peek()).as("unexpected value").isNull();
  }

  /** Every value recorded and not yet taken, removing them. */
  public List<T> drain() {
    List<T> all = new ArrayList<>();
    values.drainTo(all);
    return all;
  }

  /** The names of the threads values arrived on, in order. */
  public List<String> threads() {
    synchronized (threads) {
      return List.copyOf(threads);
    }
  }
}
