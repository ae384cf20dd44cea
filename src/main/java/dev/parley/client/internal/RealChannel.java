package dev.parley.client.internal;

import dev.parley.client.BackoffPolicy;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.wire.ChannelArray;
import dev.parley.wire.ChannelCodec;
import dev.parley.wire.ChannelSession;
import dev.parley.wire.ChunkParser;
import dev.parley.wire.MalformedChannelDataException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The push channel (PROTOCOL.md section 6): opens a session, long-polls it in a loop, and
 * reconnects with capped exponential backoff for as long as {@link #run()} runs. A {@code 400
 * Unknown SID} drops the session and the next attempt opens a new one; any other failure (non-200,
 * corrupt or truncated stream, silence longer than the read timeout, I/O error) keeps the session
 * and backs off.
 *
 * <p>Threading: {@link #run()} is the reader thread. It only reads, splits frames and decodes, and
 * hands client ids, state updates and losses to the {@link Listener}, which must return at once
 * (the client queues them). {@link #subscribe} and {@link #fail} are called from the client's
 * control thread, {@link #stop()} from any thread. No lock is held: the fields shared between
 * threads are volatile, and stopping cancels the call in flight and wakes the backoff wait ({@link
 * #wakeUp()} wakes it too, for an attempt at once).
 */
public final class RealChannel {
  /** What the channel tells the client, always on the reader thread. */
  public interface Listener {
    /**
     * A long poll named this session's client id. {@code catchUp} is true for the first one after
     * the start or after a failure, when updates may have been missed.
     */
    void onClientId(long pollId, String clientId, boolean catchUp);

    void onStateUpdates(long pollId, List<StateUpdate> updates);

    /** The channel failed; the next attempt is due at {@code nextAttempt}. */
    void onLost(String reason, Instant nextAttempt, int consecutiveFailures);
  }

  private static final String RID = "81188";

  private final OkHttpClient pollHttp;
  private final OkHttpClient http;
  private final HttpUrl bindUrl;
  private final AuthHeaders headers;
  private final BackoffPolicy backoff;
  private final RandomGenerator random;
  private final Listener listener;
  private final Object backoffLock = new Object();

  private boolean wakeRequested; // guarded by backoffLock

  private volatile boolean stopped;
  private volatile Call currentCall;
  private volatile Call subscribeCall;
  private volatile ChannelSession session;
  private volatile long pollId;
  private volatile String forcedFailure;
  private volatile boolean healthy;
  private volatile boolean catchUpPending = true;

  public RealChannel(
      OkHttpClient pollHttp,
      OkHttpClient http,
      HttpUrl serverUrl,
      AuthHeaders headers,
      BackoffPolicy backoff,
      RandomGenerator random,
      Listener listener) {
    this.pollHttp = pollHttp;
    this.http = http;
    this.bindUrl =
        serverUrl
            .newBuilder()
            .addPathSegment("client-channel")
            .addPathSegment("channel")
            .addPathSegment("bind")
            .build();
    this.headers = headers;
    this.backoff = backoff;
    this.random = random;
    this.listener = listener;
  }

  /** A failure of one attempt, with what to say about it. */
  static final class ChannelFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final boolean unknownSid;

    ChannelFailure(String message, boolean unknownSid) {
      super(message);
      this.unknownSid = unknownSid;
    }
  }

  /** Runs the channel until {@link #stop()}; never gives up. */
  public void run() {
    int failures = 0;
    while (!stopped) {
      String reason;
      try {
        if (session == null) {
          session = openSession();
        }
        healthy = false;
        longPoll(session);
        failures = 0; // a long poll that ended cleanly proves the channel works
        continue;
      } catch (ChannelFailure e) {
        if (e.unknownSid) {
          session = null;
        }
        reason = e.getMessage();
      } catch (IOException | RuntimeException e) {
        reason = forcedFailure != null ? forcedFailure : Http.describe(e);
      }
      forcedFailure = null;
      if (stopped) {
        break;
      }
      catchUpPending = true;
      failures = healthy ? 1 : failures + 1;
      healthy = false;
      Duration delay = backoff.delay(failures, random);
      listener.onLost(reason, Instant.now().plus(delay), failures);
      awaitBackoff(delay);
    }
  }

  /**
   * Waits {@code delay} before the next attempt, or less: {@link #stop()} and {@link #wakeUp()} end
   * the wait at once. An interrupt stops the channel.
   */
  private void awaitBackoff(Duration delay) {
    long deadline = System.nanoTime() + delay.toNanos();
    synchronized (backoffLock) {
      try {
        while (!stopped && !wakeRequested) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            break;
          }
          TimeUnit.NANOSECONDS.timedWait(backoffLock, left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop();
      }
      wakeRequested = false;
    }
  }

  /**
   * Skips the current backoff wait so the next attempt starts at once; if an attempt is under way,
   * the wait after it (should it fail) is skipped instead. Does nothing once a long poll is
   * running. Any thread.
   */
  public void wakeUp() {
    synchronized (backoffLock) {
      wakeRequested = true;
      backoffLock.notifyAll();
    }
  }

  /** Ends {@link #run()} promptly; callable from any thread, more than once. */
  public void stop() {
    stopped = true;
    synchronized (backoffLock) {
      backoffLock.notifyAll();
    }
    Call call = currentCall;
    if (call != null) {
      call.cancel();
    }
    Call subscribing = subscribeCall;
    if (subscribing != null) {
      subscribing.cancel();
    }
  }

  public boolean isStopped() {
    return stopped;
  }

  /** True while {@code id} names the long poll in progress. */
  public boolean isCurrent(long id) {
    return !stopped && pollId == id;
  }

  /**
   * Drops the current long poll as failed, e.g. because a catch-up failed: the reader reconnects
   * with backoff and the next client id asks for a catch-up again.
   */
  public void fail(String reason) {
    if (stopped) {
      return;
    }
    catchUpPending = true;
    forcedFailure = reason;
    Call call = currentCall;
    if (call != null) {
      call.cancel();
    }
  }

  /** The client caught up on long poll {@code id}: the next failure starts the backoff afresh. */
  public void markHealthy(long id) {
    if (isCurrent(id)) {
      healthy = true;
    }
  }

  /** Subscribes the session of long poll {@code id} to babel and presence (section 6.1.3). */
  public void subscribe(long id) throws IOException, ChannelFailure {
    ChannelSession s = session;
    if (!isCurrent(id) || s == null) {
      throw new ChannelFailure("the long poll is gone", false);
    }
    FormBody form =
        new FormBody.Builder()
            .add("count", "2")
            .add("ofs", "0")
            .add("req0_p", ChannelCodec.buildServiceSubscription(ChannelCodec.SERVICE_BABEL))
            .add("req1_p", ChannelCodec.buildServiceSubscription(ChannelCodec.SERVICE_PRESENCE))
            .build();
    Request request =
        headers
            .apply(new Request.Builder().url(sessionUrl(s).addQueryParameter("RID", RID).build()))
            .post(form)
            .build();
    Call call = http.newCall(request);
    subscribeCall = call;
    if (stopped) {
      call.cancel();
    }
    try (Response response = call.execute()) {
      checkStatus(response, "subscribing");
    } finally {
      subscribeCall = null;
    }
  }

  private ChannelSession openSession() throws IOException, ChannelFailure {
    HttpUrl url =
        bindUrl
            .newBuilder()
            .addQueryParameter("VER", "8")
            .addQueryParameter("RID", RID)
            .addQueryParameter("ctype", "hangouts")
            .build();
    Request request =
        headers
            .apply(new Request.Builder().url(url))
            .post(new FormBody.Builder().add("count", "0").add("ofs", "0").build())
            .build();
    try (Response response = execute(http, request)) {
      checkStatus(response, "opening a session");
      byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
      List<String> payloads = new ChunkParser().feed(body);
      if (payloads.isEmpty()) {
        throw new ChannelFailure("the new session response has no frame", false);
      }
      try {
        return ChannelCodec.parseSessionResponse(payloads.get(0));
      } catch (MalformedChannelDataException | IllegalArgumentException e) {
        throw new ChannelFailure("the new session response is malformed", false);
      }
    }
  }

  private void longPoll(ChannelSession s) throws IOException, ChannelFailure {
    HttpUrl url =
        sessionUrl(s)
            .addQueryParameter("RID", "rpc")
            .addQueryParameter("t", "1")
            .addQueryParameter("CI", "0")
            .addQueryParameter("TYPE", "xmlhttp")
            .build();
    Request request = headers.apply(new Request.Builder().url(url)).get().build();
    try (Response response = execute(pollHttp, request)) {
      checkStatus(response, "long poll");
      synchronized (backoffLock) {
        wakeRequested = false; // connected: an earlier wake-up must not skip a later wait
      }
      long id = ++pollId;
      boolean sawClientId = false;
      ChunkParser parser = new ChunkParser();
      InputStream in = response.body().byteStream();
      byte[] buffer = new byte[16 * 1024];
      int n;
      while ((n = in.read(buffer)) != -1) {
        for (String payload : parser.feed(buffer, 0, n)) {
          for (ChannelArray array : parseArrays(payload)) {
            if (array.clientId().isPresent()) {
              sawClientId = true;
              boolean catchUp = catchUpPending;
              catchUpPending = false;
              listener.onClientId(id, array.clientId().get(), catchUp);
            }
            if (array.batchUpdate().isPresent()) {
              listener.onStateUpdates(id, array.batchUpdate().get().getStateUpdateList());
            }
          }
        }
        if (parser.isCorrupt()) {
          throw new ChannelFailure("the long poll sent something that is not a frame", false);
        }
      }
      if (stopped) {
        return;
      }
      if (parser.bufferedLength() > 0) {
        throw new ChannelFailure("the long poll ended in the middle of a frame", false);
      }
      if (!sawClientId) {
        throw new ChannelFailure("the long poll ended without a client id", false);
      }
    } finally {
      currentCall = null;
    }
  }

  private static List<ChannelArray> parseArrays(String payload) throws ChannelFailure {
    try {
      return ChannelCodec.parseArrays(payload);
    } catch (MalformedChannelDataException | RuntimeException e) {
      throw new ChannelFailure("the long poll sent malformed data: " + Http.describe(e), false);
    }
  }

  private Response execute(OkHttpClient client, Request request) throws IOException {
    Call call = client.newCall(request);
    currentCall = call;
    if (stopped) {
      call.cancel();
    }
    return call.execute();
  }

  private HttpUrl.Builder sessionUrl(ChannelSession s) {
    return bindUrl
        .newBuilder()
        .addQueryParameter("VER", "8")
        .addQueryParameter("gsessionid", s.gsessionId())
        .addQueryParameter("SID", s.sid())
        .addQueryParameter("ctype", "hangouts");
  }

  private static void checkStatus(Response response, String what) throws ChannelFailure {
    if (response.code() == 200) {
      return;
    }
    boolean unknownSid =
        response.code() == 400 && response.message().strip().equalsIgnoreCase("Unknown SID");
    if (!unknownSid && response.code() == 400) {
      try {
        unknownSid = response.peekBody(64).string().strip().equalsIgnoreCase("Unknown SID");
      } catch (IOException e) {
        // the body is only a second opinion
      }
    }
    if (unknownSid) {
      throw new ChannelFailure("the channel session expired (Unknown SID)", true);
    }
    String detail = response.code() == 401 ? " (not signed in)" : "";
    throw new ChannelFailure(what + " failed: HTTP " + response.code() + detail, false);
  }
}
