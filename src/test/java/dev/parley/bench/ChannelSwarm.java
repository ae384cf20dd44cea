package dev.parley.bench;

import dev.parley.bench.BenchAuth.Credentials;
import dev.parley.wire.ChannelArray;
import dev.parley.wire.ChannelCodec;
import dev.parley.wire.ChannelSession;
import dev.parley.wire.ChunkParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many push channels on one selector thread, each opened the way hangups opens one but on a single
 * keep-alive connection: {@code POST bind} for a new session, {@code POST bind} subscribing to
 * babel and presence, then the {@code GET bind} long poll, reissued whenever the server ends it
 * normally. A channel counts as established when its long poll delivers the client-id chunk.
 *
 * <p>No thread per channel and little state per channel, so tens of thousands fit. At most {@code
 * maxConnecting} channels are being set up at a time, so the server's accept queue never overflows.
 * {@link Listener} callbacks run on the selector thread and must be quick.
 */
final class ChannelSwarm implements AutoCloseable {
  private static final String BIND = "/client-channel/channel/bind";

  /** What happens to the channels; every call is on the selector thread. */
  interface Listener {
    /** The long poll delivered the client id: the channel is open and subscribed. */
    default void established(int tag) {}

    /**
     * One push-channel payload after the client-id one; {@code arrivalNanos} is when its bytes were
     * read.
     */
    default void payload(int tag, String payload, long arrivalNanos) {}

    /** The channel failed (before or after it was established) and is closed. */
    default void failed(int tag, boolean wasEstablished, String reason) {}
  }

  private enum Phase {
    CONNECTING,
    NEW_SESSION,
    SUBSCRIBE,
    LONG_POLL
  }

  private final InetSocketAddress server;
  private final String hostHeader;
  private final int maxConnecting;
  private final Listener listener;
  private final Selector selector;
  private final Thread thread;
  private final ConcurrentLinkedQueue<Conn> requested = new ConcurrentLinkedQueue<>();
  private final ArrayDeque<Conn> waiting = new ArrayDeque<>();
  private final ByteBuffer readBuffer = ByteBuffer.allocate(256 * 1024);
  private final AtomicInteger established = new AtomicInteger();
  private final AtomicInteger failedBeforeEstablished = new AtomicInteger();
  private final AtomicInteger failedAfterEstablished = new AtomicInteger();
  private final AtomicInteger longPollsReopened = new AtomicInteger();
  private final Map<String, AtomicInteger> failureReasons = new ConcurrentHashMap<>();
  private final String subscribeBody;
  private int connecting; // selector thread only
  private volatile boolean closed;

