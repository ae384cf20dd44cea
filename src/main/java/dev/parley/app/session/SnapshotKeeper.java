package dev.parley.app.session;

import dev.parley.app.UiTimer;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Saves the conversation list for the next start ({@link ListSnapshotStore}): a while after it
 * changed (so a crash loses little) and when the session closes, written off the UI thread. Only
 * what came from the server is saved: a session still showing the saved list saves nothing. UI
 * thread only.
 */
public final class SnapshotKeeper implements AutoCloseable {
  static final Duration DELAY = Duration.ofSeconds(10);

  private final SessionService session;
  private final ListSnapshotStore store;
  private final String accountKey;
  private final UiTimer timer;
  private final Executor background;
  private final Supplier<Boolean> live;
  private final SessionListener listener =
      new SessionListener() {
        @Override
        public void conversationUpdated(ConversationSummary summary) {
          changed();
        }

        @Override
        public void conversationRemoved(String conversationId) {
          changed();
        }
      };

  /** Set on sign-out; a save already handed to the background then writes nothing. */
  private final AtomicBoolean discarded = new AtomicBoolean();

  private UiTimer.Scheduled pending;
  private boolean dirty;
  private boolean closed;

  /**
   * @param live whether the session holds the server's data yet (a {@link StartingSession} before
   *     it is ready does not)
   */
  public SnapshotKeeper(
      SessionService session,
      ListSnapshotStore store,
      String accountKey,
      UiTimer timer,
      Executor background,
      Supplier<Boolean> live) {
    this.session = session;
    this.store = store;
    this.accountKey = accountKey;
    this.timer = timer;
    this.background = background;
    this.live = live;
    session.addListener(listener);
    if (live.get()) {
      changed(); // a session straight from the server: the list it starts with is worth keeping
    }
  }

  private void changed() {
    if (closed || !live.get()) {
      return;
    }
    dirty = true;
    if (pending == null) {
      pending = timer.schedule(DELAY, () -> save(background));
    }
  }

  private void save(Executor executor) {
    pending = null;
    if (!dirty) {
      return;
    }
    dirty = false;
    ListSnapshot snapshot =
        new ListSnapshot(accountKey, session.self(), session.serverUrl(), session.conversations());
    executor.execute(
        () -> {
          synchronized (store) {
            if (!discarded.get()) {
              store.save(snapshot);
            }
          }
        });
  }

  /** Saves now if anything changed since the last save (on the calling thread), and stops. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (pending != null) {
      pending.cancel();
    }
    save(Runnable::run);
    closed = true;
    session.removeListener(listener);
  }

  /** Stops and deletes the saved list (signing out: nothing of the account stays behind). */
  public void discard() {
    closed = true;
    if (pending != null) {
      pending.cancel();
      pending = null;
    }
    session.removeListener(listener);
    discarded.set(true);
    synchronized (store) {
      store.delete();
    }
  }
}
