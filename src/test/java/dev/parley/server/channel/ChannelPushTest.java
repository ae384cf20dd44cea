package dev.parley.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.proto.Hangouts.ActiveClientState;
import dev.parley.proto.Hangouts.ConversationId;
import dev.parley.proto.Hangouts.SetTypingNotification;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.StateUpdateHeader;
import dev.parley.wire.ChannelArray;
import dev.parley.wire.ChannelCodec;
import dev.parley.wire.ChannelSession;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pushing state updates through real long polls. */
class ChannelPushTest {
  private static final String ALICE = "2001";
  private static final String BOB = "2002";

  private ChannelTestServer server;
  private final List<AutoCloseable> resources = new ArrayList<>();

  private ChannelTestServer start(ChannelConfig config) throws Exception {
    server = new ChannelTestServer(config);
    return server;
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable resource : resources) {
      resource.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** A distinguishable update: a typing notification in conversation {@code tag}. */
  private static StateUpdate update(String tag) {
    return StateUpdate.newBuilder()
        .setStateUpdateHeader(StateUpdateHeader.newBuilder().setRequestTraceId("trace-" + tag))
        .setTypingNotification(
            SetTypingNotification.newBuilder()
                .setConversationId(ConversationId.newBuilder().setId(tag)))
        .build();
  }

  private static String tagOf(StateUpdate update) {
    return update.getTypingNotification().getConversationId().getId();
  }

  /** A session subscribed to {@code services} with an open long poll past its client id. */
  private Connected connect(String account, String... services) throws Exception {
    ChannelSession session = RawHttp.newSession(server.port(), account);
    assertThat(RawHttp.subscribe(server.port(), account, session, services).status())
        .isEqualTo(200);
    RecordingLongPollClient poll = RecordingLongPollClient.open(server.port(), account, session);
    resources.add(poll);
    String clientId = poll.nextClientId();
    return new Connected(session, clientId, poll);
  }

  private record Connected(ChannelSession session, String clientId, RecordingLongPollClient poll) {}

  @Test
  void aPushReachesEverySessionOfTheAccountExceptTheExcludedOne() throws Exception {
    start(ChannelTestServer.fastConfig());
    Connected laptop = connect(ALICE, ChannelCodec.SERVICE_BABEL);
    Connected phone = connect(ALICE, ChannelCodec.SERVICE_BABEL);
    Connected bob = connect(BOB, ChannelCodec.SERVICE_BABEL);

    server.hub().push(ALICE, update("typed-on-laptop"), laptop.clientId());
    server.hub().push(ALICE, update("for-everyone"), null);
    server.hub().push(BOB, update("for-bob"), null);

    assertThat(tagOf(phone.poll().nextUpdate())).isEqualTo("typed-on-laptop");
    assertThat(tagOf(phone.poll().nextUpdate())).isEqualTo("for-everyone");
    assertThat(tagOf(laptop.poll().nextUpdate())).isEqualTo("for-everyone");
    assertThat(tagOf(bob.poll().nextUpdate())).isEqualTo("for-bob");
  }

  @Test
  void eachReceivingSessionGetsItsOwnActiveClientStateAndTheServerTime() throws Exception {
    start(ChannelTestServer.fastConfig());
    Connected active = connect(ALICE, ChannelCodec.SERVICE_BABEL);
    Connected other = connect(ALICE, ChannelCodec.SERVICE_BABEL);
    Connected bob = connect(BOB, ChannelCodec.SERVICE_BABEL);
    server.hub().setActiveClient(ALICE, active.clientId(), 120);
    long before = dev.parley.server.TimeSource.SYSTEM.nowMicros();

    server.hub().push(ALICE, update("a"), null);
    server.hub().push(BOB, update("b"), null);

    StateUpdate toActive = active.poll().nextUpdate();
    StateUpdate toOther = other.poll().nextUpdate();
    StateUpdate toBob = bob.poll().nextUpdate();
    assertThat(toActive.getStateUpdateHeader().getActiveClientState())
        .isEqualTo(ActiveClientState.ACTIVE_CLIENT_STATE_IS_ACTIVE);
    assertThat(toOther.getStateUpdateHeader().getActiveClientState())
        .isEqualTo(ActiveClientState.ACTIVE_CLIENT_STATE_OTHER_ACTIVE);
    assertThat(toBob.getStateUpdateHeader().getActiveClientState())
        .isEqualTo(ActiveClientState.ACTIVE_CLIENT_STATE_NO_ACTIVE);
    assertThat(toActive.getStateUpdateHeader().getCurrentServerTime())
        .isGreaterThanOrEqualTo(before);
    assertThat(toActive.getStateUpdateHeader().getRequestTraceId()).isEqualTo("trace-a");
    assertThat(tagOf(toOther)).isEqualTo("a");
  }

  @Test
  void onlySubscribedSessionsReceiveChatOrPresenceUpdates() throws Exception {
    start(ChannelTestServer.fastConfig());
    Connected chatOnly = connect(ALICE, ChannelCodec.SERVICE_BABEL);
    Connected presenceOnly = connect(ALICE, ChannelCodec.SERVICE_PRESENCE);

    server.hub().push(ALICE, update("chat"), null);
    server.hub().pushPresence(ALICE, update("presence"));
    server.hub().push(ALICE, update("chat-2"), null);

    assertThat(tagOf(chatOnly.poll().nextUpdate())).isEqualTo("chat");
    assertThat(tagOf(chatOnly.poll().nextUpdate())).isEqualTo("chat-2");
    assertThat(tagOf(presenceOnly.poll().nextUpdate())).isEqualTo("presence");
  }

  @Test
  void updatesQueuedWhileNoLongPollIsOpenArriveInOrderWithConsecutiveArrayIds() throws Exception {
    start(ChannelTestServer.fastConfig());
    ChannelSession session = RawHttp.newSession(server.port(), ALICE);
    RawHttp.subscribe(server.port(), ALICE, session, ChannelCodec.SERVICE_BABEL);

    for (int i = 0; i < 5; i++) {
      server.hub().push(ALICE, update("queued-" + i), null);
    }
    RecordingLongPollClient poll = RecordingLongPollClient.open(server.port(), ALICE, session);
    resources.add(poll);

    ChannelArray hello = poll.next();
    assertThat(hello.clientId()).isPresent();
    long expectedId = hello.arrayId() + 1;
    for (int i = 0; i < 5; i++) {
      ChannelArray array = poll.next();
      assertThat(array.arrayId()).isEqualTo(expectedId++);
      assertThat(tagOf(array.batchUpdate().orElseThrow().getStateUpdate(0)))
          .isEqualTo("queued-" + i);
    }
    assertThat(poll.payloads()).as("client id chunk, then the queue in one chunk").hasSize(2);
  }

  @Test
  void aQueueOverflowExpiresTheSessionSoTheClientGetsUnknownSid() throws Exception {
    start(ChannelTestServer.fastConfig().withQueueBounds(3, 4L * 1024 * 1024));
    ChannelSession session = RawHttp.newSession(server.port(), ALICE);
    RawHttp.subscribe(server.port(), ALICE, session, ChannelCodec.SERVICE_BABEL);

    for (int i = 0; i < 4; i++) {
      server.hub().push(ALICE, update("overflow-" + i), null);
    }
    RawHttp.Reply poll =
        RawHttp.exchange(server.port(), "GET", RawHttp.longPollTarget(session), ALICE, null);

    assertThat(poll.statusLine()).isEqualTo("HTTP/1.1 400 Unknown SID");
    assertThat(server.hub().sessionCount(ALICE)).isZero();
  }

  @Test
  void aQueueOverflowByBytesAlsoExpiresTheSession() throws Exception {
    start(ChannelTestServer.fastConfig().withQueueBounds(5_000, 2_000));
    ChannelSession session = RawHttp.newSession(server.port(), ALICE);
    RawHttp.subscribe(server.port(), ALICE, session, ChannelCodec.SERVICE_BABEL);

    server.hub().push(ALICE, update("x".repeat(3_000)), null);

    RawHttp.Reply poll =
        RawHttp.exchange(server.port(), "GET", RawHttp.longPollTarget(session), ALICE, null);
    assertThat(poll.statusLine()).isEqualTo("HTTP/1.1 400 Unknown SID");
  }

  @Test
  void aClientThatNeverReadsDoesNotHoldUpPushesToOthers() throws Exception {
    start(ChannelTestServer.fastConfig().withQueueBounds(5_000, 256 * 1024));
    ChannelSession slowSession = RawHttp.newSession(server.port(), ALICE);
    RawHttp.subscribe(server.port(), ALICE, slowSession, ChannelCodec.SERVICE_BABEL);
    Socket slow = new Socket();
    slow.setReceiveBufferSize(4096);
    slow.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
    resources.add(slow);
    OutputStream out = slow.getOutputStream();
    out.write(
        ("GET "
                + RawHttp.longPollTarget(slowSession)
                + " HTTP/1.1\r\nHost: x\r\n"
                + ChannelTestServer.ACCOUNT_HEADER
                + ": "
                + ALICE
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    Await.until("the slow client's long poll is open", () -> server.hub().isReachable(ALICE));
    Connected reader = connect(ALICE, ChannelCodec.SERVICE_BABEL);

    // 16 MiB in total: far more than the socket buffers and the slow session's queue hold. The
    // pusher pushes one update per permit; the reader takes each before the next permit, so the
    // reader's own queue stays short while the slow session's queue fills up.
    String filler = "y".repeat(32 * 1024);
    int count = 512;
    Semaphore permits = new Semaphore(0);
    BlockingQueue<Throwable> pusherFailures = new LinkedBlockingQueue<>();
    Thread pusher =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < count; i++) {
                  permits.acquire();
                  server.hub().push(ALICE, update(i + ":" + filler), null);
                }
              } catch (Throwable t) {
                pusherFailures.add(t);
              }
            },
            "pusher");
    pusher.setDaemon(true);
    pusher.start();

