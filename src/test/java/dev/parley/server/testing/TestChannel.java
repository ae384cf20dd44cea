package dev.parley.server.testing;

import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.wire.ChannelArray;
import dev.parley.wire.ChannelCodec;
import dev.parley.wire.ChannelSession;
import dev.parley.wire.ChunkParser;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A push channel opened the way hangups opens one: new session, long polls in a loop, subscribe to
 * babel and presence on every client id. Collects every StateUpdate in arrival order.
 */
public final class TestChannel implements AutoCloseable {
  private final HangoutsTestClient client;
  private final ChannelSession session;
  private final LinkedBlockingQueue<StateUpdate> updates = new LinkedBlockingQueue<>();
  private final List<StateUpdate> seen = new ArrayList<>();
  private final Thread reader;
  private volatile boolean closed;
  private volatile String clientId;
  private final java.util.concurrent.CountDownLatch subscribed =
      new java.util.concurrent.CountDownLatch(1);

  private TestChannel(HangoutsTestClient client, ChannelSession session) {
    this.client = client;
    this.session = session;
    this.reader = new Thread(this::pollLoop, "test-channel-" + session.sid());
    this.reader.setDaemon(true);
  }

  static TestChannel open(HangoutsTestClient client) {
    HttpResponse<byte[]> response =
        client.send(
            client
                .authorized(
                    HttpRequest.newBuilder(
                        URI.create(bindUrl(client, "VER=8&RID=81188&ctype=hangouts"))))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("count=0&ofs=0"))
                .build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("new channel session: HTTP " + response.statusCode());
    }
    List<String> payloads = new ChunkParser().feed(response.body());
    try {
      TestChannel channel =
          new TestChannel(client, ChannelCodec.parseSessionResponse(payloads.get(0)));
      channel.reader.start();
      channel.awaitSubscribed(Duration.ofSeconds(10));
      return channel;
    } catch (Exception e) {
      throw new IllegalStateException("bad session response", e);
    }
  }

  private static String bindUrl(HangoutsTestClient client, String query) {
    return client.baseUrl() + "/client-channel/channel/bind?" + query;
  }

  public String clientId() {
    return clientId;
  }

  private void pollLoop() {
    while (!closed) {
      String query =
          "VER=8&gsessionid="
              + enc(session.gsessionId())
              + "&RID=rpc&t=1&SID="
              + enc(session.sid())
              + "&CI=0&ctype=hangouts&TYPE=xmlhttp";
      try {
        HttpResponse<InputStream> response =
            client
                .http()
                .send(
                    client
                        .authorized(HttpRequest.newBuilder(URI.create(bindUrl(client, query))))
                        .timeout(Duration.ofMinutes(10))
                        .GET()
                        .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
          response.body().close();
          return;
        }
        ChunkParser parser = new ChunkParser();
        try (InputStream in = response.body()) {
          byte[] buffer = new byte[8192];
          int n;
          while (!closed && (n = in.read(buffer)) != -1) {
            for (String payload : parser.feed(buffer, 0, n)) {
              for (ChannelArray array : ChannelCodec.parseArrays(payload)) {
                array.clientId().ifPresent(this::onClientId);
                array.batchUpdate().ifPresent(batch -> updates.addAll(batch.getStateUpdateList()));
              }
            }
          }
        }
      } catch (Exception e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void onClientId(String id) {
    clientId = id;
    client.setClientId(id);
    String form =
        "count=2&ofs=0&req0_p="
            + enc(ChannelCodec.buildServiceSubscription(ChannelCodec.SERVICE_BABEL))
            + "&req1_p="
            + enc(ChannelCodec.buildServiceSubscription(ChannelCodec.SERVICE_PRESENCE));
    HttpResponse<byte[]> response =
        client.send(
            client
                .authorized(
                    HttpRequest.newBuilder(
                        URI.create(
                            bindUrl(
                                client,
                                "VER=8&RID=81188&ctype=hangouts&gsessionid="
                                    + enc(session.gsessionId())
                                    + "&SID="
                                    + enc(session.sid())))))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    if (response.statusCode() == 200) {
      subscribed.countDown();
    }
  }

  private void awaitSubscribed(Duration timeout) throws InterruptedException {
    if (!subscribed.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("channel never got a client id");
    }
  }

  /** The next update that matches, waiting up to {@code timeout}; earlier ones stay seen. */
  public StateUpdate await(Predicate<StateUpdate> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (StateUpdate update : seen) {
      if (condition.test(update)) {
        seen.remove(update);
        return update;
      }
    }
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        StateUpdate update = left > 0 ? updates.poll(left, TimeUnit.NANOSECONDS) : null;
        if (update == null) {
          throw new AssertionError("no matching state update within " + timeout + "; saw " + seen);
        }
        if (condition.test(update)) {
          return update;
        }
        seen.add(update);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Everything received so far and not yet matched by {@link #await}. */
  public List<StateUpdate> drain() {
    List<StateUpdate> all = new ArrayList<>(seen);
    seen.clear();
    updates.drainTo(all);
    return all;
  }

  @Override
  public void close() {
    closed = true;
    reader.interrupt();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
