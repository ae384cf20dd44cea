package dev.parley.server.channel;

import dev.parley.proto.Hangouts.ActiveClientState;
import dev.parley.proto.Hangouts.BatchUpdate;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.UserConversationState;
import dev.parley.server.TimeSource;
import dev.parley.wire.ChannelCodec;
import dev.parley.wire.ChannelSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory state of every push-channel session (PROTOCOL.md section 6): sessions by SID and by
 * client id, per-account and per-address limits, service subscriptions, bounded update queues,
 * expiry, active clients and reachability. Nothing is persisted; clients re-establish sessions
 * after a restart.
 *
 * <p>Threading rules:
 *
 * <ul>
 *   <li>Every public method may be called from any thread and never blocks on a client: {@link
 *       #push} only encodes and appends to queues, then wakes the long poll, whose writing runs on
 *       Jetty's pool ({@link LongPoll}).
 *   <li>No lock is held during I/O or while calling listeners, and locks are never nested: the
 *       registry lock (session creation and removal), each account's monitor, each session's lock
 *       and each long poll's lock guard only in-memory state, and none is taken while another is
 *       held.
 *   <li>Jetty's I/O threads run no application code: {@link ReachabilityListener}s run on the hub's
 *       single event thread ({@link Reachability}); timers (noop, long-poll end, expiry,
 *       unreachable grace) run on its single timer thread and only set state and hand off; a write
 *       completion only re-dispatches to Jetty's pool, and a connection failure only does this
 *       bookkeeping.
 * </ul>
 */
public final class ChannelHub implements AutoCloseable {
  /** Longest active-client timeout honoured, in seconds. */
  public static final int MAX_ACTIVE_TIMEOUT_SECONDS = 600;

  private static final Logger LOG = LoggerFactory.getLogger(ChannelHub.class);

  private final ChannelConfig config;
  private final TimeSource time;
  private final ChannelIds ids = new ChannelIds();
  private final ScheduledThreadPoolExecutor timer;
  private final Reachability reachability;

  private final Object registryLock = new Object();
  private final Map<String, PushSession> bySid = new ConcurrentHashMap<>();
  private final Map<String, PushSession> byClientId = new ConcurrentHashMap<>();
  private final Map<String, AccountChannels> accounts = new ConcurrentHashMap<>();
  private final Map<String, Integer> sessionsPerAddress = new HashMap<>(); // registryLock
  private volatile boolean closed;

  public ChannelHub(ChannelConfig config, TimeSource time) {
    this.config = config;
    this.time = time;
    this.timer = new ScheduledThreadPoolExecutor(1, daemon("parley-channel-timer"));
    this.timer.setRemoveOnCancelPolicy(true);
    this.reachability = new Reachability(timer, config.unreachableGrace().toNanos());
  }

  public ChannelConfig config() {
    return config;
  }

  // ---- sessions ----

  /**
   * Opens a new session for an account connecting from {@code remoteAddress}.
   *
   * @throws ChannelLimitException if the account or the address already holds the maximum
   * @throws IllegalStateException if the hub is closed
   */
  public ChannelSession createSession(String accountId, String remoteAddress) {
    AccountChannels existing = accounts.get(accountId);
    if (existing != null) {
      expireIdle(existing.sessions()); // so overdue sessions do not count against the limit
    }
    PushSession session;
    synchronized (registryLock) {
      if (closed) {
        throw new IllegalStateException("the channel hub is closed");
      }
      AccountChannels account = accounts.computeIfAbsent(accountId, AccountChannels::new);
      if (account.sessions().size() >= config.maxSessionsPerAccount()) {
        throw new ChannelLimitException(
            ChannelLimitException.Scope.ACCOUNT, config.maxSessionsPerAccount());
      }
      if (sessionsPerAddress.getOrDefault(remoteAddress, 0) >= config.maxSessionsPerIp()) {
        throw new ChannelLimitException(
            ChannelLimitException.Scope.ADDRESS, config.maxSessionsPerIp());
      }
      String sid = ids.unique(ids::sid, bySid::containsKey);
      String clientId = ids.unique(ids::clientId, byClientId::containsKey);
      session =
          new PushSession(
              sid,
              ids.gsessionId(),
              clientId,
              accountId,
              remoteAddress,
              new UpdateQueue(config.maxQueuedUpdates(), config.maxQueuedBytes()),
              time.nanoTime());
      bySid.put(sid, session);
      byClientId.put(clientId, session);
      account.addSession(session);
      sessionsPerAddress.merge(remoteAddress, 1, Integer::sum);
    }
    scheduleExpiryCheck(session);
    return new ChannelSession(session.sid, session.gsessionId);
  }

  /** The live session with this SID if it belongs to {@code accountId}; expires it if overdue. */
  Optional<PushSession> findSession(String sid, String accountId) {
    PushSession session = sid == null ? null : bySid.get(sid);
    if (session == null || !session.accountId.equals(accountId)) {
      return Optional.empty();
    }
    if (session.isIdleFor(time.nanoTime(), config.sessionExpiry().toNanos())) {
      expire(session, "expired");
      return Optional.empty();
    }
    return session.isExpired() ? Optional.empty() : Optional.of(session);
  }

  /** Subscribes a session to a service; false if the session is unknown or expired. */
  boolean subscribe(PushSession session, String service) {
    if (session.isExpired()) {
      return false;
    }
    if (session.subscribe(service)) {
      LOG.debug("{} subscribed to {}", session, service);
    }
    return true;
  }

  /**
   * Starts streaming a long poll on {@code session}, ending the one it replaces. False if the
   * session expired meanwhile (the caller answers Unknown SID and must not touch the response).
   */
  boolean openLongPoll(PushSession session, Request request, Response response, Callback callback) {
    LongPoll poll =
        new LongPoll(
            session,
            response,
            callback,
            request.getContext(),
            timer,
            time,
            config,
            this::longPollFinished);
    LongPoll previous = session.attach(poll);
    if (previous == poll) {
      return false;
    }
    if (previous != null) {
      previous.end();
    } else {
      AccountChannels account = accounts.get(session.accountId);
      if (account != null) {
        reachability.pollOpened(account);
      }
    }
    poll.start(request);
    return true;
  }

  /** Number of live sessions of an account. */
  public int sessionCount(String accountId) {
    AccountChannels account = accounts.get(accountId);
    return account == null ? 0 : account.sessions().size();
  }

  // ---- pushing ----

  /**
   * Queues a state update for every session of the account subscribed to {@code babel}, except the
   * one whose client id is {@code excludeClientId} (may be null). Each copy carries a header for
   * its receiving session. Never blocks; a session whose queue overflows is expired.
   */
  public void push(String accountId, StateUpdate update, String excludeClientId) {
    fanOut(accountId, update, ChannelCodec.SERVICE_BABEL, excludeClientId);
  }

  /** Queues a presence update for the account's sessions subscribed to presence. */
  public void pushPresence(String accountId, StateUpdate update) {
    fanOut(accountId, update, ChannelCodec.SERVICE_PRESENCE, null);
  }

  private void fanOut(String accountId, StateUpdate update, String service, String exclude) {
    AccountChannels account = accounts.get(accountId);
    if (account == null) {
      return;
    }
    String active = account.activeClient(time.nanoTime());
    long nowMicros = time.nowMicros();
    String[] encodedByState = new String[ActiveClientState.values().length];
    for (PushSession session : account.sessions()) {
      if (!session.isSubscribed(service) || session.clientId.equals(exclude)) {
        continue;
      }
      ActiveClientState state = stateFor(active, session.clientId);
      String encoded = encodedByState[state.ordinal()];
      if (encoded == null) {
        encoded = encode(update, state, nowMicros);
        encodedByState[state.ordinal()] = encoded;
      }
      deliver(session, encoded);
    }
  }

  /**
   * Prepares {@code update} for each account in {@code selfStates}, whose copies carry their own
   * {@code conversation.self_conversation_state} (what an event push is). Encodes now, once for the
   * shared part, for the sessions open now; {@link PreparedPush#publish} then only queues, so the
   * caller can publish in order under its lock. Never blocks.
   *
   * @param update the shared update with a {@code conversation} without self state
   * @param selfStates each recipient account's self state, in push order
   */
  public PreparedPush prepareConversationPush(
      StateUpdate update, Map<String, UserConversationState> selfStates) {
    PreparedPush push = new PreparedPush(this, update, selfStates, time.nowMicros());
    push.encodeForOpenSessions();
    return push;
  }

  /** The account's channel state, or null if it never had a session. */
  AccountChannels account(String accountId) {
    return accounts.get(accountId);
  }

  long nanoTime() {
    return time.nanoTime();
  }

  /** Queues an encoded update on a session; expires the session if its queue overflows. */
  void deliver(PushSession session, String encoded) {
    if (session.enqueue(encoded) == PushSession.Offer.OVERFLOW) {
      expire(session, "update queue overflow");
    }
  }

  private static String encode(StateUpdate update, ActiveClientState state, long nowMicros) {
    StateUpdate.Builder copy = update.toBuilder();
    copy.getStateUpdateHeaderBuilder().setActiveClientState(state).setCurrentServerTime(nowMicros);
    // As a JSON string literal: every session's chunk embeds it without escaping it again.
    return ChannelCodec.buildStateUpdateWrapperLiteral(
        BatchUpdate.newBuilder().addStateUpdate(copy).build());
  }

  // ---- active client and presence ----

  /**
   * Makes {@code clientId} the account's active client for {@code timeoutSeconds} (at most {@link
   * #MAX_ACTIVE_TIMEOUT_SECONDS}); a timeout of zero or less makes it inactive if it was active.
   * The caller checks that the client id belongs to the account ({@link #accountOfClientId}).
   */
  public void setActiveClient(String accountId, String clientId, int timeoutSeconds) {
    AccountChannels account = accounts.computeIfAbsent(accountId, AccountChannels::new);
    if (timeoutSeconds <= 0) {
      account.clearActive(clientId);
      return;
    }
    long timeoutNanos =
        TimeUnit.SECONDS.toNanos(Math.min(timeoutSeconds, MAX_ACTIVE_TIMEOUT_SECONDS));
    account.setActive(clientId, time.nanoTime() + timeoutNanos, time.nowMicros());
  }

  /** The active client state as seen by the session with {@code clientId}. */
  public ActiveClientState activeClientState(String accountId, String clientId) {
    AccountChannels account = accounts.get(accountId);
    String active = account == null ? null : account.activeClient(time.nanoTime());
    return stateFor(active, clientId);
  }

  /** True if a client of the account is active within its timeout. */
  public boolean isActive(String accountId) {
    AccountChannels account = accounts.get(accountId);
    return account != null && account.activeClient(time.nanoTime()) != null;
  }

  /** When a client of the account was last made active, in microseconds since the epoch. */
  public Optional<Long> lastActiveMicros(String accountId) {
    AccountChannels account = accounts.get(accountId);
    return account == null ? Optional.empty() : account.lastActiveMicros();
  }

  /**
   * True if the account has a session with an open long poll (see {@link ReachabilityListener}).
   */
  public boolean isReachable(String accountId) {
    AccountChannels account = accounts.get(accountId);
    return account != null && account.isReachable();
  }

  /** The account whose live session has this client id. */
  public Optional<String> accountOfClientId(String clientId) {
    PushSession session = clientId == null ? null : byClientId.get(clientId);
    return session == null || session.isExpired()
        ? Optional.empty()
        : Optional.of(session.accountId);
  }

  public void addReachabilityListener(ReachabilityListener listener) {
    reachability.addListener(listener);
  }

  public void removeReachabilityListener(ReachabilityListener listener) {
    reachability.removeListener(listener);
  }

  /** The active client state a session with {@code clientId} sees. */
  static ActiveClientState stateFor(String activeClientId, String clientId) {
    if (activeClientId == null) {
      return ActiveClientState.ACTIVE_CLIENT_STATE_NO_ACTIVE;
    }
    return activeClientId.equals(clientId)
        ? ActiveClientState.ACTIVE_CLIENT_STATE_IS_ACTIVE
        : ActiveClientState.ACTIVE_CLIENT_STATE_OTHER_ACTIVE;
  }

  // ---- expiry and long-poll bookkeeping ----

  private void longPollFinished(LongPoll poll) {
    PushSession session = poll.session();
    if (session.detach(poll, time.nanoTime())) {
      pollClosed(session);
      scheduleExpiryCheck(session);
    }
  }

  private void pollClosed(PushSession session) {
    AccountChannels account = accounts.get(session.accountId);
    if (account != null) {
      reachability.pollClosed(account);
    }
  }

  private void scheduleExpiryCheck(PushSession session) {
    long expiryNanos = config.sessionExpiry().toNanos();
    schedule(
        () -> {
          if (session.isIdleFor(time.nanoTime(), expiryNanos)) {
            expire(session, "expired");
          }
        },
        expiryNanos);
  }

  private void expireIdle(List<PushSession> sessions) {
    long now = time.nanoTime();
    long expiryNanos = config.sessionExpiry().toNanos();
    for (PushSession session : sessions) {
      if (session.isIdleFor(now, expiryNanos)) {
        expire(session, "expired");
      }
    }
  }

  /** Removes a session; its next request gets Unknown SID. An open long poll is aborted. */
  private void expire(PushSession session, String reason) {
    synchronized (registryLock) {
      if (bySid.remove(session.sid, session)) {
        byClientId.remove(session.clientId, session);
        AccountChannels account = accounts.get(session.accountId);
        if (account != null) {
          account.removeSession(session);
        }
        sessionsPerAddress.computeIfPresent(
            session.remoteAddress, (address, count) -> count <= 1 ? null : count - 1);
      }
    }
    LongPoll open = session.expire();
    LOG.debug("{} {}", session, reason);
    if (open != null) {
      open.abort(new ChannelSessionExpiredException(reason));
      pollClosed(session);
    }
  }

  private void schedule(Runnable task, long delayNanos) {
    try {
      timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("hub closed; timer task dropped");
    }
  }

  /** Ends every open long poll normally, forgets every session and stops the hub's threads. */
  @Override
  public void close() {
    List<PushSession> all;
    synchronized (registryLock) {
      closed = true;
      all = new ArrayList<>(bySid.values());
      bySid.clear();
      byClientId.clear();
      sessionsPerAddress.clear();
      for (AccountChannels account : accounts.values()) {
        for (PushSession session : account.sessions()) {
          account.removeSession(session);
        }
      }
    }
    for (PushSession session : all) {
      LongPoll open = session.expire();
      if (open != null) {
        open.end();
      }
    }
    timer.shutdownNow();
    reachability.close();
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