  ChannelSwarm(InetSocketAddress server, int maxConnecting, Listener listener) throws IOException {
    this.server = server;
    this.hostHeader = server.getHostString() + ":" + server.getPort();
    this.maxConnecting = maxConnecting;
    this.listener = listener;
    this.selector = Selector.open();
    this.subscribeBody =
        "count=2&ofs=0&req0_p="
            + enc(ChannelCodec.buildServiceSubscription(ChannelCodec.SERVICE_BABEL))
            + "&req1_p="
            + enc(ChannelCodec.buildServiceSubscription(ChannelCodec.SERVICE_PRESENCE));
    this.thread = new Thread(this::loop, "channel-swarm");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Queues a channel for {@code credentials} from {@code source} (null: any address). */
  void open(int tag, Credentials credentials, InetAddress source) {
    requested.add(new Conn(tag, credentials, source));
    selector.wakeup();
  }

  int established() {
    return established.get();
  }

  int failedBeforeEstablished() {
    return failedBeforeEstablished.get();
  }

  int failedAfterEstablished() {
    return failedAfterEstablished.get();
  }

  int longPollsReopened() {
    return longPollsReopened.get();
  }

  /** Failure reasons and how often each happened. */
  Map<String, Integer> failureReasons() {
    Map<String, Integer> copy = new TreeMap<>();
    failureReasons.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  // ---- selector thread ----

  private void loop() {
    try {
      while (!closed) {
        startWaiting();
        selector.select(200);
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          Conn conn = (Conn) key.attachment();
          try {
            if (!key.isValid()) {
              continue;
            }
            if (key.isConnectable()) {
              conn.connected();
            } else if (key.isWritable()) {
              conn.flush();
            } else if (key.isReadable()) {
              conn.read();
            }
          } catch (IOException | RuntimeException e) {
            conn.fail(e.getClass().getSimpleName() + ": " + e.getMessage());
          }
        }
      }
    } catch (IOException e) {
      if (!closed) {
        throw new IllegalStateException(e);
      }
    } finally {
      for (SelectionKey key : selector.keys()) {
        try {
          key.channel().close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
      try {
        selector.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  private void startWaiting() {
    Conn next;
    while ((next = requested.poll()) != null) {
      waiting.add(next);
    }
    while (connecting < maxConnecting && !waiting.isEmpty()) {
      Conn conn = waiting.poll();
      connecting++;
      try {
        conn.start();
      } catch (IOException | RuntimeException e) {
        conn.fail("connect: " + e.getMessage());
      }
    }
  }

  private void recordFailure(String reason) {
    String key = reason.length() > 120 ? reason.substring(0, 120) : reason;
    failureReasons.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
  }

  @Override
  public void close() throws InterruptedException {
    if (closed) {
      return;
    }
    closed = true;
    selector.wakeup();
    thread.join(30_000);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** One channel: its connection, its HTTP exchange in progress and its session. */
  private final class Conn implements HttpResponseReader.BodySink {
    final int tag;
    final Credentials credentials;
    final InetAddress source;
    SocketChannel channel;
    SelectionKey key;
    Phase phase = Phase.CONNECTING;
    ByteBuffer out;
    final HttpResponseReader reader = new HttpResponseReader();
    ByteArrayOutputStream shortBody;
    ChunkParser chunks;
    ChannelSession session;
    boolean isEstablished;
    boolean isFailed;
    long arrivalNanos;

    Conn(int tag, Credentials credentials, InetAddress source) {
      this.tag = tag;
      this.credentials = credentials;
      this.source = source;
    }

    void start() throws IOException {
      channel = SocketChannel.open();
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      if (source != null) {
        channel.bind(new InetSocketAddress(source, 0));
      }
      boolean now = channel.connect(server);
      key = channel.register(selector, now ? 0 : SelectionKey.OP_CONNECT, this);
      if (now) {
        connected();
      }
    }

    void connected() throws IOException {
      if (!channel.finishConnect()) {
        return;
      }
      phase = Phase.NEW_SESSION;
      send(post(BIND + "?VER=8&RID=81188&ctype=hangouts", "count=0&ofs=0"));
    }

    private String post(String target, String form) {
      return "POST "
          + target
          + " HTTP/1.1\r\nHost: "
          + hostHeader
          + "\r\n"
          + credentials.headerLines()
          + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
          + form.length()
          + "\r\n\r\n"
          + form;
    }

    private String longPollRequest() {
      return "GET "
          + BIND
          + "?VER=8&gsessionid="
          + enc(session.gsessionId())
          + "&RID=rpc&t=1&SID="
          + enc(session.sid())
          + "&CI=0&ctype=hangouts&TYPE=xmlhttp HTTP/1.1\r\nHost: "
          + hostHeader
          + "\r\n"
          + credentials.headerLines()
          + "\r\n";
    }

    private void send(String request) throws IOException {
      reader.reset();
      out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
      flush();
    }

    void flush() throws IOException {
      channel.write(out);
      if (out.hasRemaining()) {
        key.interestOps(SelectionKey.OP_WRITE);
      } else {
        out = null;
        key.interestOps(SelectionKey.OP_READ);
      }
    }

    void read() throws IOException {
      readBuffer.clear();
      int n = channel.read(readBuffer);
      if (n < 0) {
        if (reader.endOfStream()) {
          responseDone();
        }
        if (!isFailed) {
          fail("connection closed by the server in " + phase);
        }
        return;
      }
      arrivalNanos = System.nanoTime();
      byte[] bytes = readBuffer.array();
      int offset = 0;
      while (offset < n && !isFailed) {
        offset += reader.feed(bytes, offset, n - offset, this);
        if (reader.isDone()) {
          responseDone();
        }
      }
    }

    @Override
    public void body(byte[] bytes, int offset, int length) {
      if (phase != Phase.LONG_POLL || reader.status() != 200) {
        if (shortBody == null) {
          shortBody = new ByteArrayOutputStream(256);
        }
        shortBody.write(bytes, offset, length);
        return;
      }
      if (chunks == null) {
        chunks = new ChunkParser();
      }
      List<String> payloads = chunks.feed(bytes, offset, length);
      if (chunks.isCorrupt()) {
        throw new IllegalStateException("corrupt channel stream");
      }
      for (String payload : payloads) {
        if (!isEstablished) {
          if (isClientIdPayload(payload)) {
            isEstablished = true;
            connecting--;
            established.incrementAndGet();
            listener.established(tag);
          }
        } else {
          listener.payload(tag, payload, arrivalNanos);
        }
      }
    }

    private boolean isClientIdPayload(String payload) {
      try {
        for (ChannelArray array : ChannelCodec.parseArrays(payload)) {
          if (array.clientId().isPresent()) {
            return true;
          }
        }
        return false;
      } catch (Exception e) {
        throw new IllegalStateException("undecodable first payload: " + e.getMessage(), e);
      }
    }

    private void responseDone() throws IOException {
      int status = reader.status();
      byte[] body = shortBody == null ? new byte[0] : shortBody.toByteArray();
      shortBody = null;
      if (status != 200) {
        fail(
            phase
                + ": HTTP "
                + status
                + " "
                + reader.reason()
                + " "
                + new String(body, StandardCharsets.UTF_8).strip());
        return;
      }
      switch (phase) {
        case NEW_SESSION -> {
          List<String> payloads = new ChunkParser().feed(body);
          try {
            session = ChannelCodec.parseSessionResponse(payloads.get(0));
          } catch (Exception e) {
            fail("bad new-session response: " + e.getMessage());
            return;
          }
          phase = Phase.SUBSCRIBE;
          send(
              post(
                  BIND
                      + "?VER=8&RID=81188&ctype=hangouts&gsessionid="
                      + enc(session.gsessionId())
                      + "&SID="
                      + enc(session.sid()),
                  subscribeBody));
        }
        case SUBSCRIBE -> {
          phase = Phase.LONG_POLL;
          send(longPollRequest());
        }
        case LONG_POLL -> {
          // The server ended the long poll normally: open the next one, as hangups does.
          longPollsReopened.incrementAndGet();
          chunks = null;
          send(longPollRequest());
        }
        default -> fail("response while " + phase);
      }
    }

    void fail(String reason) {
      if (isFailed) {
        return;
      }
      isFailed = true;
      if (key != null) {
        key.cancel();
      }
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // failing anyway
        }
      }
      if (isEstablished) {
        failedAfterEstablished.incrementAndGet();
      } else {
        connecting--;
        failedBeforeEstablished.incrementAndGet();
      }
      recordFailure(reason);
      listener.failed(tag, isEstablished, reason);
    }
  }
}
