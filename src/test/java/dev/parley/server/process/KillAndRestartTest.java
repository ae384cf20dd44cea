package dev.parley.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.proto.Hangouts.ConversationId;
import dev.parley.proto.Hangouts.ConversationSpec;
import dev.parley.proto.Hangouts.ConversationType;
import dev.parley.proto.Hangouts.CreateConversationRequest;
import dev.parley.proto.Hangouts.CreateConversationResponse;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.GetConversationRequest;
import dev.parley.proto.Hangouts.GetConversationResponse;
import dev.parley.proto.Hangouts.InviteeID;
import dev.parley.proto.Hangouts.ResponseStatus;
import dev.parley.proto.Hangouts.Segment;
import dev.parley.proto.Hangouts.SendChatMessageRequest;
import dev.parley.proto.Hangouts.SendChatMessageResponse;
import dev.parley.server.storage.Account;
import dev.parley.server.testing.ChatMessages;
import dev.parley.server.testing.HangoutsTestClient;
import dev.parley.server.testing.ServerFixture;
import dev.parley.wire.JsonReader;
import dev.parley.wire.RpcCodec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code parley server} as a separate process, sends a burst of chat messages from several
 * threads, kills the server with SIGKILL while requests are in flight, restarts it on the same data
 * and checks what a client was promised: every acknowledged message is stored exactly once, a
 * retried request (same client_generated_id) creates nothing new, event timestamps keep increasing,
 * and sign-in sessions and refresh tokens survive.
 */
class KillAndRestartTest {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final int ACKS_BEFORE_KILL = 150;
  private static final int SENDER_THREADS = 4;
  private static final int SIGKILL_EXIT_STATUS = 128 + 9;

  @TempDir Path tmp;

  private final List<ServerProcess> processes = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();

