package dev.parley.server.it;

import static dev.parley.server.it.Requests.conv;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.parley.proto.Hangouts.AddUserRequest;
import dev.parley.proto.Hangouts.AddUserResponse;
import dev.parley.proto.Hangouts.DeleteConversationRequest;
import dev.parley.proto.Hangouts.DeleteConversationResponse;
import dev.parley.proto.Hangouts.EasterEgg;
import dev.parley.proto.Hangouts.EasterEggRequest;
import dev.parley.proto.Hangouts.EasterEggResponse;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.FocusType;
import dev.parley.proto.Hangouts.GetConversationResponse;
import dev.parley.proto.Hangouts.GetGroupConversationUrlRequest;
import dev.parley.proto.Hangouts.GetGroupConversationUrlResponse;
import dev.parley.proto.Hangouts.GroupLinkSharingStatus;
import dev.parley.proto.Hangouts.InviteeID;
import dev.parley.proto.Hangouts.ModifyOTRStatusRequest;
import dev.parley.proto.Hangouts.ModifyOTRStatusResponse;
import dev.parley.proto.Hangouts.NotificationLevel;
import dev.parley.proto.Hangouts.OffTheRecordStatus;
import dev.parley.proto.Hangouts.ParticipantId;
import dev.parley.proto.Hangouts.RemoveUserRequest;
import dev.parley.proto.Hangouts.RemoveUserResponse;
import dev.parley.proto.Hangouts.RenameConversationRequest;
import dev.parley.proto.Hangouts.RenameConversationResponse;
import dev.parley.proto.Hangouts.SendChatMessageResponse;
import dev.parley.proto.Hangouts.SetConversationNotificationLevelRequest;
import dev.parley.proto.Hangouts.SetConversationNotificationLevelResponse;
import dev.parley.proto.Hangouts.SetFocusRequest;
import dev.parley.proto.Hangouts.SetFocusResponse;
import dev.parley.proto.Hangouts.SetGroupLinkSharingEnabledRequest;
import dev.parley.proto.Hangouts.SetGroupLinkSharingEnabledResponse;
import dev.parley.proto.Hangouts.SetTypingRequest;
import dev.parley.proto.Hangouts.SetTypingResponse;
import dev.parley.proto.Hangouts.TypingType;
import dev.parley.proto.Hangouts.UpdateWatermarkRequest;
import dev.parley.proto.Hangouts.UpdateWatermarkResponse;
import dev.parley.server.storage.Account;
import dev.parley.server.testing.HangoutsTestClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Who may call each conversation-scoped RPC on a group: every RPC is asked by a participant
 * (served), a former participant (refused, but may still read history up to the removal), a
 * stranger (refused, learning nothing) and someone not signed in (HTTP 401). Each case gets a fresh
 * group, so the cases are independent; each is a dynamic test named after its RPC and caller.
 */
abstract class AuthorizationMatrixContract extends ServerTestBase {
  private static final String NAME = "Matrix of secrets";
  private static final String SECRET = "the launch code is 0000";
  private static final String AFTER = "said after carol was removed";

  private Account erin;

  /** One conversation-scoped RPC: its endpoint, its response type and a request for a group. */
  private record Rpc(
      String endpoint,
      Message responsePrototype,
      BiFunction<HangoutsTestClient, String, Message> request) {}

  /** A fresh group of alice and bob, with carol removed from it and dave never in it. */
  private record Group(String id, String joinUrl, Event secret, Event after) {}

  private enum Caller {
    PARTICIPANT("a participant is served"),
    FORMER_PARTICIPANT("a former participant is refused"),
    STRANGER("a stranger is refused and learns nothing"),
    UNAUTHENTICATED("a request without cookies gets HTTP 401");

    final String expectation;

    Caller(String expectation) {
      this.expectation = expectation;
    }
  }

  @TestFactory
  Stream<DynamicContainer> conversationRpcsServeOnlyTheirParticipants() {
    erin = fixture.createAccount("erin@example.org", "Erin Invitee");
    return Stream.of(Caller.values())
        .map(
            caller ->
                DynamicContainer.dynamicContainer(
                    caller.expectation,
                    rpcs().stream()
                        .map(
                            rpc ->
                                DynamicTest.dynamicTest(
                                    rpc.endpoint() + ": " + caller.expectation,
                                    () -> check(rpc, caller)))));
  }

