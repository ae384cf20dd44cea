package dev.parley.server.demo;

import dev.parley.proto.Hangouts.TypingType;
import dev.parley.server.TimeSource;
import dev.parley.server.storage.Account;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the owner company: while a client of the owner is reachable on the push channel, a demo
 * person types to the owner and sends a message in their one-to-one conversation; the first within
 * seconds, then every minute or two. Visits stop as soon as the owner is unreachable.
 *
 * <p>All state lives on the demo's single scheduler thread: {@link #reachabilityChanged} (called on
 * the channel hub's event thread) only hands off to it.
 */
final class DemoVisitor {
  private static final Logger LOG = LoggerFactory.getLogger(DemoVisitor.class);

  private final Account owner;
  private final Map<String, Account> cast;
  private final List<DemoScript.Saying> sayings;
  private final DemoActions actions;
  private final ScheduledExecutorService executor;
  private final DemoTimings timings;
  private final TimeSource time;

  // Scheduler thread only.
  private int next;
  private ScheduledFuture<?> pending;

  DemoVisitor(
      Account owner,
      Map<String, Account> cast,
      List<DemoScript.Saying> sayings,
      DemoActions actions,
      ScheduledExecutorService executor,
      DemoTimings timings,
      TimeSource time) {
    this.owner = owner;
    this.cast = Map.copyOf(cast);
    List<DemoScript.Saying> shuffled = new ArrayList<>(sayings);
    Collections.shuffle(shuffled, ThreadLocalRandom.current());
    this.sayings = List.copyOf(shuffled);
    this.actions = actions;
    this.executor = executor;
    this.timings = timings;
    this.time = time;
  }

  void reachabilityChanged(String accountId, boolean reachable) {
    if (!accountId.equals(owner.id())) {
      return;
    }
    try {
      executor.execute(reachable ? this::ownerArrived : this::ownerLeft);
    } catch (RejectedExecutionException e) {
      LOG.debug("the demo is shutting down; no more visits");
    }
  }

  private void ownerArrived() {
    if (pending == null) {
      pending = schedule(this::startTyping, timings.firstVisitMillis());
    }
  }

  private void ownerLeft() {
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
  }

  private void startTyping() {
    DemoScript.Saying saying = sayings.get(next++ % sayings.size());
    Account person = cast.get(saying.who());
    try {
      String conversationId = actions.oneToOne(person, owner, time.nowMicros());
      actions.typing(person, conversationId, TypingType.TYPING_TYPE_STARTED, time.nowMicros());
      pending =
          schedule(() -> deliver(person, conversationId, saying), timings.typing().toMillis());
    } catch (RuntimeException e) {
      LOG.warn("{} could not visit the demo owner", person.displayName(), e);
      pending = schedule(this::startTyping, timings.visitIntervalMillis());
    }
  }

  private void deliver(Account person, String conversationId, DemoScript.Saying saying) {
    try {
      String photoId =
          saying.picture() == null
              ? null
              : actions.storeImage(
                  person,
                  DemoPictures.picture(saying.picture(), ThreadLocalRandom.current().nextLong()),
                  saying.picture() + ".png",
                  time.nowMicros());
      actions.typing(person, conversationId, TypingType.TYPING_TYPE_STOPPED, time.nowMicros());
      actions.send(
          person, conversationId, DemoText.segments(saying.markup()), photoId, time.nowMicros());
    } catch (RuntimeException e) {
      LOG.warn("{} could not write to the demo owner", person.displayName(), e);
    }
    pending = schedule(this::startTyping, timings.visitIntervalMillis());
  }

  private ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
    try {
      return executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      return null; // shutting down
    }
  }
}
