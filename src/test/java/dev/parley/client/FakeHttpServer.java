package dev.parley.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A raw-socket HTTP/1.1 server that answers whatever its handler says, byte for byte, and then
 * closes the connection (or, for {@link Reply#hang}, keeps it open and silent). For feeding the
 * client junk no real server would send.
 */
final class FakeHttpServer implements AutoCloseable {
  /** A request as received ({@code body} as UTF-8 text, {@code bytes} as sent). */
  record Received(String method, String target, String body, byte[] bytes, long nanoTime) {
    String path() {
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }

    boolean hasQuery(String parameter) {
      return target.contains("?" + parameter + "=") || target.contains("&" + parameter + "=");
    }
  }

  /**
   * Raw bytes to send; {@code hang} keeps the connection open afterwards. With {@code release},
   * {@code rest} follows once it is counted down; not within {@value #RELEASE_WAIT_SECONDS} s, and
   * the connection closes without it.
   */
  record Reply(byte[] bytes, boolean hang, CountDownLatch release, byte[] rest) {
    Reply(byte[] bytes, boolean hang) {
      this(bytes, hang, null, null);
    }

    /** {@code first}, then {@code rest} once {@code release} is counted down, then close. */
    static Reply inTwoParts(byte[] first, CountDownLatch release, byte[] rest) {
      return new Reply(first, false, release, rest);
    }

    static Reply raw(String text) {
      return new Reply(text.getBytes(StandardCharsets.UTF_8), false);
    }

    static Reply status(int code, String reason, String body) {
      return raw(
          "HTTP/1.1 "
              + code
              + " "
              + reason
              + "\r\nContent-Length: "
              + body.getBytes(StandardCharsets.UTF_8).length
              + "\r\nConnection: close\r\n\r\n"
              + body);
    }

    static Reply ok(String body) {
      return status(200, "OK", body);
    }

    /** 200 with a body read until the connection closes (no length). */
    static Reply okUntilClose(String body) {
      return raw("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + body);
    }

    /** 200 that promises more bytes than it sends. */
    static Reply truncated(String body) {
      return raw(
          "HTTP/1.1 200 OK\r\nContent-Length: "
              + (body.length() + 1000)
              + "\r\nConnection: close\r\n\r\n"
              + body);
    }

    /** 200 whose body starts and then goes silent with the connection open. */
    static Reply hang(String body) {
      return new Reply(
          ("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8),
          true);
    }
  }

  static final long RELEASE_WAIT_SECONDS = 10;

  private final ServerSocket listener;
  private final Function<Received, Reply> handler;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  FakeHttpServer(Function<Received, Reply> handler) throws IOException {
    this.handler = handler;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "fake-http");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String url() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket socket = listener.accept();
        open.add(socket);
        Thread thread = new Thread(() -> serve(socket), "fake-http-conn");
        thread.setDaemon(true);
        thread.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    boolean keep = false;
    try {
      InputStream in = socket.getInputStream();
      String head = readHead(in);
      if (head == null) {
        return;
      }
      String[] lines = head.split("\r\n");
      String[] requestLine = lines[0].split(" ");
      int length = 0;
      for (String line : lines) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).strip());
        }
      }
      byte[] body = in.readNBytes(length);
      Received request =
          new Received(
              requestLine[0],
              requestLine[1],
              new String(body, StandardCharsets.UTF_8),
              body,
              System.nanoTime());
      received.add(request);
      Reply reply = handler.apply(request);
      OutputStream out = socket.getOutputStream();
      out.write(reply.bytes());
      out.flush();
      if (reply.release() != null
          && reply.release().await(RELEASE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        out.write(reply.rest());
        out.flush();
      }
      keep = reply.hang();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      // a client that went away
    } finally {
      if (!keep) {
        close(socket);
      }
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
      if (matched == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  private void close(Socket socket) {
    open.remove(socket);
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    listener.close();
    for (Socket socket : open) {
      close(socket);
    }
  }
}
