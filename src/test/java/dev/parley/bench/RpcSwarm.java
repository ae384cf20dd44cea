package dev.parley.bench;

import dev.parley.bench.BenchAuth.Credentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * RPCs from many signed-in clients over a few keep-alive HTTP/1.1 connections on one selector
 * thread: each request carries its own client's cookie and SAPISIDHASH, as hangups sends them. A
 * request goes out at once on the connection with the fewest requests outstanding (pipelined behind
 * them when every connection is busy), so the sender never waits for a connection and the time an
 * RPC takes is the server's. {@code java.net.http.HttpClient} did this job before, but on two cores
 * it cost more CPU than the server under test (a thread per completion, and a connection pool whose
 * bookkeeping grows with the connections it opens when requests overlap).
 *
 * <p>{@link Callback}s run on the selector thread and must be quick.
 */
final class RpcSwarm implements AutoCloseable {
  /** What became of one RPC; called on the selector thread. */
  interface Callback {
    void response(int status, byte[] body);

    void failed(String reason);
  }

  private record Request(byte[] bytes, Callback callback) {}

  private final InetSocketAddress server;
  private final String hostHeader;
  private final Selector selector;
  private final Thread thread;
  private final List<Conn> conns = new ArrayList<>();
  private final ConcurrentLinkedQueue<Request> submitted = new ConcurrentLinkedQueue<>();
  private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
  private volatile boolean closed;

  RpcSwarm(InetSocketAddress server, int connections) throws IOException {
    this.server = server;
    this.hostHeader = server.getHostString() + ":" + server.getPort();
    this.selector = Selector.open();
    for (int i = 0; i < connections; i++) {
      conns.add(new Conn());
    }
    this.thread = new Thread(this::loop, "rpc-swarm");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Sends {@code POST path} with {@code body} as {@code credentials}' client; any thread. */
  void post(
      Credentials credentials,
      String path,
      String contentType,
      String extraHeaderLines,
      byte[] body,
      Callback callback) {
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: "
            + hostHeader
            + "\r\n"
            + credentials.headerLines()
            + extraHeaderLines
            + "Content-Type: "
            + contentType
            + "\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
    System.arraycopy(body, 0, bytes, headBytes.length, body.length);
    submitted.add(new Request(bytes, callback));
    selector.wakeup();
  }

  private void loop() {
    try {
      for (Conn conn : conns) {
        conn.open();
      }
      while (!closed) {
        Request next;
        while ((next = submitted.poll()) != null) {
          leastBusy().send(next);
        }
        selector.select(100);
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
            }
            if (key.isValid() && key.isWritable()) {
              conn.flush();
            }
            if (key.isValid() && key.isReadable()) {
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
      for (Conn conn : conns) {
        conn.fail("closed");
      }
      Request left;
      while ((left = submitted.poll()) != null) {
        left.callback().failed("closed");
      }
      try {
        selector.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  private Conn leastBusy() throws IOException {
    Conn best = null;
    for (int i = 0; i < conns.size(); i++) {
      Conn conn = conns.get(i);
      if (conn.failed) {
        conn = new Conn(); // replace a connection the server closed
        conns.set(i, conn);
        conn.open();
      }
      if (best == null || conn.outstanding.size() < best.outstanding.size()) {
        best = conn;
        if (best.outstanding.isEmpty()) {
          break;
        }
      }
    }
    return best;
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

  /** One keep-alive connection with its requests in flight, oldest first. */
  private final class Conn implements HttpResponseReader.BodySink {
    final ArrayDeque<Callback> outstanding = new ArrayDeque<>();
    final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    final HttpResponseReader reader = new HttpResponseReader();
    final ByteArrayOutputStream body = new ByteArrayOutputStream(512);
    SocketChannel channel;
    SelectionKey key;
    boolean connected;
    boolean failed;

    void open() throws IOException {
      channel = SocketChannel.open();
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      boolean now = channel.connect(server);
      key = channel.register(selector, now ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
      connected = now;
    }

    void connected() throws IOException {
      if (!channel.finishConnect()) {
        return;
      }
      connected = true;
      flush();
    }

    void send(Request request) throws IOException {
      outstanding.add(request.callback());
      out.add(ByteBuffer.wrap(request.bytes()));
      if (connected && out.size() == 1) {
        flush();
      }
    }

    void flush() throws IOException {
      while (!out.isEmpty()) {
        ByteBuffer next = out.peek();
        channel.write(next);
        if (next.hasRemaining()) {
          key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
          return;
        }
        out.poll();
      }
      key.interestOps(SelectionKey.OP_READ);
    }

    void read() throws IOException {
      readBuffer.clear();
      int n = channel.read(readBuffer);
      if (n < 0) {
        fail("connection closed by the server");
        return;
      }
      byte[] bytes = readBuffer.array();
      int offset = 0;
      while (offset < n && !failed) {
        offset += reader.feed(bytes, offset, n - offset, this);
        if (reader.isDone()) {
          Callback callback = outstanding.poll();
          byte[] received = body.toByteArray();
          int status = reader.status();
          body.reset();
          reader.reset();
          if (callback == null) {
            throw new IllegalStateException("a response nobody asked for");
          }
          callback.response(status, received);
        }
      }
    }

    @Override
    public void body(byte[] bytes, int offset, int length) {
      body.write(bytes, offset, length);
    }

    void fail(String reason) {
      if (failed) {
        return;
      }
      failed = true;
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
      Callback callback;
      while ((callback = outstanding.poll()) != null) {
        callback.failed(reason);
      }
    }
  }
}
