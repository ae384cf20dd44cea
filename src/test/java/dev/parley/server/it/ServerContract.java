package dev.parley.server.it;

import static dev.parley.server.it.Requests.conv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.proto.Hangouts.AddUserRequest;
import dev.parley.proto.Hangouts.AddUserResponse;
import dev.parley.proto.Hangouts.ConversationType;
import dev.parley.proto.Hangouts.CreateConversationResponse;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.EventContinuationToken;
import dev.parley.proto.Hangouts.EventRequestHeader;
import dev.parley.proto.Hangouts.GetConversationRequest;
import dev.parley.proto.Hangouts.GetConversationResponse;
import dev.parley.proto.Hangouts.GetSelfInfoRequest;
import dev.parley.proto.Hangouts.GetSelfInfoResponse;
import dev.parley.proto.Hangouts.InviteeID;
import dev.parley.proto.Hangouts.ParticipantId;
import dev.parley.proto.Hangouts.RemoveUserRequest;
import dev.parley.proto.Hangouts.RemoveUserResponse;
import dev.parley.proto.Hangouts.RenameConversationRequest;
import dev.parley.proto.Hangouts.RenameConversationResponse;
import dev.parley.proto.Hangouts.ResponseStatus;
import dev.parley.proto.Hangouts.SendChatMessageRequest;
import dev.parley.proto.Hangouts.SendChatMessageResponse;
import dev.parley.proto.Hangouts.SetTypingRequest;
import dev.parley.proto.Hangouts.SetTypingResponse;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.SyncAllNewEventsRequest;
import dev.parley.proto.Hangouts.SyncAllNewEventsResponse;
import dev.parley.proto.Hangouts.SyncRecentConversationsRequest;
import dev.parley.proto.Hangouts.SyncRecentConversationsResponse;
import dev.parley.proto.Hangouts.TypingType;
import dev.parley.proto.Hangouts.UpdateWatermarkRequest;
import dev.parley.proto.Hangouts.UpdateWatermarkResponse;
import dev.parley.server.storage.Account;
import dev.parley.server.testing.HangoutsTestClient;
import dev.parley.server.testing.ServerFixture;
import dev.parley.server.testing.TestChannel;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Black-box tests of the server through real HTTP, as a hangups client sees it. Run once per
 * storage engine by the subclasses.
 */
abstract class ServerContract {
  private static final Duration WAIT = Duration.ofSeconds(10);

  ServerFixture fixture;
  Account alice;
  Account bob;
  Account carol;
  HangoutsTestClient aliceClient;
  HangoutsTestClient bobClient;
  HangoutsTestClient carolClient;
  private final List<TestChannel> channels = new ArrayList<>();

  abstract ServerFixture newFixture() throws Exception;

  @BeforeEach
  void startServer() throws Exception {
    fixture = newFixture();
    alice = fixture.createAccount("alice@example.org", "Alice Liddell");
    bob = fixture.createAccount("bob@example.org", "Bob Builder");
    carol = fixture.createAccount("carol@example.org", "Carol Danvers");
    aliceClient = fixture.signIn("alice@example.org");
    bobClient = fixture.signIn("bob@example.org");
    carolClient = fixture.signIn("carol@example.org");
  }

  @AfterEach
  void stopServer() {
    channels.forEach(TestChannel::close);
    if (fixture != null) { // null when the engine's tests were skipped (no PostgreSQL)
      fixture.close();
    }
  }

  private TestChannel channel(HangoutsTestClient client) {
    TestChannel channel = client.openChannel();
    channels.add(channel);
    return channel;
  }

  @Test
  void selfInfoNamesTheSignedInPerson() {
    GetSelfInfoResponse self =
        aliceClient.rpc(
            "contacts/getselfinfo",
            GetSelfInfoRequest.newBuilder().setRequestHeader(aliceClient.header()).build(),
            GetSelfInfoResponse.getDefaultInstance());
    assertThat(self.getResponseHeader().getStatus()).isEqualTo(ResponseStatus.RESPONSE_STATUS_OK);
    assertThat(self.getResponseHeader().getCurrentServerTime()).isPositive();
    assertThat(self.getSelfEntity().getId().getGaiaId()).isEqualTo(alice.id());
    assertThat(self.getSelfEntity().getProperties().getDisplayName()).isEqualTo("Alice Liddell");
  }

