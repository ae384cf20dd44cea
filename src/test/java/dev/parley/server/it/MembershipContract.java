package dev.parley.server.it;

import static dev.parley.server.it.Requests.conv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.proto.Hangouts.AddUserRequest;
import dev.parley.proto.Hangouts.AddUserResponse;
import dev.parley.proto.Hangouts.DeleteConversationRequest;
import dev.parley.proto.Hangouts.DeleteConversationResponse;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.EventType;
import dev.parley.proto.Hangouts.GetConversationResponse;
import dev.parley.proto.Hangouts.GetGroupConversationUrlRequest;
import dev.parley.proto.Hangouts.GetGroupConversationUrlResponse;
import dev.parley.proto.Hangouts.GroupLinkSharingStatus;
import dev.parley.proto.Hangouts.InviteeID;
import dev.parley.proto.Hangouts.MembershipChangeType;
import dev.parley.proto.Hangouts.ParticipantId;
import dev.parley.proto.Hangouts.SetGroupLinkSharingEnabledRequest;
import dev.parley.proto.Hangouts.SetGroupLinkSharingEnabledResponse;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.server.testing.HangoutsTestClient;
import dev.parley.server.testing.TestChannel;
import dev.parley.wire.JsonReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Black-box tests of who is in a conversation: adding people, sharing a join link and joining by
 * it, and deleting a conversation for oneself.
 */
abstract class MembershipContract extends ServerTestBase {

  @Test
  void addedPersonJoinsWithAnEventAndReceivesPushesFromThenOn() {
    String group = Requests.group(aliceClient, "Growing", bob.id());
    TestChannel bobChannel = channel(bobClient);
    TestChannel carolChannel = channel(carolClient);
    AddUserResponse added =
        aliceClient.rpc(
            "conversations/adduser",
            AddUserRequest.newBuilder()
                .setRequestHeader(aliceClient.header())
                .addInviteeId(InviteeID.newBuilder().setGaiaId(carol.id()))
                .setEventRequestHeader(Requests.eventHeader(group))
                .build(),
            AddUserResponse.getDefaultInstance());
    assertOk(added);
    Event join = added.getCreatedEvent();
    assertThat(join.getEventType()).isEqualTo(EventType.EVENT_TYPE_ADD_USER);
    assertThat(join.getMembershipChange().getType())
        .isEqualTo(MembershipChangeType.MEMBERSHIP_CHANGE_TYPE_JOIN);
    assertThat(join.getMembershipChange().getParticipantIdsList())
        .extracting(ParticipantId::getGaiaId)
        .containsExactly(carol.id());

    StateUpdate atBob = bobChannel.await(StateUpdate::hasEventNotification, WAIT);
    assertThat(atBob.getEventNotification().getEvent().getEventId()).isEqualTo(join.getEventId());
    assertThat(atBob.getConversation().getCurrentParticipantList())
        .extracting(ParticipantId::getGaiaId)
        .containsExactlyInAnyOrder(alice.id(), bob.id(), carol.id());
    StateUpdate atCarol = carolChannel.await(StateUpdate::hasEventNotification, WAIT);
    assertThat(atCarol.getEventNotification().getEvent().getEventId()).isEqualTo(join.getEventId());

    Event later = Requests.send(bobClient, group, "welcome, carol").getCreatedEvent();
    StateUpdate welcome =
        carolChannel.await(
            u -> u.getEventNotification().getEvent().getEventId().equals(later.getEventId()), WAIT);
    assertThat(welcome.getConversation().getConversationId().getId()).isEqualTo(group);
    assertOk(Requests.send(carolClient, group, "thanks"));
  }

  @Test
  void sharedLinkLetsAStrangerJoinAndEveryoneSeesTheJoin() throws Exception {
    String group = Requests.group(aliceClient, "Open house", bob.id());
    assertRefused(linkOf(aliceClient, group));
    TestChannel bobChannel = channel(bobClient);

    SetGroupLinkSharingEnabledResponse enabled =
        setLinkSharing(aliceClient, group, GroupLinkSharingStatus.GROUP_LINK_SHARING_STATUS_ON);
    assertOk(enabled);
    assertThat(enabled.getCreatedEvent().getEventType())
        .isEqualTo(EventType.EVENT_TYPE_GROUP_LINK_SHARING_MODIFICATION);
    assertThat(enabled.getCreatedEvent().getGroupLinkSharingModification().getNewStatus())
        .isEqualTo(GroupLinkSharingStatus.GROUP_LINK_SHARING_STATUS_ON);
    assertThat(enabled.getUpdatedConversation().getConversationId().getId()).isEqualTo(group);
    assertThat(enabled.getUpdatedConversation().getGroupLinkSharingStatus())
        .isEqualTo(GroupLinkSharingStatus.GROUP_LINK_SHARING_STATUS_ON);
    StateUpdate sharingAtBob = bobChannel.await(StateUpdate::hasEventNotification, WAIT);
    assertThat(sharingAtBob.getEventNotification().getEvent().getEventId())
        .isEqualTo(enabled.getCreatedEvent().getEventId());
    assertThat(sharingAtBob.getConversation().getGroupLinkSharingStatus())
        .isEqualTo(GroupLinkSharingStatus.GROUP_LINK_SHARING_STATUS_ON);

    String url = assertOk(linkOf(bobClient, group)).getGroupConversationUrl();
    assertThat(url).startsWith(fixture.url() + "/join/");
    assertThat(url.substring((fixture.url() + "/join/").length())).hasSizeGreaterThan(16);

    HttpResponse<byte[]> joined = join(daveClient, url);
    assertThat(joined.statusCode()).as(body(joined)).isEqualTo(200);
    assertThat(((Map<?, ?>) JsonReader.parse(body(joined))).get("conversation_id"))
        .isEqualTo(group);
    StateUpdate joinAtBob =
        bobChannel.await(
            u ->
                // MembershipChangeType has no zero value: JOIN is also the default of an absent
                // field, so check presence first.
                u.getEventNotification().getEvent().hasMembershipChange()
                    && u.getEventNotification().getEvent().getMembershipChange().getType()
                        == MembershipChangeType.MEMBERSHIP_CHANGE_TYPE_JOIN,
            WAIT);
    Event joinEvent = joinAtBob.getEventNotification().getEvent();
    assertThat(joinEvent.getEventType()).isEqualTo(EventType.EVENT_TYPE_ADD_USER);
    assertThat(joinEvent.getMembershipChange().getParticipantIdsList())
        .extracting(ParticipantId::getGaiaId)
        .containsExactly(dave.id());
    assertOk(Requests.send(daveClient, group, "hello from dave"));
  }

