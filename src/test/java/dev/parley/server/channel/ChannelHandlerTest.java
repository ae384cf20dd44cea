package dev.parley.server.channel;

import static dev.parley.server.channel.RawHttp.BIND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.wire.ChannelArray;
import dev.parley.wire.ChannelCodec;
import dev.parley.wire.ChannelSession;
import dev.parley.wire.ChunkParser;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The channel's HTTP surface, seen from raw sockets against a real Jetty server. */
class ChannelHandlerTest {
  private static final String ALICE = "1001";
  private static final String BOB = "1002";

  private ChannelTestServer server;

  private ChannelTestServer start(ChannelConfig config) throws Exception {
    server = new ChannelTestServer(config);
    return server;
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void newSessionIsOneFramedChunkWithSidAndGsessionid() throws Exception {
    start(ChannelTestServer.fastConfig());

    RawHttp.Reply reply =
        RawHttp.exchange(
            server.port(),
            "POST",
            BIND + "?VER=8&RID=81187&ctype=hangouts",
            ALICE,
            "count=0&ofs=0");

    assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    String body = reply.text();
    int newline = body.indexOf('\n');
    String payload = body.substring(newline + 1);
    assertThat(Integer.parseInt(body.substring(0, newline))).isEqualTo(payload.length());
    assertThat(new ChunkParser().feed(reply.body())).containsExactly(payload);
    ChannelSession session = ChannelCodec.parseSessionResponse(payload);
    assertThat(session.sid()).matches("[0-9A-F]{32}");
    assertThat(session.gsessionId()).hasSizeGreaterThanOrEqualTo(22);
    assertThat(payload).startsWith("[[0,[\"c\",\"" + session.sid() + "\",\"\",8]],[1,[{\"gsid\":");
  }

  @Test
  void newSessionAcceptsCountAloneAsHangupsjsSendsIt() throws Exception {
    start(ChannelTestServer.fastConfig());

    RawHttp.Reply reply =
        RawHttp.exchange(server.port(), "POST", BIND + "?VER=8&RID=1", ALICE, "count=0");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(ChannelCodec.parseSessionResponse(new ChunkParser().feed(reply.body()).get(0)).sid())
        .isNotEmpty();
  }

  @Test
  void longPollSendsTheClientIdFirstThenANoopAfterAQuietInterval() throws Exception {
    start(
        ChannelTestServer.fastConfig()
            .withTimings(Duration.ofMillis(150), Duration.ofSeconds(30), Duration.ofSeconds(30)));
    ChannelSession session = RawHttp.newSession(server.port(), ALICE);

    try (RecordingLongPollClient poll =
        RecordingLongPollClient.open(server.port(), ALICE, session)) {
      assertThat(poll.statusLine()).isEqualTo("HTTP/1.1 200 OK");
      assertThat(poll.headers()).containsEntry("transfer-encoding", "chunked");
      ChannelArray first = poll.next();
      assertThat(first.arrayId()).isEqualTo(2);
      String clientId = first.clientId().orElseThrow();
      assertThat(server.hub().accountOfClientId(clientId)).contains(ALICE);

      ChannelArray noop = poll.nextNoop();
      assertThat(noop.arrayId()).isEqualTo(3);
      assertThat(poll.nextNoop().arrayId()).isEqualTo(4);
      assertThat(poll.payloads().get(0)).startsWith("[[2,[{\"p\":\"{");
      assertThat(poll.payloads().get(1)).isEqualTo("[[3,[\"noop\"]]]");
    }
  }

  @Test
  void unknownSidOnALongPollIsAnsweredWithTheExactStatusLine() throws Exception {
    start(ChannelTestServer.fastConfig());
    ChannelSession bogus = new ChannelSession("0123456789ABCDEF0123456789ABCDEF", "nope");

    String statusLine = rawStatusLine(RawHttp.longPollTarget(bogus), "GET", null);

    assertThat(statusLine).isEqualTo("HTTP/1.1 400 Unknown SID\r\n");
  }

  @Test
  void unknownSidOnASubscribeIsAnsweredWithTheExactStatusLine() throws Exception {
    start(ChannelTestServer.fastConfig());
    ChannelSession bogus = new ChannelSession("0123456789ABCDEF0123456789ABCDEF", "nope");

    String statusLine =
        rawStatusLine(RawHttp.postTarget(bogus), "POST", "count=1&ofs=0&req0_p=%7B%7D");

    assertThat(statusLine).isEqualTo("HTTP/1.1 400 Unknown SID\r\n");
  }

  @Test
  void aSidOfAnotherAccountIsUnknown() throws Exception {
    start(ChannelTestServer.fastConfig());
    ChannelSession alices = RawHttp.newSession(server.port(), ALICE);

    RawHttp.Reply poll =
        RawHttp.exchange(server.port(), "GET", RawHttp.longPollTarget(alices), BOB, null);
    RawHttp.Reply subscribe =
        RawHttp.subscribe(server.port(), BOB, alices, ChannelCodec.SERVICE_BABEL);

    assertThat(poll.statusLine()).isEqualTo("HTTP/1.1 400 Unknown SID");
    assertThat(subscribe.statusLine()).isEqualTo("HTTP/1.1 400 Unknown SID");
  }

  @Test
  void aWrongGsessionidIsUnknown() throws Exception {
    start(ChannelTestServer.fastConfig());
    ChannelSession session = RawHttp.newSession(server.port(), ALICE);
    ChannelSession wrong = new ChannelSession(session.sid(), "other");

    RawHttp.Reply poll =
        RawHttp.exchange(server.port(), "GET", RawHttp.longPollTarget(wrong), ALICE, null);

    assertThat(poll.statusLine()).isEqualTo("HTTP/1.1 400 Unknown SID");
  }

  @Test
  void subscribingIsIdempotentAndAnswers200() throws Exception {
    start(ChannelTestServer.fastConfig());
    ChannelSession session = RawHttp.newSession(server.port(), ALICE);

    RawHttp.Reply first =
        RawHttp.subscribe(
            server.port(),
            ALICE,
            session,
            ChannelCodec.SERVICE_BABEL,
            ChannelCodec.SERVICE_PRESENCE);
    RawHttp.Reply again =
        RawHttp.subscribe(server.port(), ALICE, session, ChannelCodec.SERVICE_BABEL);

    assertThat(first.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    assertThat(again.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    PushSession pushSession = server.hub().findSession(session.sid(), ALICE).orElseThrow();
    assertThat(pushSession.isSubscribed(ChannelCodec.SERVICE_BABEL)).isTrue();
    assertThat(pushSession.isSubscribed(ChannelCodec.SERVICE_PRESENCE)).isTrue();
  }

  @Test
  void subscriptionJsonWithOtherSpacingIsUnderstood() throws Exception {
    start(ChannelTestServer.fastConfig());
    ChannelSession session = RawHttp.newSession(server.port(), ALICE);
    String json = "{\"3\": {\"1\": {\"1\": \"babel\"}}}";

    RawHttp.Reply reply =
        RawHttp.exchange(
            server.port(),
            "POST",
            RawHttp.postTarget(session),
            ALICE,
            "count=1&ofs=0&req0_p=" + java.net.URLEncoder.encode(json, StandardCharsets.UTF_8));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(
            server
                .hub()
                .findSession(session.sid(), ALICE)
                .orElseThrow()
                .isSubscribed(ChannelCodec.SERVICE_BABEL))
        .isTrue();
  }

  @Test
  void aSessionExpiresWhenNoLongPollOpensInTime() throws Exception {
    start(
        ChannelTestServer.fastConfig()
            .withTimings(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(200)));
    ChannelSession session = RawHttp.newSession(server.port(), ALICE);

    Await.until("the idle session expired", () -> server.hub().sessionCount(ALICE) == 0);
    RawHttp.Reply poll =
        RawHttp.exchange(server.port(), "GET", RawHttp.longPollTarget(session), ALICE, null);

    assertThat(poll.statusLine()).isEqualTo("HTTP/1.1 400 Unknown SID");
  }

  @Test
  void aSessionExpiresAfterItsLastLongPollEnded() throws Exception {
    start(
        ChannelTestServer.fastConfig()
            .withTimings(Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofMillis(300)));
    ChannelSession session = RawHttp.newSession(server.port(), ALICE);
    try (RecordingLongPollClient poll =
        RecordingLongPollClient.open(server.port(), ALICE, session)) {
      poll.nextClientId();
      assertThat(poll.awaitEnd()).isTrue();
    }

    Await.until("the session expired", () -> server.hub().sessionCount(ALICE) == 0);
    RawHttp.Reply poll =
        RawHttp.exchange(server.port(), "GET", RawHttp.longPollTarget(session), ALICE, null);

    assertThat(poll.statusLine()).isEqualTo("HTTP/1.1 400 Unknown SID");
  }

  @Test
  void aLongPollEndsNormallyAfterItsMaximumDurationAndTheSessionLivesOn() throws Exception {
    start(
        ChannelTestServer.fastConfig()
            .withTimings(Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofSeconds(30)));
    ChannelSession session = RawHttp.newSession(server.port(), ALICE);

    String firstClientId;
    long lastArrayId;
    try (RecordingLongPollClient first =
        RecordingLongPollClient.open(server.port(), ALICE, session)) {
      ChannelArray hello = first.next();
      firstClientId = hello.clientId().orElseThrow();
      lastArrayId = hello.arrayId();
      assertThat(first.awaitEnd()).as("ended with the last chunk").isTrue();
    }
    try (RecordingLongPollClient second =
        RecordingLongPollClient.open(server.port(), ALICE, session)) {
      ChannelArray hello = second.next();
      assertThat(hello.clientId()).contains(firstClientId);
      assertThat(hello.arrayId()).isEqualTo(lastArrayId + 1);
    }
  }

  @Test
  void aNewLongPollEndsThePreviousOneOfTheSameSession() throws Exception {
    start(ChannelTestServer.fastConfig());
    ChannelSession session = RawHttp.newSession(server.port(), ALICE);

    try (RecordingLongPollClient first =
            RecordingLongPollClient.open(server.port(), ALICE, session);
        RecordingLongPollClient second = openAfter(first, session)) {
      assertThat(first.awaitEnd()).isTrue();
      assertThat(second.hasEnded()).isFalse();
      assertThat(server.hub().isReachable(ALICE)).isTrue();
    }
  }

  private RecordingLongPollClient openAfter(RecordingLongPollClient first, ChannelSession session)
      throws Exception {
    first.nextClientId();
    RecordingLongPollClient second = RecordingLongPollClient.open(server.port(), ALICE, session);
    second.nextClientId();
    return second;
  }

  @Test
  void theSessionLimitPerAccountRefusesWithAClearError() throws Exception {
    start(ChannelTestServer.fastConfig().withSessionLimits(2, 100));
    RawHttp.newSession(server.port(), ALICE);
    RawHttp.newSession(server.port(), ALICE);

    RawHttp.Reply refused =
        RawHttp.exchange(server.port(), "POST", BIND + "?VER=8&RID=1", ALICE, "count=0");
    ChannelSession bobs = RawHttp.newSession(server.port(), BOB);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.text()).contains("too many open channel sessions").contains("at most 2");
    assertThat(bobs.sid()).isNotEmpty();
  }

  @Test
  void theSessionLimitPerAddressCountsEveryAccount() throws Exception {
    start(ChannelTestServer.fastConfig().withSessionLimits(100, 2));
    RawHttp.newSession(server.port(), ALICE);
    RawHttp.newSession(server.port(), BOB);

    RawHttp.Reply refused =
        RawHttp.exchange(server.port(), "POST", BIND + "?VER=8&RID=1", "1003", "count=0");

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.text()).contains("address");
  }

  @Test
  void anOversizedFormBodyIsRefusedWith413() throws Exception {
    start(ChannelTestServer.fastConfig());
    ChannelSession session = RawHttp.newSession(server.port(), ALICE);
    String body = "count=1&ofs=0&req0_p=" + "x".repeat(70 * 1024);

    RawHttp.Reply reply =
        RawHttp.exchange(server.port(), "POST", RawHttp.postTarget(session), ALICE, body);

    assertThat(reply.status()).isEqualTo(413);
  }

  @Test
  void anOversizedChunkedFormBodyIsRefusedWith413() throws Exception {
    start(ChannelTestServer.fastConfig());
    String piece = "x".repeat(16 * 1024);
    StringBuilder request =
        new StringBuilder(
            "POST "
                + BIND
                + "?VER=8&RID=1 HTTP/1.1\r\nHost: x\r\n"
                + ChannelTestServer.ACCOUNT_HEADER
                + ": "
                + ALICE
                + "\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n");
    for (int i = 0; i < 5; i++) {
      request
          .append(Integer.toHexString(piece.length()))
          .append("\r\n")
          .append(piece)
          .append("\r\n");
    }
    request.append("0\r\n\r\n");

    RawHttp.Reply reply = RawHttp.exchange(server.port(), request.toString());

    assertThat(reply.status()).isEqualTo(413);
    assertThat(server.hub().sessionCount(ALICE)).isZero();
  }

  @Test
  void requestsWithoutAnAuthenticatedCallerAreRefusedWith401() throws Exception {
    start(ChannelTestServer.fastConfig());

    RawHttp.Reply reply =
        RawHttp.exchange(server.port(), "POST", BIND + "?VER=8&RID=1", null, "count=0");

    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  void otherMethodsAreRefusedWith405() throws Exception {
    start(ChannelTestServer.fastConfig());

    RawHttp.Reply reply = RawHttp.exchange(server.port(), "PUT", BIND, ALICE, "count=0");

    assertThat(reply.status()).isEqualTo(405);
  }

  @Test
  void anAbsoluteFormRequestLineIsServedLikeAnyOther() throws Exception {
    start(ChannelTestServer.fastConfig());

    RawHttp.Reply reply =
        RawHttp.exchange(
            server.port(),
            "POST",
            "https://0.client-channel.google.com" + BIND + "?VER=8&RID=1&ctype=hangouts",
            ALICE,
            "count=0&ofs=0");

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
  }

  /** Sends a request and returns the first line exactly as its bytes arrived, CRLF included. */
  private String rawStatusLine(String target, String method, String body) throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(RawHttp.request(method, target, ALICE, body).getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] firstLine = new byte["HTTP/1.1 400 Unknown SID\r\n".length()];
      int read = in.readNBytes(firstLine, 0, firstLine.length);
      String line = new String(firstLine, 0, read, StandardCharsets.ISO_8859_1);
      assertThat(RawHttp.readLine(in)).as("a header line follows at once").contains(":");
      return line;
    }
  }
}