  @Test
  void oneToOneIsReusedAndGroupIsNew() {
    String first = Requests.oneToOne(aliceClient, bob.id());
    CreateConversationResponse again =
        Requests.create(bobClient, ConversationType.CONVERSATION_TYPE_ONE_TO_ONE, null, alice.id());
    assertThat(again.getConversation().getConversationId().getId()).isEqualTo(first);
    assertThat(again.getNewConversationCreated()).isFalse();
    String group = Requests.group(aliceClient, "Tea party", bob.id(), carol.id());
    assertThat(group).isNotEqualTo(first);
  }

  @Test
  void messagePushedToEveryParticipantOnceAndFoundBySync() {
    String conversationId = Requests.oneToOne(aliceClient, bob.id());
    TestChannel bobChannel = channel(bobClient);
    TestChannel aliceChannel = channel(aliceClient);
    long before =
        aliceClient
            .rpc(
                "contacts/getselfinfo",
                GetSelfInfoRequest.newBuilder().setRequestHeader(aliceClient.header()).build(),
                GetSelfInfoResponse.getDefaultInstance())
            .getResponseHeader()
            .getCurrentServerTime();

    Event sent = Requests.send(aliceClient, conversationId, "hello **bob**").getCreatedEvent();
    assertThat(sent.getEventId()).isNotEmpty();

    StateUpdate atBob = bobChannel.await(u -> u.hasEventNotification(), WAIT);
    assertThat(atBob.getEventNotification().getEvent()).isEqualTo(sent);
    assertThat(atBob.getConversation().getConversationId().getId()).isEqualTo(conversationId);
    assertThat(atBob.getStateUpdateHeader().hasActiveClientState()).isTrue();
    StateUpdate atAlice = aliceChannel.await(u -> u.hasEventNotification(), WAIT);
    assertThat(atAlice.getEventNotification().getEvent().getEventId()).isEqualTo(sent.getEventId());

    SyncAllNewEventsResponse sync =
        bobClient.rpc(
            "conversations/syncallnewevents",
            SyncAllNewEventsRequest.newBuilder()
                .setRequestHeader(bobClient.header())
                .setLastSyncTimestamp(before)
                .setMaxResponseSizeBytes(1048576)
                .build(),
            SyncAllNewEventsResponse.getDefaultInstance());
    assertThat(sync.getConversationStateList())
        .flatExtracting(s -> s.getEventList())
        .extracting(Event::getEventId)
        .containsExactly(sent.getEventId());
    assertThat(sync.getSyncTimestamp()).isGreaterThanOrEqualTo(sent.getTimestamp());
    assertThat(bobChannel.drain()).noneMatch(StateUpdate::hasEventNotification);
  }

  @Test
  void repeatedClientGeneratedIdCreatesNothingNew() {
    String conversationId = Requests.oneToOne(aliceClient, bob.id());
    SendChatMessageRequest request = Requests.message(aliceClient, conversationId, "once", 777L);
    Event first =
        aliceClient
            .rpc(
                "conversations/sendchatmessage",
                request,
                SendChatMessageResponse.getDefaultInstance())
            .getCreatedEvent();
    Event second =
        aliceClient
            .rpc(
                "conversations/sendchatmessage",
                request,
                SendChatMessageResponse.getDefaultInstance())
            .getCreatedEvent();
    assertThat(second).isEqualTo(first);
    GetConversationResponse history =
        aliceClient.rpc(
            "conversations/getconversation",
            Requests.history(aliceClient, conversationId, 50),
            GetConversationResponse.getDefaultInstance());
    assertThat(history.getConversationState().getEventList()).hasSize(1);
  }

