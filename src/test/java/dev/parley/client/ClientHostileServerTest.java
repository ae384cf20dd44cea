package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.client.FakeHttpServer.Received;
import dev.parley.client.FakeHttpServer.Reply;
import dev.parley.proto.Hangouts.GetSelfInfoRequest;
import dev.parley.proto.Hangouts.GetSelfInfoResponse;
import dev.parley.proto.Hangouts.RenameConversationRequest;
import dev.parley.proto.Hangouts.ResponseHeader;
import dev.parley.proto.Hangouts.ResponseStatus;
import dev.parley.wire.ChannelCodec;
import dev.parley.wire.ChunkWriter;
import dev.parley.wire.RpcCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A server that answers junk: the client must survive, report it typed, and keep trying. */
class ClientHostileServerTest {
  private static final Cookies COOKIES = FakeChannelFixture.COOKIES;
  private static final String SESSION = FakeChannelFixture.SESSION;
  private static final String CLIENT_ID = FakeChannelFixture.CLIENT_ID;

  private FakeHttpServer server;
  private Thread connectThread;
  private Client client;

  @AfterEach
  void stop() throws Exception {
    FakeChannelFixture.stop(client, connectThread, server);
  }

  @Test
  void junkFromTheChannelNeverStopsTheClientAndTheBackoffGrows() throws Exception {
    AtomicInteger polls = new AtomicInteger();
    server =
        new FakeHttpServer(
            request -> {
              if (request.path().endsWith("/bind") && request.method().equals("POST")) {
                return request.hasQuery("SID") ? Reply.ok("") : Reply.ok(SESSION);
              }
              if (request.path().endsWith("/bind")) {
                return poll(polls.getAndIncrement());
              }
              return Reply.ok("!!! not base64 !!!");
            });
    record Seen(ConnectionState state, Instant at) {}
    List<Seen> seen = new ArrayList<>();
    client =
        new Client(
            ClientOptions.builder(server.url(), COOKIES)
                .reconnectBackoff(
                    new BackoffPolicy(Duration.ofMillis(50), Duration.ofMillis(400), 0))
                .retryPolicy(RetryPolicy.NONE)
                .channelReadTimeout(Duration.ofMillis(300))
                .build());
    RecordingObserver<ConnectionState> reconnecting =
        RecordingObserver.on(
            client.onConnectionState(), s -> s.kind() == ConnectionState.Kind.RECONNECTING);
    client
        .onConnectionState()
        .addObserver(
            s -> {
              synchronized (seen) {
                seen.add(new Seen(s, Instant.now()));
              }
            });
    connectThread = new Thread(client::connect, "connect");
    connectThread.start();

    List<String> reasons = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      reasons.add(reconnecting.takeNext().reason());
    }

