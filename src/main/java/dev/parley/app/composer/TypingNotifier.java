package dev.parley.app.composer;

import dev.parley.app.UiTimer;
import dev.parley.app.session.SessionService;
import dev.parley.client.TypingStatus;
import java.time.Duration;

/**
 * Tells a conversation's others that the user is typing, as Hangouts clients do, without spamming:
 * STARTED on the first change (repeated at most every {@link #STARTED_EVERY} while typing goes on),
 * PAUSED after {@link #PAUSE_AFTER} without a change while text remains, STOPPED when the text is
 * cleared or sent or the user leaves the conversation. Runs on the UI thread.
 */
final class TypingNotifier {
  /** Without a change for this long, a composer that still has text says PAUSED. */
  static final Duration PAUSE_AFTER = Duration.ofSeconds(3);

  /** While typing goes on, STARTED is repeated no more often than this. */
  static final Duration STARTED_EVERY = Duration.ofSeconds(10);

  private final SessionService session;
  private final UiTimer timer;
  private String conversationId;
  private TypingStatus status = TypingStatus.STOPPED;
  private boolean startedRecently;
  private UiTimer.Scheduled pauseTimer;
  private UiTimer.Scheduled startedTimer;

  TypingNotifier(SessionService session, UiTimer timer) {
    this.session = session;
    this.timer = timer;
  }

  /** The user changed the text of a conversation's composer. */
  void changed(String id, String text) {
    if (!id.equals(conversationId)) {
      stop();
    }
    if (text.isEmpty()) {
      stop();
      return;
    }
    conversationId = id;
    if (status != TypingStatus.STARTED || !startedRecently) {
      announce(TypingStatus.STARTED);
      startedRecently = true;
      cancel(startedTimer);
      startedTimer = timer.schedule(STARTED_EVERY, () -> startedRecently = false);
    }
    cancel(pauseTimer);
    pauseTimer = timer.schedule(PAUSE_AFTER, this::paused);
  }

  /** Says STOPPED if the others were told anything, and forgets the conversation. */
  void stop() {
    cancel(pauseTimer);
    cancel(startedTimer);
    pauseTimer = null;
    startedTimer = null;
    startedRecently = false;
    if (status != TypingStatus.STOPPED) {
      announce(TypingStatus.STOPPED);
    }
    conversationId = null;
  }

  private void paused() {
    pauseTimer = null;
    if (status == TypingStatus.STARTED) {
      announce(TypingStatus.PAUSED);
    }
  }

  private void announce(TypingStatus newStatus) {
    status = newStatus;
    session.setTyping(conversationId, newStatus);
  }

  private static void cancel(UiTimer.Scheduled scheduled) {
    if (scheduled != null) {
      scheduled.cancel();
    }
  }
}
