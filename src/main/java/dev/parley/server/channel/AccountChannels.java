package dev.parley.server.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Channel state of one account: its sessions, how many long polls it has open, whether it is
 * reachable, and its active client. The session list is a copy-on-write snapshot so pushes read it
 * without a lock; everything else is guarded by this object's monitor.
 */
final class AccountChannels {
  final String accountId;

  /** Replaced, never mutated; written only under the hub's registry lock. */
  private volatile List<PushSession> sessions = List.of();

  private int openPolls;
  private boolean reachable;
  private String activeClientId;
  private long activeUntilNanos;
  private Long lastActiveMicros;

  AccountChannels(String accountId) {
    this.accountId = accountId;
  }

  List<PushSession> sessions() {
    return sessions;
  }

  void addSession(PushSession session) {
    List<PushSession> next = new ArrayList<>(sessions);
    next.add(session);
    sessions = List.copyOf(next);
  }

  void removeSession(PushSession session) {
    List<PushSession> next = new ArrayList<>(sessions);
    next.remove(session);
    sessions = List.copyOf(next);
  }

  /** A long poll opened; true if the account just became reachable. */
  synchronized boolean pollOpened() {
    openPolls++;
    if (!reachable) {
      reachable = true;
      return true;
    }
    return false;
  }

  /** A long poll ended; true if none is open any more. */
  synchronized boolean pollClosed() {
    openPolls = Math.max(0, openPolls - 1);
    return openPolls == 0;
  }

  /** After the grace period: true if the account just became unreachable. */
  synchronized boolean confirmUnreachable() {
    if (openPolls == 0 && reachable) {
      reachable = false;
      return true;
    }
    return false;
  }

  synchronized boolean isReachable() {
    return reachable;
  }

  synchronized void setActive(String clientId, long untilNanos, long nowMicros) {
    activeClientId = clientId;
    activeUntilNanos = untilNanos;
    lastActiveMicros = nowMicros;
  }

  synchronized void clearActive(String clientId) {
    if (clientId.equals(activeClientId)) {
      activeClientId = null;
    }
  }

  /** The active client id, or null if none is active at {@code nowNanos}. */
  synchronized String activeClient(long nowNanos) {
    if (activeClientId != null && nowNanos - activeUntilNanos >= 0) {
      activeClientId = null;
    }
    return activeClientId;
  }

  synchronized Optional<Long> lastActiveMicros() {
    return Optional.ofNullable(lastActiveMicros);
  }
}