  private List<Rpc> rpcs() {
    List<Rpc> rpcs = new ArrayList<>();
    rpcs.add(
        new Rpc(
            "conversations/sendchatmessage",
            SendChatMessageResponse.getDefaultInstance(),
            (c, g) -> Requests.message(c, g, "may I?", System.nanoTime())));
    rpcs.add(
        new Rpc(
            "conversations/getconversation",
            GetConversationResponse.getDefaultInstance(),
            (c, g) -> Requests.history(c, g, 50)));
    rpcs.add(
        new Rpc(
            "conversations/adduser",
            AddUserResponse.getDefaultInstance(),
            (c, g) ->
                AddUserRequest.newBuilder()
                    .setRequestHeader(c.header())
                    .addInviteeId(InviteeID.newBuilder().setGaiaId(erin.id()))
                    .setEventRequestHeader(Requests.eventHeader(g))
                    .build()));
    rpcs.add(
        new Rpc(
            "conversations/removeuser",
            RemoveUserResponse.getDefaultInstance(),
            (c, g) ->
                RemoveUserRequest.newBuilder()
                    .setRequestHeader(c.header())
                    .setParticipantId(ParticipantId.newBuilder().setGaiaId(bob.id()))
                    .setEventRequestHeader(Requests.eventHeader(g))
                    .build()));
    rpcs.add(
        new Rpc(
            "conversations/renameconversation",
            RenameConversationResponse.getDefaultInstance(),
            (c, g) ->
                RenameConversationRequest.newBuilder()
                    .setRequestHeader(c.header())
                    .setNewName("Renamed")
                    .setEventRequestHeader(Requests.eventHeader(g))
                    .build()));
    rpcs.add(
        new Rpc(
            "conversations/modifyotrstatus",
            ModifyOTRStatusResponse.getDefaultInstance(),
            (c, g) ->
                ModifyOTRStatusRequest.newBuilder()
                    .setRequestHeader(c.header())
                    .setOtrStatus(OffTheRecordStatus.OFF_THE_RECORD_STATUS_OFF_THE_RECORD)
                    .setEventRequestHeader(Requests.eventHeader(g))
                    .build()));
    rpcs.add(
        new Rpc(
            "conversations/setgrouplinksharingenabled",
            SetGroupLinkSharingEnabledResponse.getDefaultInstance(),
            (c, g) ->
                SetGroupLinkSharingEnabledRequest.newBuilder()
                    .setRequestHeader(c.header())
                    .setEventRequestHeader(Requests.eventHeader(g))
                    .setGroupLinkSharingStatus(GroupLinkSharingStatus.GROUP_LINK_SHARING_STATUS_ON)
                    .build()));
    rpcs.add(
        new Rpc(
            "conversations/getgroupconversationurl",
            GetGroupConversationUrlResponse.getDefaultInstance(),
            (c, g) ->
                GetGroupConversationUrlRequest.newBuilder()
                    .setRequestHeader(c.header())
                    .setConversationId(conv(g))
                    .build()));
    rpcs.add(
        new Rpc(
            "conversations/settyping",
            SetTypingResponse.getDefaultInstance(),
            (c, g) ->
                SetTypingRequest.newBuilder()
                    .setRequestHeader(c.header())
                    .setConversationId(conv(g))
                    .setType(TypingType.TYPING_TYPE_STARTED)
                    .build()));
    rpcs.add(
        new Rpc(
            "conversations/setfocus",
            SetFocusResponse.getDefaultInstance(),
            (c, g) ->
                SetFocusRequest.newBuilder()
                    .setRequestHeader(c.header())
                    .setConversationId(conv(g))
                    .setType(FocusType.FOCUS_TYPE_FOCUSED)
                    .build()));
    rpcs.add(
        new Rpc(
            "conversations/updatewatermark",
            UpdateWatermarkResponse.getDefaultInstance(),
            (c, g) ->
                UpdateWatermarkRequest.newBuilder()
                    .setRequestHeader(c.header())
                    .setConversationId(conv(g))
                    .setLastReadTimestamp(System.currentTimeMillis() * 1000)
                    .build()));
    rpcs.add(
        new Rpc(
            "conversations/setconversationnotificationlevel",
            SetConversationNotificationLevelResponse.getDefaultInstance(),
            (c, g) ->
                SetConversationNotificationLevelRequest.newBuilder()
                    .setRequestHeader(c.header())
                    .setConversationId(conv(g))
                    .setLevel(NotificationLevel.NOTIFICATION_LEVEL_QUIET)
                    .build()));
    rpcs.add(
        new Rpc(
            "conversations/deleteconversation",
            DeleteConversationResponse.getDefaultInstance(),
            (c, g) ->
                DeleteConversationRequest.newBuilder()
                    .setRequestHeader(c.header())
                    .setConversationId(conv(g))
                    .setDeleteUpperBoundTimestamp(System.currentTimeMillis() * 1000)
                    .build()));
    rpcs.add(
        new Rpc(
            "conversations/easteregg",
            EasterEggResponse.getDefaultInstance(),
            (c, g) ->
                EasterEggRequest.newBuilder()
                    .setRequestHeader(c.header())
                    .setConversationId(conv(g))
                    .setEasterEgg(EasterEgg.newBuilder().setMessage("ponies"))
                    .build()));
    return rpcs;
  }

