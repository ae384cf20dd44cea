package dev.parley.server.channel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns long polls opening and ending into reachable/unreachable events per account, with a grace
 * period before unreachable, and delivers them to {@link ReachabilityListener}s on one event thread
 * in the order they happened. Decisions are taken under the account's monitor and only queued
 * there; listeners run later, with no lock held.
 */
final class Reachability {
  private static final Logger LOG = LoggerFactory.getLogger(Reachability.class);

  private final List<ReachabilityListener> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService events;
  private final ScheduledExecutorService timer;
  private final long graceNanos;

  Reachability(ScheduledExecutorService timer, long graceNanos) {
    this.timer = timer;
    this.graceNanos = graceNanos;
    this.events =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "parley-channel-events");
              thread.setDaemon(true);
              return thread;
            });
  }

  void addListener(ReachabilityListener listener) {
    listeners.add(listener);
  }

  void removeListener(ReachabilityListener listener) {
    listeners.remove(listener);
  }

  /** A session of the account opened a long poll where none was open. */
  void pollOpened(AccountChannels account) {
    synchronized (account) {
      if (account.pollOpened()) {
        announce(account.accountId, true);
      }
    }
  }

  /** A long poll of the account ended and no other took its place in the same session. */
  void pollClosed(AccountChannels account) {
    if (!account.pollClosed()) {
      return;
    }
    if (graceNanos == 0) {
      confirmUnreachable(account);
      return;
    }
    try {
      timer.schedule(() -> confirmUnreachable(account), graceNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("hub closed; reachability of {} not checked", account.accountId);
    }
  }

  private void confirmUnreachable(AccountChannels account) {
    synchronized (account) {
      if (account.confirmUnreachable()) {
        announce(account.accountId, false);
      }
    }
  }

  private void announce(String accountId, boolean reachable) {
    try {
      events.execute(() -> deliver(accountId, reachable));
    } catch (RejectedExecutionException e) {
      LOG.debug("hub closed; reachability of {} not announced", accountId);
    }
  }

  private void deliver(String accountId, boolean reachable) {
    for (ReachabilityListener listener : listeners) {
      try {
        listener.reachabilityChanged(accountId, reachable);
      } catch (RuntimeException e) {
        LOG.warn("reachability listener failed for account {}", accountId, e);
      }
    }
  }

  void close() {
    events.shutdown();
  }
}
