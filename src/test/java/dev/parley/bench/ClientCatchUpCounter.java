package dev.parley.bench;

import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.StateUpdate;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Observes {@code onStateUpdate} for {@link ClientBench}: counts the chat messages one sender's
 * events arriving, each distinct event id once and every repeat as a duplicate, and when the first
 * and the last distinct one arrived. Thread-safe: updates of different conversations arrive on
 * different callback threads.
 */
final class ClientCatchUpCounter implements Consumer<StateUpdate> {
  private final String senderId;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final AtomicInteger duplicates = new AtomicInteger();
  private final CountDownLatch all;
  private final AtomicLong first = new AtomicLong();
  private final AtomicLong last = new AtomicLong();
  private volatile boolean counting;

  ClientCatchUpCounter(String senderId, int expected) {
    this.senderId = senderId;
    this.all = new CountDownLatch(expected);
  }

  /** Counts from now on; arrivals before are ignored. */
  void startClock(long nanos) {
    first.set(0);
    last.set(nanos);
    counting = true;
  }

  @Override
  public void accept(StateUpdate update) {
    if (!counting || !update.hasEventNotification()) {
      return;
    }
    Event event = update.getEventNotification().getEvent();
    if (!event.hasChatMessage() || !event.getSenderId().getGaiaId().equals(senderId)) {
      return;
    }
    long now = System.nanoTime();
    if (!seen.add(event.getEventId())) {
      duplicates.incrementAndGet();
      return;
    }
    first.compareAndSet(0, now);
    last.accumulateAndGet(now, Math::max);
    all.countDown();
  }

  /** Waits until every expected event arrived; false if the time ran out first. */
  boolean awaitAll(Duration limit) throws InterruptedException {
    return all.await(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  int distinct() {
    return seen.size();
  }

  int duplicates() {
    return duplicates.get();
  }

  long firstArrivalNanos() {
    return first.get();
  }

  long lastArrivalNanos() {
    return last.get();
  }
}
