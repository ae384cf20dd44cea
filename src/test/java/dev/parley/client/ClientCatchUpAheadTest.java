package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.FakeHttpServer.Received;
import dev.parley.client.FakeHttpServer.Reply;
import dev.parley.proto.Hangouts.Conversation;
import dev.parley.proto.Hangouts.ConversationId;
import dev.parley.proto.Hangouts.ConversationState;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.ResponseHeader;
import dev.parley.proto.Hangouts.ResponseStatus;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.SyncAllNewEventsRequest;
import dev.parley.proto.Hangouts.SyncAllNewEventsResponse;
import dev.parley.wire.ProtoFixtures;
import dev.parley.wire.RpcCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A catch-up of several pages asks for the next page as soon as the previous one's first bytes say
 * where it starts, while the rest of that page is still arriving; observers still get every event
 * once, page after page, in order.
 */
class ClientCatchUpAheadTest {
  private static final Cookies COOKIES = FakeChannelFixture.COOKIES;
  private static final String SESSION = FakeChannelFixture.SESSION;
  private static final String CLIENT_ID = FakeChannelFixture.CLIENT_ID;
  private static final long NOW = 5_000;

  private FakeHttpServer server;
  private Thread connectThread;
  private Client client;

  @AfterEach
  void stop() throws Exception {
    FakeChannelFixture.stop(client, connectThread, server);
  }

  @Test
  void theNextPageIsAskedForWhileThePreviousIsStillArrivingAndPagesAreDispatchedInOrder()
      throws Exception {
    SyncAllNewEventsResponse first = page(2_000, event("e1", 1_500), event("e2", 2_000));
    SyncAllNewEventsResponse second = page(NOW, event("e3", 3_000));
    byte[] firstBody = first.toByteArray();
    int cut = 80; // the header and the sync timestamp, and a little of the conversation
    CountDownLatch restOfFirst = new CountDownLatch(1);
    AtomicBoolean askedAhead = new AtomicBoolean();
    server =
        new FakeHttpServer(
            request -> {
              if (request.path().endsWith("/bind") && request.method().equals("POST")) {
                return request.hasQuery("SID") ? Reply.ok("") : Reply.ok(SESSION);
              }
              if (request.path().endsWith("/bind")) {
                return Reply.hang(CLIENT_ID);
              }
              long since = since(request);
              if (since == 1_000) {
                return Reply.inTwoParts(
                    concat(head(firstBody.length), Arrays.copyOf(firstBody, cut)),
                    restOfFirst,
                    Arrays.copyOfRange(firstBody, cut, firstBody.length));
              }
              if (since == 2_000) {
                askedAhead.set(restOfFirst.getCount() == 1);
                restOfFirst.countDown();
                return new Reply(
                    concat(head(second.getSerializedSize()), second.toByteArray()), false);
              }
              return Reply.status(500, "Internal Server Error", "unexpected since " + since);
            });
    client =
        new Client(
            ClientOptions.builder(server.url(), COOKIES).retryPolicy(RetryPolicy.NONE).build());
    RecordingObserver<StateUpdate> updates =
        RecordingObserver.on(client.onStateUpdate(), StateUpdate::hasEventNotification);
    client.setSyncTimestamp(1_000);

    connectThread = new Thread(client::connect, "connect");
    connectThread.start();

    for (String id : List.of("e1", "e2", "e3")) {
      StateUpdate update = updates.takeNext();
      assertThat(update.getEventNotification().getEvent().getEventId()).isEqualTo(id);
      assertThat(update.getConversation().getConversationId().getId()).isEqualTo("UgA");
    }
    updates.assertExhausted(Duration.ofMillis(300));
    assertThat(askedAhead).as("page 2 asked for before page 1 had fully arrived").isTrue();
    assertThat(client.syncTimestamp()).isEqualTo(NOW);
    assertThat(server.received().stream().filter(r -> r.path().endsWith("/syncallnewevents")))
        .as("each page asked for once")
        .hasSize(2);
  }

  private static long since(Received request) {
    try {
      return RpcCodec.decodeProto(request.bytes(), SyncAllNewEventsRequest.getDefaultInstance())
          .getLastSyncTimestamp();
    } catch (Exception e) {
      return -1;
    }
  }

  private static byte[] head(int length) {
    return ("HTTP/1.1 200 OK\r\nContent-Type: "
            + RpcCodec.CONTENT_TYPE_PROTOBUF
            + "\r\nContent-Length: "
            + length
            + "\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static SyncAllNewEventsResponse page(long syncTimestamp, Event... events) {
    return SyncAllNewEventsResponse.newBuilder()
        .setResponseHeader(
            ResponseHeader.newBuilder()
                .setStatus(ResponseStatus.RESPONSE_STATUS_OK)
                .setCurrentServerTime(NOW))
        .setSyncTimestamp(syncTimestamp)
        .addConversationState(
            ConversationState.newBuilder()
                .setConversationId(ConversationId.newBuilder().setId("UgA"))
                .setConversation(
                    Conversation.newBuilder()
                        .setConversationId(ConversationId.newBuilder().setId("UgA"))
                        .setName("x".repeat(200)))
                .addAllEvent(List.of(events)))
        .build();
  }

  private static Event event(String id, long timestamp) {
    return ProtoFixtures.textEvent("UgA", id, timestamp, "message " + id);
  }
}
