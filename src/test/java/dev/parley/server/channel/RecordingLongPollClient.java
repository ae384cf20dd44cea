package dev.parley.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.wire.ChannelArray;
import dev.parley.wire.ChannelCodec;
import dev.parley.wire.ChannelSession;
import dev.parley.wire.ChunkParser;
import dev.parley.wire.MalformedChannelDataException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A long poll over a raw socket: a reader thread decodes the chunked HTTP body, frames it with
 * {@link ChunkParser}, parses each payload with {@link ChannelCodec#parseArrays} and records every
 * array in a queue that the test drains with {@code next...} methods (each waits with a timeout).
 */
final class RecordingLongPollClient implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Socket socket;
  private final Thread reader;
  private final BlockingQueue<ChannelArray> arrays = new LinkedBlockingQueue<>();
  private final List<String> payloads = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final CountDownLatch headersRead = new CountDownLatch(1);
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile String statusLine;
  private volatile Map<String, String> headers;
  private volatile boolean endedNormally;
  private volatile Throwable failure;

  private RecordingLongPollClient(Socket socket) {
    this.socket = socket;
    this.reader = new Thread(this::read, "recording-long-poll");
    this.reader.setDaemon(true);
  }

  static RecordingLongPollClient open(int port, String account, ChannelSession session)
      throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    RecordingLongPollClient client = new RecordingLongPollClient(socket);
    String request =
        "GET "
            + RawHttp.longPollTarget(session)
            + " HTTP/1.1\r\nHost: 0.client-channel.google.com\r\n"
            + ChannelTestServer.ACCOUNT_HEADER
            + ": "
            + account
            + "\r\n\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    client.reader.start();
    return client;
  }

  private void read() {
    try {
      InputStream in = socket.getInputStream();
      statusLine = RawHttp.readLine(in);
      headers = RawHttp.readHeaders(in);
      headersRead.countDown();
      if (!"chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        in.readAllBytes();
        return;
      }
      ChunkParser parser = new ChunkParser();
      byte[] piece;
      while ((piece = RawHttp.readHttpChunk(in)) != null) {
        for (String payload : parser.feed(piece)) {
          payloads.add(payload);
          arrays.addAll(ChannelCodec.parseArrays(payload));
        }
      }
      endedNormally = true;
    } catch (IOException | MalformedChannelDataException | RuntimeException e) {
      failure = e;
    } finally {
      headersRead.countDown();
      ended.countDown();
    }
  }

  String statusLine() throws InterruptedException {
    assertThat(headersRead.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
        .as("status line within %s", WAIT)
        .isTrue();
    return statusLine;
  }

  Map<String, String> headers() throws InterruptedException {
    statusLine();
    return headers;
  }

  /** The next array received, waiting up to ten seconds. */
  ChannelArray next() throws InterruptedException {
    ChannelArray array = arrays.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (array == null) {
      throw new AssertionError(
          "no channel array within " + WAIT + " (ended=" + hasEnded() + ", " + failure + ")");
    }
    return array;
  }

  /** Asserts the next array is the client-id message and returns the client id. */
  String nextClientId() throws InterruptedException {
    ChannelArray array = next();
    assertThat(array.clientId()).as("client id message, got %s", array).isPresent();
    return array.clientId().get();
  }

  /** Asserts the next array is a noop. */
  ChannelArray nextNoop() throws InterruptedException {
    ChannelArray array = next();
    assertThat(array.noop()).as("noop, got %s", array).isTrue();
    return array;
  }

  /** The next array that is not a noop; asserts it carries exactly one state update. */
  StateUpdate nextUpdate() throws InterruptedException {
    ChannelArray array = next();
    while (array.noop()) {
      array = next();
    }
    assertThat(array.batchUpdate()).as("state update batch, got %s", array).isPresent();
    assertThat(array.batchUpdate().get().getStateUpdateList()).hasSize(1);
    return array.batchUpdate().get().getStateUpdate(0);
  }

  /** Payloads (whole frames) received so far. */
  List<String> payloads() {
    return List.copyOf(payloads);
  }

  /** Waits until the response ends; true if it ended with the final chunk (a normal end). */
  boolean awaitEnd() throws InterruptedException {
    assertThat(ended.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
        .as("long poll ended within %s", WAIT)
        .isTrue();
    return endedNormally;
  }

  boolean hasEnded() {
    return ended.getCount() == 0;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    try {
      reader.join(WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
