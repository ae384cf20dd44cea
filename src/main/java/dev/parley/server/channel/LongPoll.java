package dev.parley.server.channel;

import dev.parley.server.TimeSource;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;

/**
 * Streams one long-poll response (PROTOCOL.md section 6.1.2): the client-id chunk at once, then
 * queued updates as they arrive, a noop after a quiet interval, and a normal end after the maximum
 * duration or when told to.
 *
 * <p>Threading: {@link #signal()}, {@link #end()} and {@link #abort} may be called from any thread
 * and never block; they set flags and hand the work to {@code executor} (Jetty's pool). Only one
 * writer step runs at a time and at most one {@code response.write} is in flight; the next step
 * starts when that write's callback arrives. A successful write's callback re-dispatches if
 * something new may be ready and otherwise only marks the writer idle (the next signal starts it);
 * a failed one (or a connection failure) aborts, which completes the response and updates the hub's
 * in-memory bookkeeping; so Jetty's I/O thread runs no application code. No lock is held while
 * writing or completing.
 */
final class LongPoll {
  private final PushSession session;
  private final Response response;
  private final Callback callback;
  private final Executor executor;
  private final ScheduledExecutorService timer;
  private final TimeSource time;
  private final long noopNanos;
  private final long maxDurationNanos;
  private final Consumer<LongPoll> onFinished;

  private final Object lock = new Object();
  // All guarded by lock.
  private boolean running; // a writer step is scheduled, running, or its write is in flight
  private boolean pending; // something may be ready to write
  private boolean writeInFlight;
  private boolean clientIdSent;
  private boolean noopDue;
  private boolean ending;
  private boolean finished;
  private long lastWriteNanos;
  private ScheduledFuture<?> noopTimer;
  private ScheduledFuture<?> endTimer;

  LongPoll(
      PushSession session,
      Response response,
      Callback callback,
      Executor executor,
      ScheduledExecutorService timer,
      TimeSource time,
      ChannelConfig config,
      Consumer<LongPoll> onFinished) {
    this.session = session;
    this.response = response;
    this.callback = callback;
    this.executor = executor;
    this.timer = timer;
    this.time = time;
    this.noopNanos = config.noopInterval().toNanos();
    this.maxDurationNanos = config.maxLongPoll().toNanos();
    this.onFinished = onFinished;
  }

  PushSession session() {
    return session;
  }

  /**
   * Sets the headers, arms the timers and writes the client-id chunk. Call once. Idle timeouts of
   * the request are ignored (noops keep the connection busy; a stuck write fails by itself) and a
   * failure of the connection aborts the long poll.
   */
  void start(Request request) {
    request.addIdleTimeoutListener(timeout -> false);
    request.addFailureListener(this::abort);
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache, no-store, max-age=0");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    synchronized (lock) {
      lastWriteNanos = time.nanoTime();
      try {
        endTimer = timer.schedule(this::end, maxDurationNanos, TimeUnit.NANOSECONDS);
        noopTimer = timer.schedule(this::checkQuiet, noopNanos, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        ending = true; // the hub is closing
      }
    }
    signal();
  }

  /** Something may be ready (a queued update, a due noop, an end request). */
  void signal() {
    synchronized (lock) {
      pending = true;
      if (running || finished) {
        return;
      }
      running = true;
    }
    dispatch();
  }

  /** Ends the response normally once the write in flight, if any, is done. */
  void end() {
    synchronized (lock) {
      if (finished) {
        return;
      }
      ending = true;
    }
    signal();
  }

  /** Fails the response now, even with a write in flight; Jetty then closes the connection. */
  void abort(Throwable cause) {
    synchronized (lock) {
      if (finished) {
        return;
      }
      finished = true;
    }
    complete(cause);
  }

  boolean isFinished() {
    synchronized (lock) {
      return finished;
    }
  }

  private void dispatch() {
    try {
      executor.execute(this::step);
    } catch (RejectedExecutionException e) {
      synchronized (lock) {
        running = false;
      }
      abort(e);
    }
  }

  /** Writes the next chunk, or ends the response, or goes idle until the next signal. */
  private void step() {
    while (true) {
      boolean sendClientId;
      boolean sendNoop = false;
      boolean endNow = false;
      synchronized (lock) {
        if (finished) {
          running = false;
          return;
        }
        pending = false;
        sendClientId = !clientIdSent;
        if (!sendClientId && ending) {
          finished = true;
          running = false;
          endNow = true;
        } else {
          clientIdSent = true;
          sendNoop = noopDue;
          noopDue = false;
        }
      }
      if (endNow) {
        complete(null);
        return;
      }
      byte[] chunk =
          sendClientId
              ? session.clientIdChunk(time.nowMicros() / 1000)
              : session.nextUpdateChunk(this);
      if (chunk == null && sendNoop) {
        chunk = session.noopChunk();
      }
      if (chunk != null) {
        write(chunk);
        return;
      }
      synchronized (lock) {
        if (!pending || finished) {
          running = false;
          return;
        }
      }
    }
  }

  private void write(byte[] chunk) {
    synchronized (lock) {
      if (finished) {
        running = false;
        return;
      }
      writeInFlight = true;
      lastWriteNanos = time.nanoTime();
    }
    response.write(
        false,
        ByteBuffer.wrap(chunk),
        Callback.from(InvocationType.NON_BLOCKING, this::written, this::abort));
  }

  private void written() {
    // Read before taking our lock (locks never nest); an update queued after this read signals,
    // and that signal either is seen below or finds the writer stopped and starts it again.
    boolean queued = session.queuedUpdates() > 0;
    synchronized (lock) {
      writeInFlight = false;
      if (!queued && !pending) {
        running = false; // nothing new since the step that wrote: no need for another step
        return;
      }
    }
    dispatch(); // still running: continue with the next step on the pool, not this I/O thread
  }

  /** Timer task: marks a noop due after a quiet interval and re-arms itself. */
  private void checkQuiet() {
    long delay;
    boolean due;
    synchronized (lock) {
      if (finished) {
        return;
      }
      long quiet = time.nanoTime() - lastWriteNanos;
      due = quiet >= noopNanos && !writeInFlight;
      if (due) {
        noopDue = true;
      }
      delay = due ? noopNanos : Math.max(1, noopNanos - quiet);
      try {
        noopTimer = timer.schedule(this::checkQuiet, delay, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        return;
      }
    }
    if (due) {
      signal();
    }
  }

  private void complete(Throwable failure) {
    ScheduledFuture<?> noop;
    ScheduledFuture<?> max;
    synchronized (lock) {
      noop = noopTimer;
      max = endTimer;
    }
    if (noop != null) {
      noop.cancel(false);
    }
    if (max != null) {
      max.cancel(false);
    }
    if (failure == null) {
      callback.succeeded();
    } else {
      callback.failed(failure);
    }
    onFinished.accept(this);
  }
}