  @Test
  void linkOfAConversationWhoseSharingWasTurnedOffNoLongerWorks() {
    String group = Requests.group(aliceClient, "Closed house", bob.id());
    assertOk(
        setLinkSharing(aliceClient, group, GroupLinkSharingStatus.GROUP_LINK_SHARING_STATUS_ON));
    String url = assertOk(linkOf(aliceClient, group)).getGroupConversationUrl();
    assertOk(
        setLinkSharing(aliceClient, group, GroupLinkSharingStatus.GROUP_LINK_SHARING_STATUS_OFF));
    assertRefused(linkOf(aliceClient, group));

    HttpResponse<byte[]> refused = join(daveClient, url);
    assertThat(refused.statusCode()).as(body(refused)).isEqualTo(404);
    assertThat(body(refused)).doesNotContain(group).doesNotContain("Closed house");
    assertRefused(Requests.getConversation(daveClient, group));
    assertThat(join(daveClient, fixture.url() + "/join/no-such-token").statusCode()).isEqualTo(404);
    HttpResponse<byte[]> anonymous =
        daveClient.send(
            HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void deletedConversationLeavesTheDeletersListUntilSomethingNewArrives() {
    String group = Requests.group(aliceClient, "Spring cleaning", bob.id());
    Event old = Requests.send(bobClient, group, "old news").getCreatedEvent();
    HangoutsTestClient alicePhone = aliceClient.anotherSession();
    TestChannel aliceChannel = channel(aliceClient);
    TestChannel alicePhoneChannel = channel(alicePhone);
    TestChannel bobChannel = channel(bobClient);

    DeleteConversationResponse deleted =
        aliceClient.rpc(
            "conversations/deleteconversation",
            DeleteConversationRequest.newBuilder()
                .setRequestHeader(aliceClient.header())
                .setConversationId(conv(group))
                .setDeleteUpperBoundTimestamp(old.getTimestamp())
                .build(),
            DeleteConversationResponse.getDefaultInstance());
    assertOk(deleted);
    assertThat(deleted.getDeleteAction().getDeleteUpperBoundTimestamp())
        .isEqualTo(old.getTimestamp());
    for (TestChannel channel : List.of(aliceChannel, alicePhoneChannel)) {
      StateUpdate notice = channel.await(StateUpdate::hasDeleteNotification, WAIT);
      assertThat(notice.getDeleteNotification().getConversationId().getId()).isEqualTo(group);
      assertThat(notice.getDeleteNotification().getDeleteAction().getDeleteUpperBoundTimestamp())
          .isEqualTo(old.getTimestamp());
    }
    assertThat(Requests.listed(aliceClient, group)).as("alice's list after deleting").isEmpty();
    assertThat(Requests.getConversation(aliceClient, group).getConversationState().getEventList())
        .as("alice's history after deleting")
        .isEmpty();
    assertThat(Requests.listed(bobClient, group)).as("bob's list").isPresent();
    assertThat(Requests.getConversation(bobClient, group).getConversationState().getEventList())
        .extracting(Event::getEventId)
        .as("bob's history")
        .contains(old.getEventId());

    Event fresh = Requests.send(bobClient, group, "fresh news").getCreatedEvent();
    assertThat(Requests.listed(aliceClient, group))
        .as("alice's list after a newer message")
        .isPresent();
    GetConversationResponse history = Requests.getConversation(aliceClient, group);
    assertThat(history.getConversationState().getEventList())
        .extracting(Event::getEventId)
        .containsExactly(fresh.getEventId());
    bobChannel.await(
        u -> u.getEventNotification().getEvent().getEventId().equals(fresh.getEventId()), WAIT);
    assertThat(bobChannel.drain()).noneMatch(StateUpdate::hasDeleteNotification);
  }

  private static SetGroupLinkSharingEnabledResponse setLinkSharing(
      HangoutsTestClient client, String group, GroupLinkSharingStatus status) {
    return client.rpc(
        "conversations/setgrouplinksharingenabled",
        SetGroupLinkSharingEnabledRequest.newBuilder()
            .setRequestHeader(client.header())
            .setEventRequestHeader(Requests.eventHeader(group))
            .setGroupLinkSharingStatus(status)
            .build(),
        SetGroupLinkSharingEnabledResponse.getDefaultInstance());
  }

  private static GetGroupConversationUrlResponse linkOf(HangoutsTestClient client, String group) {
    return client.rpc(
        "conversations/getgroupconversationurl",
        GetGroupConversationUrlRequest.newBuilder()
            .setRequestHeader(client.header())
            .setConversationId(conv(group))
            .build(),
        GetGroupConversationUrlResponse.getDefaultInstance());
  }

  private static HttpResponse<byte[]> join(HangoutsTestClient client, String url) {
    return client.send(
        client
            .authorized(HttpRequest.newBuilder(URI.create(url)))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  private static String body(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