  @AfterEach
  void killEverything() throws InterruptedException {
    for (Thread thread : threads) {
      thread.interrupt();
    }
    for (ServerProcess process : processes) {
      process.close();
    }
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    }
  }

  /** One sendchatmessage call: who sent it, the exact request, the unique text it carries. */
  private record Sent(
      int sender, SendChatMessageRequest request, String label, boolean beforeKill) {}

  /** A call answered with HTTP 200, status OK and a created event. */
  private record Ack(Sent sent, String eventId, long timestamp) {}

  @Test
  void acknowledgedMessagesSurviveSigkillExactlyOnceAndRetriesDoNotDuplicate() throws Exception {
    Path data = tmp.resolve("data");
    Account alice;
    Account bob;
    try (ServerFixture setup = new ServerFixture(data, null)) {
      alice = setup.createAccount("alice@example.org", "Alice Liddell");
      bob = setup.createAccount("bob@example.org", "Bob Builder");
    }

    ServerProcess first = start();
    HangoutsTestClient[] before = {
      HangoutsTestClient.signIn(first.url(), alice.email(), ServerFixture.PASSWORD),
      HangoutsTestClient.signIn(first.url(), bob.email(), ServerFixture.PASSWORD)
    };
    String refreshToken = login(first.url(), alice.email());
    String conversationId = oneToOne(before[0], bob.id());

    // ---- a burst from several threads, killed part way ----
    ConcurrentHashMap<String, Sent> inFlight = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<Ack> acked = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    CountDownLatch enoughAcks = new CountDownLatch(ACKS_BEFORE_KILL);
    AtomicInteger failuresAfterKill = new AtomicInteger();
    boolean[] killed = {false};
    Object killLock = new Object();
    for (int t = 0; t < SENDER_THREADS; t++) {
      int sender = t % 2;
      HangoutsTestClient client = before[sender];
      int threadNo = t;
      Thread thread =
          new Thread(
              () -> {
                for (int n = 0; ; n++) {
                  boolean beforeKill;
                  synchronized (killLock) {
                    beforeKill = !killed[0];
                  }
                  long clientGeneratedId = ThreadLocalRandom.current().nextLong();
                  String label =
                      "burst t"
                          + threadNo
                          + " n"
                          + n
                          + " "
                          + Long.toUnsignedString(clientGeneratedId);
                  Sent sent =
                      new Sent(
                          sender,
                          message(client, conversationId, label, clientGeneratedId),
                          label,
                          beforeKill);
                  inFlight.put(label, sent);
                  SendChatMessageResponse response;
                  try {
                    response =
                        client.rpc(
                            "conversations/sendchatmessage",
                            sent.request(),
                            SendChatMessageResponse.getDefaultInstance());
                  } catch (RuntimeException e) {
                    boolean afterKill;
                    synchronized (killLock) {
                      afterKill = killed[0];
                    }
                    if (afterKill) {
                      failuresAfterKill.incrementAndGet();
                    } else {
                      unexpected.add(label + ": " + e);
                    }
                    return; // the outcome of this request is unknown: it stays in flight
                  }
                  if (response.getResponseHeader().getStatus() == ResponseStatus.RESPONSE_STATUS_OK
                      && response.hasCreatedEvent()) {
                    Event event = response.getCreatedEvent();
                    acked.add(new Ack(sent, event.getEventId(), event.getTimestamp()));
                    inFlight.remove(label);
                    enoughAcks.countDown();
                  } else {
                    unexpected.add(label + ": " + response.getResponseHeader());
                    inFlight.remove(label);
                    return;
                  }
                  if (Thread.currentThread().isInterrupted()) {
                    return;
                  }
                }
              },
              "burst-sender-" + t);
      thread.setDaemon(true);
      threads.add(thread);
    }
    threads.forEach(Thread::start);

    assertThat(enoughAcks.await(60, TimeUnit.SECONDS))
        .as("%d acknowledgements within 60 s; unexpected: %s", ACKS_BEFORE_KILL, unexpected)
        .isTrue();
    // Kill at a moment when at least one request is unanswered (they take milliseconds; the
    // check and the SIGKILL microseconds). Senders wait on killLock meanwhile, so none starts.
    int exitStatus = -1;
    long killDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (exitStatus < 0) {
      synchronized (killLock) {
        if (inFlight.values().stream().anyMatch(Sent::beforeKill)
            || System.nanoTime() > killDeadline) {
          killed[0] = true;
          exitStatus = first.kill(Duration.ofSeconds(10));
        }
      }
      Thread.onSpinWait();
    }
    assertThat(exitStatus).as("exit status after SIGKILL").isEqualTo(SIGKILL_EXIT_STATUS);
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(40)); // the client's request timeout is 30 s
      assertThat(thread.isAlive()).as(thread.getName() + " finished").isFalse();
    }
    assertThat(unexpected).as("failures before the kill").isEmpty();
    List<Ack> acks = List.copyOf(acked);
    List<Sent> unanswered = List.copyOf(inFlight.values());
    assertThat(acks.size()).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
    assertThat(unanswered).as("requests in flight at the kill").anyMatch(Sent::beforeKill);
    assertThat(failuresAfterKill.get()).isEqualTo(SENDER_THREADS);
    long lastAckedTimestamp = acks.stream().mapToLong(Ack::timestamp).max().orElseThrow();

    // ---- restart on the same data ----
    ServerProcess second = start();
    String url = second.url();

    // The refresh token from before the crash still makes a new session.
    Map<?, ?> session = postForm(url + "/auth/session", Map.of("refresh_token", refreshToken));
    assertThat(session.get("cookies")).as("new session from an old refresh token").isNotNull();

    // Retry every unanswered request with its own client_generated_id through the sign-in
    // sessions from before the crash (they survive too); twice, to see the retry deduplicated.
    Map<String, String> retriedIds = new HashMap<>();
    for (Sent sent : unanswered) {
      Event created = resend(before[sent.sender()], url, sent.request());
      Event again = resend(before[sent.sender()], url, sent.request());
      assertThat(again.getEventId())
          .as("second retry of " + sent.label())
          .isEqualTo(created.getEventId());
      assertThat(text(created)).isEqualTo(sent.label());
      retriedIds.put(sent.label(), created.getEventId());
    }
    // Repeating acknowledged requests returns the event acknowledged before the crash.
    for (int i = 0; i < acks.size(); i += 10) {
      Ack ack = acks.get(i);
      Event repeated = resend(before[ack.sent().sender()], url, ack.sent().request());
      assertThat(repeated.getEventId())
          .as("repeat of acknowledged " + ack.sent().label())
          .isEqualTo(ack.eventId());
      assertThat(repeated.getTimestamp()).isEqualTo(ack.timestamp());
    }

    // ---- sign in again and page the whole history ----
    HangoutsTestClient aliceAgain =
        HangoutsTestClient.signIn(url, alice.email(), ServerFixture.PASSWORD);
    HangoutsTestClient bobAgain =
        HangoutsTestClient.signIn(url, bob.email(), ServerFixture.PASSWORD);
    List<Event> history = wholeHistory(aliceAgain, conversationId);
    assertThat(wholeHistory(bobAgain, conversationId)).isEqualTo(history);

    List<String> ids = history.stream().map(Event::getEventId).toList();
    assertThat(ids).as("event ids in history").doesNotHaveDuplicates();
    Map<String, Event> byId = new HashMap<>();
    history.forEach(e -> byId.put(e.getEventId(), e));
    List<String> missing = new ArrayList<>();
    for (Ack ack : acks) {
      Event stored = byId.get(ack.eventId());
      if (stored == null) {
        missing.add(ack.sent().label() + " = " + ack.eventId());
        continue;
      }
      assertThat(text(stored)).isEqualTo(ack.sent().label());
      assertThat(stored.getTimestamp()).isEqualTo(ack.timestamp());
    }
    assertThat(missing).as("acknowledged events missing after the restart").isEmpty();
    for (Map.Entry<String, String> retried : retriedIds.entrySet()) {
      assertThat(byId).as("retried " + retried.getKey()).containsKey(retried.getValue());
    }

    List<String> labels =
        history.stream().filter(Event::hasChatMessage).map(KillAndRestartTest::text).toList();
    assertThat(labels).as("message texts (one per client_generated_id)").doesNotHaveDuplicates();
    Set<String> expectedLabels = new HashSet<>();
    acks.forEach(a -> expectedLabels.add(a.sent().label()));
    unanswered.forEach(s -> expectedLabels.add(s.label()));
    assertThat(new HashSet<>(labels)).isEqualTo(expectedLabels);

    // Timestamps strictly increase through the whole history, across the crash, and on.
    for (int i = 1; i < history.size(); i++) {
      assertThat(history.get(i).getTimestamp())
          .as("timestamp of event %d of %d", i, history.size())
          .isGreaterThan(history.get(i - 1).getTimestamp());
    }
    long newest = history.get(history.size() - 1).getTimestamp();
    SendChatMessageResponse after =
        aliceAgain.rpc(
            "conversations/sendchatmessage",
            message(aliceAgain, conversationId, "after the restart", 42L),
            SendChatMessageResponse.getDefaultInstance());
    assertThat(after.getResponseHeader().getStatus()).isEqualTo(ResponseStatus.RESPONSE_STATUS_OK);
    assertThat(after.getCreatedEvent().getTimestamp()).isGreaterThan(newest);
    assertThat(newest).isGreaterThanOrEqualTo(lastAckedTimestamp);

    System.out.printf(
        "KillAndRestartTest: %d acknowledged, %d in flight at the kill (%d sent before it),"
            + " %d events in history%n",
        acks.size(),
        unanswered.size(),
        unanswered.stream().filter(Sent::beforeKill).count(),
        history.size());
  }

  // ---- helpers ----

  private ServerProcess start() throws Exception {
    ServerProcess process =
        ServerProcess.start(tmp.resolve("data"), tmp.resolve("server.log"), START_TIMEOUT);
    processes.add(process);
    return process;
  }

  private static String oneToOne(HangoutsTestClient client, String otherId) {
    CreateConversationResponse created =
        client.rpc(
            "conversations/createconversation",
            CreateConversationRequest.newBuilder()
                .setRequestHeader(client.header())
                .setType(ConversationType.CONVERSATION_TYPE_ONE_TO_ONE)
                .setClientGeneratedId(ThreadLocalRandom.current().nextLong())
                .addInviteeId(InviteeID.newBuilder().setGaiaId(otherId))
                .build(),
            CreateConversationResponse.getDefaultInstance());
    assertThat(created.getResponseHeader().getStatus())
        .isEqualTo(ResponseStatus.RESPONSE_STATUS_OK);
    return created.getConversation().getConversationId().getId();
  }

  private static SendChatMessageRequest message(
      HangoutsTestClient client, String conversationId, String text, long clientGeneratedId) {
    return ChatMessages.text(client.header(), conversationId, text, clientGeneratedId);
  }

  private static String text(Event event) {
    StringBuilder text = new StringBuilder();
    for (Segment segment : event.getChatMessage().getMessageContent().getSegmentList()) {
      text.append(segment.getText());
    }
    return text.toString();
  }

  /**
   * Sends a request again with the credentials of a client signed in before the crash, to the
   * restarted server's URL; returns the created (or deduplicated) event.
   */
  private static Event resend(
      HangoutsTestClient client, String url, SendChatMessageRequest request) {
    HttpResponse<byte[]> response =
        client.send(
            client
                .authorized(
                    HttpRequest.newBuilder(
                        URI.create(url + "/chat/v1/conversations/sendchatmessage?alt=proto")))
                .header("content-type", RpcCodec.CONTENT_TYPE_PROTOBUF)
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray()))
                .build());
    assertThat(response.statusCode())
        .as("retry with a session from before the crash")
        .isEqualTo(200);
    try {
      SendChatMessageResponse decoded =
          RpcCodec.decodeProto(response.body(), SendChatMessageResponse.getDefaultInstance());
      assertThat(decoded.getResponseHeader().getStatus())
          .isEqualTo(ResponseStatus.RESPONSE_STATUS_OK);
      assertThat(decoded.hasCreatedEvent()).isTrue();
      return decoded.getCreatedEvent();
    } catch (Exception e) {
      throw new AssertionError("undecodable sendchatmessage response", e);
    }
  }

  /** Every event of the conversation, oldest first, paged backwards with continuation tokens. */
  private static List<Event> wholeHistory(HangoutsTestClient client, String conversationId) {
    GetConversationRequest request =
        GetConversationRequest.newBuilder()
            .setRequestHeader(client.header())
            .setConversationSpec(
                ConversationSpec.newBuilder()
                    .setConversationId(ConversationId.newBuilder().setId(conversationId)))
            .setIncludeEvent(true)
            .setIncludeConversationMetadata(true)
            .setMaxEventsPerConversation(50)
            .build();
    List<Event> all = new ArrayList<>();
    for (int pages = 0; ; pages++) {
      assertThat(pages).as("pages of history").isLessThan(10_000);
      GetConversationResponse page =
          client.rpc(
              "conversations/getconversation",
              request,
              GetConversationResponse.getDefaultInstance());
      assertThat(page.getResponseHeader().getStatus()).isEqualTo(ResponseStatus.RESPONSE_STATUS_OK);
      all.addAll(0, page.getConversationState().getEventList());
      if (!page.getConversationState().hasEventContinuationToken()) {
        return all;
      }
      request =
          request.toBuilder()
              .setEventContinuationToken(page.getConversationState().getEventContinuationToken())
              .build();
    }
  }

  private static String login(String url, String email) {
    Map<?, ?> login =
        postForm(url + "/auth/login", Map.of("email", email, "password", ServerFixture.PASSWORD));
    Object token = login.get("refresh_token");
    assertThat(token).as("refresh token from " + login).isInstanceOf(String.class);
    return (String) token;
  }

  private static Map<?, ?> postForm(String url, Map<String, String> form) {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) ->
            body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url))
                      .timeout(Duration.ofSeconds(30))
                      .header("content-type", "application/x-www-form-urlencoded")
                      .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("POST " + url + ": " + response.body()).isEqualTo(200);
      return (Map<?, ?>) JsonReader.parse(response.body());
    } catch (Exception e) {
      throw new AssertionError("POST " + url + " failed", e);
    }
  }
}