  @Test
  void historyPagesBackwardsOldestFirstWithTokens() {
    String conversationId = Requests.oneToOne(aliceClient, bob.id());
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 27; i++) {
      sent.add(
          Requests.send(i % 2 == 0 ? aliceClient : bobClient, conversationId, "message " + i)
              .getCreatedEvent()
              .getEventId());
    }
    List<String> pagedNewestPageFirst = new ArrayList<>();
    GetConversationRequest request = Requests.history(aliceClient, conversationId, 10);
    int pages = 0;
    while (true) {
      GetConversationResponse page =
          aliceClient.rpc(
              "conversations/getconversation",
              request,
              GetConversationResponse.getDefaultInstance());
      List<Event> events = page.getConversationState().getEventList();
      assertThat(events)
          .isSortedAccordingTo((a, b) -> Long.compare(a.getTimestamp(), b.getTimestamp()));
      List<String> ids = events.stream().map(Event::getEventId).toList();
      pagedNewestPageFirst.addAll(0, ids);
      pages++;
      if (!page.getConversationState().hasEventContinuationToken()) {
        break;
      }
      EventContinuationToken token = page.getConversationState().getEventContinuationToken();
      request = request.toBuilder().setEventContinuationToken(token).build();
    }
    assertThat(pages).isEqualTo(3);
    assertThat(pagedNewestPageFirst).isEqualTo(sent);
  }

  @Test
  void strangerLearnsNothingOfAConversation() {
    String conversationId = Requests.oneToOne(aliceClient, bob.id());
    Requests.send(aliceClient, conversationId, "private");
    SendChatMessageResponse refused = Requests.send(carolClient, conversationId, "let me in");
    assertThat(refused.getResponseHeader().getStatus())
        .isEqualTo(ResponseStatus.RESPONSE_STATUS_INVALID_REQUEST);
    assertThat(refused.hasCreatedEvent()).isFalse();
    GetConversationResponse history =
        carolClient.rpc(
            "conversations/getconversation",
            Requests.history(carolClient, conversationId, 50),
            GetConversationResponse.getDefaultInstance());
    assertThat(history.getResponseHeader().getStatus())
        .isEqualTo(ResponseStatus.RESPONSE_STATUS_INVALID_REQUEST);
    assertThat(history.hasConversationState()).isFalse();
    String unknown =
        Requests.send(carolClient, "no-such-conversation", "x")
            .getResponseHeader()
            .getErrorDescription();
    assertThat(refused.getResponseHeader().getErrorDescription()).isEqualTo(unknown);
  }

  @Test
  void groupOnlyOperationsAreRefusedOnOneToOne() {
    String conversationId = Requests.oneToOne(aliceClient, bob.id());
    AddUserResponse add =
        aliceClient.rpc(
            "conversations/adduser",
            AddUserRequest.newBuilder()
                .setRequestHeader(aliceClient.header())
                .addInviteeId(InviteeID.newBuilder().setGaiaId(carol.id()))
                .setEventRequestHeader(
                    EventRequestHeader.newBuilder().setConversationId(conv(conversationId)))
                .build(),
            AddUserResponse.getDefaultInstance());
    assertThat(add.getResponseHeader().getStatus())
        .isEqualTo(ResponseStatus.RESPONSE_STATUS_INVALID_REQUEST);
    RemoveUserResponse leave =
        aliceClient.rpc(
            "conversations/removeuser",
            RemoveUserRequest.newBuilder()
                .setRequestHeader(aliceClient.header())
                .setEventRequestHeader(
                    EventRequestHeader.newBuilder().setConversationId(conv(conversationId)))
                .build(),
            RemoveUserResponse.getDefaultInstance());
    assertThat(leave.getResponseHeader().getStatus())
        .isEqualTo(ResponseStatus.RESPONSE_STATUS_INVALID_REQUEST);
  }

  @Test
  void removedParticipantGetsTheLeaveEventAndNothingAfter() {
    String group = Requests.group(aliceClient, "Book club", bob.id(), carol.id());
    TestChannel carolChannel = channel(carolClient);
    RemoveUserResponse removed =
        aliceClient.rpc(
            "conversations/removeuser",
            RemoveUserRequest.newBuilder()
                .setRequestHeader(aliceClient.header())
                .setParticipantId(
                    ParticipantId.newBuilder().setGaiaId(carol.id()).setChatId(carol.id()))
                .setEventRequestHeader(
                    EventRequestHeader.newBuilder().setConversationId(conv(group)))
                .build(),
            RemoveUserResponse.getDefaultInstance());
    assertThat(removed.getResponseHeader().getStatus())
        .isEqualTo(ResponseStatus.RESPONSE_STATUS_OK);
    StateUpdate leave = carolChannel.await(StateUpdate::hasEventNotification, WAIT);
    assertThat(
            leave
                .getEventNotification()
                .getEvent()
                .getMembershipChange()
                .getParticipantIds(0)
                .getGaiaId())
        .isEqualTo(carol.id());
    Event after = Requests.send(aliceClient, group, "carol is gone").getCreatedEvent();
    GetConversationResponse carolHistory =
        carolClient.rpc(
            "conversations/getconversation",
            Requests.history(carolClient, group, 50),
            GetConversationResponse.getDefaultInstance());
    assertThat(carolHistory.getConversationState().getEventList())
        .extracting(Event::getEventId)
        .contains(leave.getEventNotification().getEvent().getEventId())
        .doesNotContain(after.getEventId());
    assertThat(Requests.send(carolClient, group, "hello?").getResponseHeader().getStatus())
        .isEqualTo(ResponseStatus.RESPONSE_STATUS_INVALID_REQUEST);
    assertThat(carolChannel.drain())
        .noneMatch(
            u -> u.getEventNotification().getEvent().getEventId().equals(after.getEventId()));
  }

  @Test
  void renameCreatesAnEventWithOldAndNewName() {
    String group = Requests.group(aliceClient, "Old", bob.id());
    RenameConversationResponse renamed =
        bobClient.rpc(
            "conversations/renameconversation",
            RenameConversationRequest.newBuilder()
                .setRequestHeader(bobClient.header())
                .setNewName("New")
                .setEventRequestHeader(
                    EventRequestHeader.newBuilder().setConversationId(conv(group)))
                .build(),
            RenameConversationResponse.getDefaultInstance());
    assertThat(renamed.getCreatedEvent().getConversationRename().getOldName()).isEqualTo("Old");
    assertThat(renamed.getCreatedEvent().getConversationRename().getNewName()).isEqualTo("New");
  }

  @Test
  void typingReachesTheOthersButNotTheSendingSession() {
    String conversationId = Requests.oneToOne(aliceClient, bob.id());
    TestChannel bobChannel = channel(bobClient);
    TestChannel aliceChannel = channel(aliceClient);
    SetTypingResponse typing =
        aliceClient.rpc(
            "conversations/settyping",
            SetTypingRequest.newBuilder()
                .setRequestHeader(aliceClient.header())
                .setConversationId(conv(conversationId))
                .setType(TypingType.TYPING_TYPE_STARTED)
                .build(),
            SetTypingResponse.getDefaultInstance());
    assertThat(typing.getResponseHeader().getStatus()).isEqualTo(ResponseStatus.RESPONSE_STATUS_OK);
    StateUpdate atBob = bobChannel.await(StateUpdate::hasTypingNotification, WAIT);
    assertThat(atBob.getTypingNotification().getSenderId().getGaiaId()).isEqualTo(alice.id());
    // A later event proves alice's channel had time to get the typing update, had it been sent.
    Requests.send(bobClient, conversationId, "marker");
    aliceChannel.await(StateUpdate::hasEventNotification, WAIT);
    assertThat(aliceChannel.drain()).noneMatch(StateUpdate::hasTypingNotification);
  }

  @Test
  void watermarkOnlyRisesAndReachesEveryone() {
    String conversationId = Requests.oneToOne(aliceClient, bob.id());
    Event sent = Requests.send(aliceClient, conversationId, "read me").getCreatedEvent();
    TestChannel aliceChannel = channel(aliceClient);
    bobClient.rpc(
        "conversations/updatewatermark",
        UpdateWatermarkRequest.newBuilder()
            .setRequestHeader(bobClient.header())
            .setConversationId(conv(conversationId))
            .setLastReadTimestamp(sent.getTimestamp())
            .build(),
        UpdateWatermarkResponse.getDefaultInstance());
    StateUpdate mark = aliceChannel.await(StateUpdate::hasWatermarkNotification, WAIT);
    assertThat(mark.getWatermarkNotification().getLatestReadTimestamp())
        .isEqualTo(sent.getTimestamp());
    bobClient.rpc(
        "conversations/updatewatermark",
        UpdateWatermarkRequest.newBuilder()
            .setRequestHeader(bobClient.header())
            .setConversationId(conv(conversationId))
            .setLastReadTimestamp(1)
            .build(),
        UpdateWatermarkResponse.getDefaultInstance());
    SyncRecentConversationsResponse recent =
        bobClient.rpc(
            "conversations/syncrecentconversations",
            SyncRecentConversationsRequest.newBuilder()
                .setRequestHeader(bobClient.header())
                .setMaxConversations(100)
                .setMaxEventsPerConversation(1)
                .build(),
            SyncRecentConversationsResponse.getDefaultInstance());
    assertThat(
            recent
                .getConversationState(0)
                .getConversation()
                .getSelfConversationState()
                .getSelfReadState()
                .getLatestReadTimestamp())
        .isEqualTo(sent.getTimestamp());
  }

  @Test
  void recentConversationsComeNewestFirstAndPage() {
    List<String> created = new ArrayList<>();
    created.add(Requests.oneToOne(aliceClient, bob.id()));
    created.add(Requests.oneToOne(aliceClient, carol.id()));
    created.add(Requests.group(aliceClient, "All", bob.id(), carol.id()));
    Requests.send(aliceClient, created.get(0), "bump the first");
    SyncRecentConversationsRequest.Builder request =
        SyncRecentConversationsRequest.newBuilder()
            .setRequestHeader(aliceClient.header())
            .setMaxConversations(2)
            .setMaxEventsPerConversation(1);
    SyncRecentConversationsResponse first =
        aliceClient.rpc(
            "conversations/syncrecentconversations",
            request.build(),
            SyncRecentConversationsResponse.getDefaultInstance());
    assertThat(first.getConversationStateList())
        .extracting(s -> s.getConversationId().getId())
        .containsExactly(created.get(0), created.get(2));
    assertThat(first.getContinuationEndTimestamp()).isPositive();
    SyncRecentConversationsResponse second =
        aliceClient.rpc(
            "conversations/syncrecentconversations",
            request.setLastEventTimestamp(first.getContinuationEndTimestamp()).build(),
            SyncRecentConversationsResponse.getDefaultInstance());
    assertThat(second.getConversationStateList())
        .extracting(s -> s.getConversationId().getId())
        .containsExactly(created.get(1));
    assertThat(second.getContinuationEndTimestamp()).isZero();
  }

  @Test
  void pbliteEncodingWorksBothWays() {
    String conversationId = Requests.oneToOne(aliceClient, bob.id());
    SendChatMessageResponse viaJson =
        aliceClient.rpcJson(
            "conversations/sendchatmessage",
            Requests.message(aliceClient, conversationId, "h\u00e9llo \ud83d\ude00", 5),
            SendChatMessageResponse.getDefaultInstance());
    assertThat(
            viaJson.getCreatedEvent().getChatMessage().getMessageContent().getSegment(0).getText())
        .isEqualTo("h\u00e9llo \ud83d\ude00");
  }

  @Test
  void badRequestsGetClearStatuses() {
    assertThat(
            aliceClient
                .post("conversations/sendchatmessage", new byte[] {(byte) 0xff, 1, 2}, true)
                .statusCode())
        .isEqualTo(400);
    assertThat(
            aliceClient
                .post(
                    "conversations/sendchatmessage?alt=json",
                    "[1,".getBytes(StandardCharsets.UTF_8),
                    false)
                .statusCode())
        .isEqualTo(400);
    assertThat(
            aliceClient
                .post("conversations/sendchatmessage", new byte[1024 * 1024 + 1], true)
                .statusCode())
        .isEqualTo(413);
    assertThat(aliceClient.post("conversations/nosuchthing", new byte[0], true).statusCode())
        .isEqualTo(404);
    assertThat(
            aliceClient
                .post("conversations/sendchatmessage?alt=xml", new byte[0], true)
                .statusCode())
        .isEqualTo(400);
    // The server still serves afterwards.
    assertThat(
            Requests.send(aliceClient, Requests.oneToOne(aliceClient, bob.id()), "still here")
                .getResponseHeader()
                .getStatus())
        .isEqualTo(ResponseStatus.RESPONSE_STATUS_OK);
  }

  @Test
  void requestsWithoutValidCredentialsAreRefused() throws Exception {
    var request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(fixture.url() + "/chat/v1/contacts/getselfinfo"))
            .header("cookie", aliceClient.cookieHeader())
            .header("authorization", "SAPISIDHASH 1_0000000000000000000000000000000000000000")
            .header("origin", HangoutsTestClient.ORIGIN)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[0]))
            .build();
    assertThat(aliceClient.send(request).statusCode()).isEqualTo(401);
    var noCookies =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(fixture.url() + "/chat/v1/contacts/getselfinfo"))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[0]))
            .build();
    assertThat(aliceClient.send(noCookies).statusCode()).isEqualTo(401);
  }

  @Test
  void absoluteFormRequestLineIsServedByPath() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", fixture.server().port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET http://0.client-channel.google.com/healthz HTTP/1.1\r\nHost: 0.client-channel.google.com\r\n"
                  + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(response).startsWith("HTTP/1.1 200").endsWith("ok");
    }
  }

  @Test
  void timestampsKeepRisingAndDeduplicationSurvivesARestart() throws Exception {
    String conversationId = Requests.oneToOne(aliceClient, bob.id());
    SendChatMessageRequest request =
        Requests.message(aliceClient, conversationId, "before restart", 4242L);
    Event before =
        aliceClient
            .rpc(
                "conversations/sendchatmessage",
                request,
                SendChatMessageResponse.getDefaultInstance())
            .getCreatedEvent();
    fixture.restart();
    HangoutsTestClient again =
        HangoutsTestClient.signIn(fixture.url(), "alice@example.org", ServerFixture.PASSWORD);
    Event repeated =
        again
            .rpc(
                "conversations/sendchatmessage",
                request,
                SendChatMessageResponse.getDefaultInstance())
            .getCreatedEvent();
    assertThat(repeated.getEventId()).isEqualTo(before.getEventId());
    Event after = Requests.send(again, conversationId, "after restart").getCreatedEvent();
    assertThat(after.getTimestamp()).isGreaterThan(before.getTimestamp());
  }

  @Test
  void signInSessionsSurviveARestart() throws Exception {
    fixture.restart();
    // Same cookies, new process on the same port: still signed in.
    GetSelfInfoResponse self =
        aliceClient.rpc(
            "contacts/getselfinfo",
            GetSelfInfoRequest.newBuilder().build(),
            GetSelfInfoResponse.getDefaultInstance());
    assertThat(self.getSelfEntity().getId().getGaiaId()).isEqualTo(alice.id());
  }

  @Test
  void wrongPasswordGetsNoSession() {
    assertThatThrownBy(
            () -> HangoutsTestClient.signIn(fixture.url(), "alice@example.org", "wrong password"))
        .isInstanceOf(IllegalStateException.class);
  }
}
