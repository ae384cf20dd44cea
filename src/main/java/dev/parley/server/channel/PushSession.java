package dev.parley.server.channel;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One push-channel session: its identity, service subscriptions, queued updates, the long poll
 * currently open on it and the array ids it has used. Guarded by its own lock, which is only held
 * for in-memory bookkeeping: building chunk text and every call into a {@link LongPoll} happen
 * after it is released.
 */
final class PushSession {
  /** Updates per chunk, so one chunk stays a reasonable write. */
  private static final int MAX_UPDATES_PER_CHUNK = 64;

  private static final long MAX_CHUNK_BYTES = 512 * 1024;

  /** The new-session response used ids 0 and 1. */
  private static final long FIRST_ARRAY_ID = 2;

  final String sid;
  final String gsessionId;
  final String clientId;
  final String accountId;
  final String remoteAddress;

  private final Set<String> services = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  private final UpdateQueue queue;
  private LongPoll poll;
  private long lastPollEndedNanos;
  private long nextArrayId = FIRST_ARRAY_ID;
  private boolean expired;

  /** What {@link #enqueue} did. */
  enum Offer {
    QUEUED,
    /** The session is expired; the update was dropped. */
    DROPPED,
    /** The queue is full; the caller expires the session. */
    OVERFLOW
  }

  PushSession(
      String sid,
      String gsessionId,
      String clientId,
      String accountId,
      String remoteAddress,
      UpdateQueue queue,
      long createdNanos) {
    this.sid = sid;
    this.gsessionId = gsessionId;
    this.clientId = clientId;
    this.accountId = accountId;
    this.remoteAddress = remoteAddress;
    this.queue = queue;
    this.lastPollEndedNanos = createdNanos;
  }

  /** Adds a service subscription; true if it is new. */
  boolean subscribe(String service) {
    return services.add(service);
  }

  boolean isSubscribed(String service) {
    return services.contains(service);
  }

  /** Queues an encoded update and wakes the open long poll, if any. Never blocks. */
  Offer enqueue(String wrapperText) {
    LongPoll wake;
    synchronized (lock) {
      if (expired) {
        return Offer.DROPPED;
      }
      if (!queue.offer(wrapperText)) {
        return Offer.OVERFLOW;
      }
      wake = poll;
    }
    if (wake != null) {
      wake.signal();
    }
    return Offer.QUEUED;
  }

  /**
   * Makes {@code next} the session's long poll and returns the one it replaces (null if none), or
   * returns {@code next} itself if the session is already expired.
   */
  LongPoll attach(LongPoll next) {
    synchronized (lock) {
      if (expired) {
        return next;
      }
      LongPoll previous = poll;
      poll = next;
      return previous;
    }
  }

  /** Forgets {@code ended} if it is still the current long poll; true if it was. */
  boolean detach(LongPoll ended, long nowNanos) {
    synchronized (lock) {
      if (poll != ended) {
        return false;
      }
      poll = null;
      lastPollEndedNanos = nowNanos;
      return true;
    }
  }

  boolean hasOpenLongPoll() {
    synchronized (lock) {
      return poll != null;
    }
  }

  /** True when no long poll is open and the last one ended at least {@code expiryNanos} ago. */
  boolean isIdleFor(long nowNanos, long expiryNanos) {
    synchronized (lock) {
      return !expired && poll == null && nowNanos - lastPollEndedNanos >= expiryNanos;
    }
  }

  boolean isExpired() {
    synchronized (lock) {
      return expired;
    }
  }

  /**
   * Marks the session expired and drops its queue; returns the long poll that was open (for the
   * caller to end) or null.
   */
  LongPoll expire() {
    synchronized (lock) {
      expired = true;
      queue.clear();
      LongPoll open = poll;
      poll = null;
      return open;
    }
  }

  int queuedUpdates() {
    synchronized (lock) {
      return queue.size();
    }
  }

  // ---- chunks for the long poll writer ----

  byte[] clientIdChunk(long nowMillis) {
    long arrayId;
    synchronized (lock) {
      arrayId = nextArrayId++;
    }
    return Chunks.clientId(arrayId, clientId, nowMillis);
  }

  byte[] noopChunk() {
    long arrayId;
    synchronized (lock) {
      arrayId = nextArrayId++;
    }
    return Chunks.noop(arrayId);
  }

  /** The next chunk of queued updates for {@code asker}, or null if none or it was replaced. */
  byte[] nextUpdateChunk(LongPoll asker) {
    List<String> wrappers;
    long firstArrayId;
    synchronized (lock) {
      if (poll != asker || queue.isEmpty()) {
        return null;
      }
      wrappers = queue.drain(MAX_UPDATES_PER_CHUNK, MAX_CHUNK_BYTES);
      firstArrayId = nextArrayId;
      nextArrayId += wrappers.size();
    }
    return Chunks.wrappers(firstArrayId, wrappers);
  }

  @Override
  public String toString() {
    return "PushSession[account=" + accountId + ", clientId=" + clientId + "]";
  }
}