    assertThat(connectThread.isAlive()).isTrue();
    assertThat(client.connectionState().kind()).isEqualTo(ConnectionState.Kind.RECONNECTING);
    assertThat(String.join("\n", reasons))
        .contains("not a frame")
        .contains("HTTP 500")
        .contains("malformed data")
        .contains("Unknown SID")
        .contains("without a client id")
        .contains("catching up failed")
        .containsIgnoringCase("timeout");
    List<Duration> delays = new ArrayList<>();
    synchronized (seen) {
      for (Seen s : seen) {
        if (s.state().kind() == ConnectionState.Kind.RECONNECTING) {
          delays.add(Duration.between(s.at(), s.state().nextAttempt()));
        }
      }
    }
    assertThat(delays.get(0)).isLessThan(Duration.ofMillis(60));
    assertThat(delays.get(delays.size() - 1)).isGreaterThan(Duration.ofMillis(300));
    assertThat(delays).allMatch(d -> d.compareTo(Duration.ofMillis(401)) < 0);
    long sessions =
        server.received().stream()
            .filter(r -> r.method().equals("POST") && r.path().endsWith("/bind"))
            .filter(r -> !r.hasQuery("SID"))
            .count();
    assertThat(sessions).as("a new session only after Unknown SID").isEqualTo(2);
  }

  /** What the n-th long poll gets. */
  private static Reply poll(int n) {
    return switch (n) {
      case 0 -> Reply.okUntilClose("garbage!!\n");
      case 1 -> Reply.status(500, "Internal Server Error", "oops");
      case 2 -> Reply.truncated(CLIENT_ID.substring(0, 10));
      case 3 -> Reply.okUntilClose(ChunkWriter.frame("[[1,[\"not an object\"]]]"));
      case 4 -> Reply.status(400, "Unknown SID", "Unknown SID");
      case 5 ->
          Reply.okUntilClose(
              ChunkWriter.frame(
                  ChannelCodec.buildWrapperArray(
                      2,
                      "{\"2\": {\"1\": {\"1\": \"babel\"}, \"2\": \"[\\\"cbu\\\", [[5, \\\"x\\\", {}]]]\"}}")));
      case 6 -> Reply.hang(CLIENT_ID); // then the catch-up answer is junk
      case 7 -> Reply.hang(ChunkWriter.frame(ChannelCodec.buildNoopArray(3))); // then silence
      default -> Reply.status(502, "Bad Gateway", "");
    };
  }

  @Test
  void failedRpcsAreTypedByWhatTheServerSaid() throws Exception {
    AtomicReference<Function<Received, Reply>> answer = new AtomicReference<>();
    server = new FakeHttpServer(request -> answer.get().apply(request));
    client =
        new Client(
            ClientOptions.builder(server.url(), COOKIES).retryPolicy(RetryPolicy.NONE).build());

    answer.set(r -> Reply.status(401, "Unauthorized", "not signed in"));
    assertThat(failureOfSelfInfo()).isInstanceOf(AuthenticationException.class);

    answer.set(
        r -> Reply.raw("HTTP/1.1 429 Too Many\r\nRetry-After: 7\r\nContent-Length: 0\r\n\r\n"));
    assertThat(failureOfSelfInfo())
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));

    answer.set(r -> Reply.status(413, "Payload Too Large", "too big"));
    assertThat(failureOfSelfInfo()).isInstanceOf(RequestRefusedException.class);

    answer.set(r -> Reply.status(500, "Internal Server Error", "oops"));
    assertThat(failureOfSelfInfo()).isInstanceOf(NetworkException.class);

    answer.set(r -> Reply.ok("!!! not base64 !!!"));
    assertThat(failureOfSelfInfo()).isInstanceOf(NetworkException.class);

    answer.set(r -> Reply.ok("//79/Q=="));
    assertThat(failureOfSelfInfo()).isInstanceOf(NetworkException.class);

    answer.set(r -> Reply.truncated(RpcCodec.encodeBase64Proto(ok())));
    assertThat(failureOfSelfInfo()).isInstanceOf(NetworkException.class);

    answer.set(
        r ->
            Reply.ok(
                RpcCodec.encodeBase64Proto(
                    withStatus(
                        ResponseStatus.RESPONSE_STATUS_INVALID_REQUEST, "not a participant"))));
    assertThat(failureOfSelfInfo())
        .isInstanceOf(RequestRefusedException.class)
        .hasMessage("not a participant");

    answer.set(
        r ->
            Reply.ok(
                RpcCodec.encodeBase64Proto(
                    withStatus(ResponseStatus.RESPONSE_STATUS_UNEXPECTED_ERROR, "internal"))));
    assertThat(failureOfSelfInfo()).isInstanceOf(NetworkException.class);

    answer.set(r -> Reply.ok(RpcCodec.encodeBase64Proto(ok())));
    String thread =
        client
            .getSelfInfo(GetSelfInfoRequest.getDefaultInstance())
            .thenApply(response -> Thread.currentThread().getName())
            .get(10, TimeUnit.SECONDS);
    assertThat(thread).startsWith("parley-callback");
  }

  @Test
  void safeCallsAreRetriedAfterServerFaultsAndOthersAreNot() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server =
        new FakeHttpServer(
            request -> {
              int n = calls.incrementAndGet();
              return n % 3 == 0
                  ? Reply.ok(RpcCodec.encodeBase64Proto(ok()))
                  : Reply.status(503, "Unavailable", "");
            });
    client =
        new Client(
            ClientOptions.builder(server.url(), COOKIES)
                .retryPolicy(
                    new RetryPolicy(
                        3, new BackoffPolicy(Duration.ofMillis(10), Duration.ofMillis(20), 0)))
                .build());

    client.getSelfInfo(GetSelfInfoRequest.getDefaultInstance()).get(10, TimeUnit.SECONDS);
    assertThat(calls).hasValue(3);

    calls.set(0);
    assertThatThrownBy(
            () ->
                client
                    .renameConversation(
                        RenameConversationRequest.newBuilder().setNewName("x").build())
                    .get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(NetworkException.class);
    assertThat(calls).hasValue(1);
    assertThat(server.received()).hasSize(4);
  }

  private Throwable failureOfSelfInfo() throws Exception {
    try {
      client.getSelfInfo(GetSelfInfoRequest.getDefaultInstance()).get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("the call succeeded");
  }

  private static GetSelfInfoResponse ok() {
    return withStatus(ResponseStatus.RESPONSE_STATUS_OK, null);
  }

  private static GetSelfInfoResponse withStatus(ResponseStatus status, String description) {
    ResponseHeader.Builder header =
        ResponseHeader.newBuilder().setStatus(status).setCurrentServerTime(1);
    if (description != null) {
      header.setErrorDescription(description);
    }
    return GetSelfInfoResponse.newBuilder().setResponseHeader(header).build();
  }
}