  private Group freshGroup() {
    String id = Requests.group(aliceClient, NAME, bob.id(), carol.id());
    Event secret = assertOk(Requests.send(aliceClient, id, SECRET)).getCreatedEvent();
    assertOk(
        aliceClient.rpc(
            "conversations/setgrouplinksharingenabled",
            SetGroupLinkSharingEnabledRequest.newBuilder()
                .setRequestHeader(aliceClient.header())
                .setEventRequestHeader(Requests.eventHeader(id))
                .setGroupLinkSharingStatus(GroupLinkSharingStatus.GROUP_LINK_SHARING_STATUS_ON)
                .build(),
            SetGroupLinkSharingEnabledResponse.getDefaultInstance()));
    String joinUrl =
        assertOk(
                aliceClient.rpc(
                    "conversations/getgroupconversationurl",
                    GetGroupConversationUrlRequest.newBuilder()
                        .setRequestHeader(aliceClient.header())
                        .setConversationId(conv(id))
                        .build(),
                    GetGroupConversationUrlResponse.getDefaultInstance()))
            .getGroupConversationUrl();
    assertOk(
        aliceClient.rpc(
            "conversations/removeuser",
            RemoveUserRequest.newBuilder()
                .setRequestHeader(aliceClient.header())
                .setParticipantId(ParticipantId.newBuilder().setGaiaId(carol.id()))
                .setEventRequestHeader(Requests.eventHeader(id))
                .build(),
            RemoveUserResponse.getDefaultInstance()));
    Event after = assertOk(Requests.send(aliceClient, id, AFTER)).getCreatedEvent();
    return new Group(id, joinUrl, secret, after);
  }

  private void check(Rpc rpc, Caller caller) {
    Group group = freshGroup();
    String what = rpc.endpoint() + " called by " + caller.name().toLowerCase().replace('_', ' ');
    switch (caller) {
      case PARTICIPANT -> {
        assertOk(what, call(aliceClient, rpc, group.id()));
      }
      case FORMER_PARTICIPANT -> {
        Message response = call(carolClient, rpc, group.id());
        if (rpc.endpoint().equals("conversations/getconversation")) {
          assertOk(what, response);
          assertThat(((GetConversationResponse) response).getConversationState().getEventList())
              .as("%s: history up to the removal, nothing after", what)
              .extracting(Event::getEventId)
              .contains(group.secret().getEventId())
              .doesNotContain(group.after().getEventId());
        } else if (rpc.endpoint().equals("conversations/deleteconversation")) {
          // A former participant keeps a copy of the history up to the removal (getconversation
          // above) and may delete that copy; it touches nobody else's view.
          assertOk(what, response);
          assertThat(
                  Requests.getConversation(carolClient, group.id())
                      .getConversationState()
                      .getEventList())
              .as("%s: carol's own copy is gone", what)
              .isEmpty();
          assertThat(
                  Requests.getConversation(aliceClient, group.id())
                      .getConversationState()
                      .getEventList())
              .as("%s: alice's history is untouched", what)
              .extracting(Event::getEventId)
              .contains(group.secret().getEventId(), group.after().getEventId());
        } else {
          assertRefused(what, response);
        }
      }
      case STRANGER -> {
        Message response = call(daveClient, rpc, group.id());
        assertRefused(what, response);
        String unknown =
            headerOf(call(daveClient, rpc, "no-such-conversation")).getErrorDescription();
        assertThat(headerOf(response).getErrorDescription())
            .as("%s: refused exactly like an unknown conversation", what)
            .isEqualTo(unknown);
        String raw = new String(response.toByteArray(), StandardCharsets.ISO_8859_1);
        assertThat(raw)
            .as("%s: nothing of the conversation in the response", what)
            .doesNotContain(group.id())
            .doesNotContain(NAME)
            .doesNotContain(SECRET)
            .doesNotContain(group.joinUrl().substring(group.joinUrl().lastIndexOf('/') + 1));
      }
      case UNAUTHENTICATED -> {
        HttpResponse<byte[]> response =
            aliceClient.send(
                HttpRequest.newBuilder(
                        URI.create(fixture.url() + "/chat/v1/" + rpc.endpoint() + "?alt=proto"))
                    .header("content-type", "application/x-protobuf")
                    .POST(
                        HttpRequest.BodyPublishers.ofByteArray(
                            rpc.request().apply(aliceClient, group.id()).toByteArray()))
                    .build());
        assertThat(response.statusCode()).as(what).isEqualTo(401);
        assertThat(new String(response.body(), StandardCharsets.ISO_8859_1))
            .as("%s: nothing of the conversation in the response", what)
            .doesNotContain(NAME)
            .doesNotContain(SECRET);
      }
    }
  }

  private static Message call(HangoutsTestClient client, Rpc rpc, String conversationId) {
    return client.rpc(
        rpc.endpoint(), rpc.request().apply(client, conversationId), rpc.responsePrototype());
  }
}
