package dev.parley.client.internal;

import dev.parley.client.ConnectionState;
import dev.parley.client.Event;
import dev.parley.proto.Hangouts.GetSelfInfoResponse;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.SyncAllNewEventsResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's connection: runs a {@link RealChannel} per {@code connect()}, subscribes on every
 * client id, catches up with {@code syncallnewevents} on connect and after every loss (page after
 * page while the server says it stopped early), and keeps the {@link ConnectionState}. The next
 * page is asked for as soon as the first bytes of the one before say where it starts, so the server
 * builds it while the client still receives, decodes and dispatches the one before; pages are
 * dispatched whole, one after the other.
 *
 * <p>Threading. Three kinds of threads meet here:
 *
 * <ul>
 *   <li>the reader (the thread in {@link #run()}) only decodes; each thing it hears becomes a task
 *       on the control thread;
 *   <li>the control thread (one per client, FIFO) subscribes, catches up, filters updates through
 *       the {@link UpdateDispatcher} and changes the state. Because it is FIFO, updates pushed
 *       while a catch-up runs are handled after it, so each conversation sees its events in order;
 *   <li>the callback executor runs observers, through an {@link OrderedExecutor} lane per
 *       conversation (the global lane for connection events and updates of no conversation).
 * </ul>
 *
 * No lock is held across I/O or callbacks: {@code lifecycle} guards only the current channel and
 * the page asked for ahead.
 */
public final class RealConnection implements RealChannel.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(RealConnection.class);
  private static final int MAX_CATCH_UP_PAGES = 10_000;
  private static final long STOP_WAIT_SECONDS = 10;

  private final Function<RealChannel.Listener, RealChannel> channels;
  private final LongFunction<PageCall> syncAllNewEvents;
  private final Supplier<CompletableFuture<GetSelfInfoResponse>> getSelfInfo;
  private final ClientEvents events;
  private final OrderedExecutor ordered;
  private final UpdateDispatcher dispatcher;
  private final ThreadPoolExecutor control;
  private final AtomicBoolean running = new AtomicBoolean();
  private final Object lifecycle = new Object();

  private RealChannel channel; // guarded by lifecycle
  private PageCall ahead; // guarded by lifecycle: the catch-up's next page, asked for early
  private boolean stopRequested; // guarded by lifecycle
  private volatile ConnectionState state = ConnectionState.disconnected(null);
  private volatile String clientId;
  private volatile CompletableFuture<?> catchUpCall;

  // Confined to the control thread.
  private boolean everConnected;
  private boolean connectedNow;

  public RealConnection(
      Function<RealChannel.Listener, RealChannel> channels,
      LongFunction<PageCall> syncAllNewEvents,
      Supplier<CompletableFuture<GetSelfInfoResponse>> getSelfInfo,
      ClientEvents events,
      Executor callbackExecutor) {
    this.channels = channels;
    this.syncAllNewEvents = syncAllNewEvents;
    this.getSelfInfo = getSelfInfo;
    this.events = events;
    this.ordered = new OrderedExecutor(callbackExecutor);
    this.dispatcher =
        new UpdateDispatcher(
            ordered, events.onStateUpdate()::fire, events.onActiveClientChanged()::fire);
    this.control =
        new ThreadPoolExecutor(
            1,
            1,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            Threads.daemonFactory("parley-client-control"));
    control.allowCoreThreadTimeOut(true);
  }

  /**
   * One {@code syncallnewevents} page asked for: the page, and where the next one starts once the
   * page's first bytes tell (null when they do not).
   */
  public record PageCall(
      long since,
      CompletableFuture<SyncAllNewEventsResponse> page,
      CompletableFuture<CatchUpDecoder.PageStart> start) {}

  /** Connects and reconnects until {@link #stop()}; see {@code Client.connect()}. */
  public void run() {
    if (!running.compareAndSet(false, true)) {
      throw new IllegalStateException("connect() is already running");
    }
    RealChannel ch = channels.apply(this);
    synchronized (lifecycle) {
      channel = ch;
      if (stopRequested) {
        stopRequested = false;
        ch.stop();
      }
    }
    control.execute(
        () -> {
          everConnected = false;
          connectedNow = false;
          setState(ConnectionState.connecting());
        });
    try {
      ch.run();
    } finally {
      synchronized (lifecycle) {
        channel = null;
        stopRequested = false;
      }
      cancelCatchUp();
      CountDownLatch done = new CountDownLatch(1);
      control.execute(
          () -> {
            try {
              stopped();
            } finally {
              done.countDown();
            }
          });
      awaitQuietly(done);
      running.set(false);
    }
  }

  /** Ends {@link #run()} promptly; any thread. */
  public void stop() {
    RealChannel ch;
    synchronized (lifecycle) {
      ch = channel;
      if (ch == null && running.get()) {
        stopRequested = true;
      }
    }
    if (ch != null) {
      ch.stop();
    }
    cancelCatchUp();
  }

  /**
   * Ends the reconnect backoff wait so the next attempt starts now; does nothing while connected or
   * not running. Any thread.
   */
  public void reconnectNow() {
    RealChannel ch = currentChannel();
    if (ch != null) {
      ch.wakeUp();
    }
  }

  public ConnectionState state() {
    return state;
  }

  /** The channel's client id once known (kept after a disconnect, as hangups does). */
  public String clientId() {
    return clientId;
  }

  public UpdateDispatcher dispatcher() {
    return dispatcher;
  }

  /** Runs {@code task} on the control thread, after everything queued before it. */
  public void onControlThread(Runnable task) {
    control.execute(task);
  }

  // ---- from the reader thread ----

  @Override
  public void onClientId(long pollId, String id, boolean catchUp) {
    control.execute(() -> handleClientId(pollId, id, catchUp));
  }

  @Override
  public void onStateUpdates(long pollId, List<StateUpdate> updates) {
    control.execute(() -> dispatcher.fromChannel(updates));
  }

  @Override
  public void onLost(String reason, Instant nextAttempt, int consecutiveFailures) {
    if (consecutiveFailures == 1) {
      LOG.warn("push channel lost: {}; reconnecting", reason);
    } else {
      LOG.debug("push channel attempt {} failed: {}", consecutiveFailures, reason);
    }
    control.execute(
        () -> {
          disconnected();
          setState(ConnectionState.reconnecting(nextAttempt, reason));
        });
  }

  // ---- on the control thread ----

  private void handleClientId(long pollId, String id, boolean catchUp) {
    RealChannel ch = currentChannel();
    if (ch == null || ch.isStopped()) {
      return;
    }
    clientId = id;
    if (ch.isCurrent(pollId)) {
      try {
        ch.subscribe(pollId);
      } catch (IOException | RealChannel.ChannelFailure e) {
        ch.fail("subscribing failed: " + Http.describe(e));
        return;
      }
    }
    if (!catchUp) {
      return;
    }
    dispatcher.setSynced(false);
    if (!connectedNow) {
      connectedNow = true;
      setState(ConnectionState.connected());
      fire(everConnected ? events.onReconnect() : events.onConnect());
      if (everConnected) {
        LOG.info("push channel is back; catching up");
      }
      everConnected = true;
    }
    try {
      catchUp();
      dispatcher.setSynced(true);
      ch.markHealthy(pollId);
    } catch (Exception e) {
      if (!ch.isStopped()) {
        ch.fail("catching up failed: " + Http.describe(e));
      }
    }
  }

  private void catchUp() throws Exception {
    long since = dispatcher.syncTimestamp();
    if (since <= 0) {
      // Nothing seen yet and no starting point given: start from now.
      long now = await(getSelfInfo.get()).getResponseHeader().getCurrentServerTime();
      dispatcher.advanceSyncTimestamp(now > 0 ? now : System.currentTimeMillis() * 1000);
      return;
    }
    PageCall call = syncAllNewEvents.apply(since);
    try {
      for (int page = 0; page < MAX_CATCH_UP_PAGES; page++) {
        askAhead(call);
        SyncAllNewEventsResponse response = await(call.page());
        dispatcher.fromCatchUp(response);
        long next =
            continuation(
                since,
                response.getSyncTimestamp(),
                response.getResponseHeader().getCurrentServerTime());
        dispatcher.advanceSyncTimestamp(response.getSyncTimestamp());
        PageCall asked = takeAhead();
        if (next < 0) {
          cancel(asked);
          return;
        }
        if (asked == null || asked.since() != next) {
          cancel(asked);
          asked = syncAllNewEvents.apply(next);
        }
        call = asked;
        since = next;
      }
      cancel(call);
      LOG.warn("catch-up gave up after {} pages", MAX_CATCH_UP_PAGES);
    } finally {
      cancel(takeAhead());
    }
  }

  /**
   * Where the catch-up continues after a page from {@code since} with this sync timestamp and
   * server time: -1 when the page was the last (the server did not stop early).
   */
  private static long continuation(long since, long syncTimestamp, long currentServerTime) {
    boolean last =
        syncTimestamp <= since || currentServerTime == 0 || syncTimestamp >= currentServerTime;
    return last ? -1 : syncTimestamp;
  }

  /**
   * Asks for the page after {@code call} as soon as its first bytes say where that starts, so that
   * the server works on it while this page is still arriving, being decoded and dispatched. The
   * pages are still dispatched one after the other, each once it is complete.
   */
  private void askAhead(PageCall call) {
    call.start()
        .thenAccept(
            start -> {
              long next =
                  start == null
                      ? -1
                      : continuation(
                          call.since(), start.syncTimestamp(), start.currentServerTime());
              if (next < 0 || !catchingUp()) {
                return;
              }
              PageCall asked = syncAllNewEvents.apply(next);
              boolean kept;
              synchronized (lifecycle) {
                kept = ahead == null && catchingUp();
                if (kept) {
                  ahead = asked;
                }
              }
              if (!kept) {
                cancel(asked); // stopped meanwhile
              }
            });
  }

  /** Whether the current channel still runs, so its catch-up may go on. */
  private boolean catchingUp() {
    RealChannel ch = currentChannel();
    return ch != null && !ch.isStopped();
  }

  private PageCall takeAhead() {
    synchronized (lifecycle) {
      PageCall asked = ahead;
      ahead = null;
      return asked;
    }
  }

  private static void cancel(PageCall call) {
    if (call != null) {
      call.page().cancel(true);
    }
  }

  private <T> T await(CompletableFuture<T> call) throws Exception {
    catchUpCall = call;
    try {
      RealChannel ch = currentChannel();
      if (ch == null || ch.isStopped()) {
        call.cancel(true);
      }
      return call.get();
    } catch (ExecutionException e) {
      Throwable cause = RealRpc.unwrap(e.getCause());
      throw cause instanceof Exception ex ? ex : e;
    } catch (CancellationException e) {
      throw new IOException("cancelled", e);
    } finally {
      catchUpCall = null;
    }
  }

  private void disconnected() {
    if (connectedNow) {
      connectedNow = false;
      fire(events.onDisconnect());
    }
  }

  private void stopped() {
    disconnected();
    dispatcher.setSynced(true);
    setState(ConnectionState.disconnected("disconnected"));
  }

  private void setState(ConnectionState next) {
    state = next;
    ordered.execute(null, () -> events.onConnectionState().fire(next));
  }

  private void fire(Event<Void> event) {
    ordered.execute(null, () -> event.fire(null));
  }

  private RealChannel currentChannel() {
    synchronized (lifecycle) {
      return channel;
    }
  }

  private void cancelCatchUp() {
    CompletableFuture<?> call = catchUpCall;
    if (call != null) {
      call.cancel(true);
    }
    cancel(takeAhead());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("the control thread did not finish within {} s", STOP_WAIT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