    for (int i = 0; i < count; i++) {
      permits.release();
      assertThat(tagOf(reader.poll().nextUpdate())).startsWith(i + ":");
    }
    pusher.join(10_000);
    assertThat(pusher.isAlive()).as("the pusher finished").isFalse();
    assertThat(pusherFailures).isEmpty();
    Await.until(
        "the stuck session was expired by its overflowing queue",
        () -> server.hub().findSession(slowSession.sid(), ALICE).isEmpty());
  }

  @Test
  void reachabilityListenersHearAnAccountComeAndGo() throws Exception {
    start(
        ChannelTestServer.fastConfig()
            .withTimings(Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(30)));
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    server
        .hub()
        .addReachabilityListener((account, reachable) -> events.add(account + "=" + reachable));
    ChannelSession session = RawHttp.newSession(server.port(), ALICE);
    assertThat(server.hub().isReachable(ALICE)).isFalse();

    RecordingLongPollClient poll = RecordingLongPollClient.open(server.port(), ALICE, session);
    poll.nextClientId();

    assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo(ALICE + "=true");
    assertThat(server.hub().isReachable(ALICE)).isTrue();

    poll.close();

    assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo(ALICE + "=false");
    assertThat(server.hub().isReachable(ALICE)).isFalse();
  }

  @Test
  void closingTheHubEndsOpenLongPolls() throws Exception {
    start(ChannelTestServer.fastConfig());
    Connected connected = connect(ALICE, ChannelCodec.SERVICE_BABEL);

    server.hub().close();

    assertThat(connected.poll().awaitEnd()).isTrue();
    assertThat(server.hub().sessionCount(ALICE)).isZero();
  }
}
