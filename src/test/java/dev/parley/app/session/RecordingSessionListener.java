package dev.parley.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Records every {@link SessionListener} callback in a queue per kind, with a check that each came
 * on the UI thread, and waits for the ones a test expects ({@code await...} skips the others).
 */
final class RecordingSessionListener implements SessionListener {
  static final Duration WAIT = Duration.ofSeconds(20);

  record Typing(String conversationId, List<Person> people) {}

  record Receipts(String conversationId, Map<String, Instant> readUpTo) {}

  record PresenceChange(String personId, PresenceInfo presence) {}

  final Queue<TimelineItem> items = new Queue<>("timeline item");
  final Queue<ConversationSummary> summaries = new Queue<>("conversation summary");
  final Queue<String> removed = new Queue<>("removed conversation");
  final Queue<Typing> typing = new Queue<>("typing change");
  final Queue<Receipts> receipts = new Queue<>("read receipts");
  final Queue<PresenceChange> presence = new Queue<>("presence change");
  final Queue<ConnectionStatus> connection = new Queue<>("connection status");
  final Queue<Boolean> active = new Queue<>("active client change");
  private final String uiThread;
  private final List<String> offUiThread = new ArrayList<>();

  RecordingSessionListener(String uiThread) {
    this.uiThread = uiThread;
  }

  /** Every callback came on the UI thread. */
  void assertAllOnUiThread() {
    synchronized (offUiThread) {
      assertThat(offUiThread).as("callbacks off the UI thread").isEmpty();
    }
  }

  private void onThread(String what) {
    String name = Thread.currentThread().getName();
    if (!name.equals(uiThread)) {
      synchronized (offUiThread) {
        offUiThread.add(what + " on " + name);
      }
    }
  }

  @Override
  public void conversationUpdated(ConversationSummary summary) {
    onThread("conversationUpdated");
    summaries.add(summary);
  }

  @Override
  public void conversationRemoved(String conversationId) {
    onThread("conversationRemoved");
    removed.add(conversationId);
  }

  @Override
  public void timelineItemUpserted(TimelineItem item) {
    onThread("timelineItemUpserted");
    items.add(item);
  }

  @Override
  public void typingChanged(String conversationId, List<Person> people) {
    onThread("typingChanged");
    typing.add(new Typing(conversationId, people));
  }

  @Override
  public void readReceiptsChanged(String conversationId, Map<String, Instant> readUpTo) {
    onThread("readReceiptsChanged");
    receipts.add(new Receipts(conversationId, readUpTo));
  }

  @Override
  public void presenceChanged(String personId, PresenceInfo info) {
    onThread("presenceChanged");
    presence.add(new PresenceChange(personId, info));
  }

  @Override
  public void connectionChanged(ConnectionStatus status) {
    onThread("connectionChanged");
    connection.add(status);
  }

  @Override
  public void activeClientChanged(boolean thisClientActive) {
    onThread("activeClientChanged");
    active.add(thisClientActive);
  }

  /** The values of one callback, in order. */
  static final class Queue<T> {
    private final String what;
    private final LinkedBlockingQueue<T> values = new LinkedBlockingQueue<>();

    Queue(String what) {
      this.what = what;
    }

    void add(T value) {
      values.add(value);
    }

    /** Takes values until one matches, failing when none does within {@link #WAIT}. */
    T await(Predicate<? super T> expected, String description) {
      long deadline = System.nanoTime() + WAIT.toNanos();
      List<T> skipped = new ArrayList<>();
      while (true) {
        T value = poll(deadline - System.nanoTime());
        if (value == null) {
          throw new AssertionError(
              "no " + what + " " + description + " within " + WAIT + "; skipped " + skipped);
        }
        if (expected.test(value)) {
          return value;
        }
        skipped.add(value);
      }
    }

    /** Checks that no matching value arrives within {@code quiet}; takes what does arrive. */
    void assertNone(Predicate<? super T> unexpected, Duration quiet) {
      long deadline = System.nanoTime() + quiet.toNanos();
      while (true) {
        T value = poll(deadline - System.nanoTime());
        if (value == null) {
          return;
        }
        assertThat(unexpected.test(value)).as("unexpected %s %s", what, value).isFalse();
      }
    }

    /** Every value recorded and not taken yet, removing them. */
    List<T> drain() {
      List<T> all = new ArrayList<>();
      values.drainTo(all);
      return all;
    }

    private T poll(long nanos) {
      try {
        return nanos > 0 ? values.poll(nanos, TimeUnit.NANOSECONDS) : values.poll();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
