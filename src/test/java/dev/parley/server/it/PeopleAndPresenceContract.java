package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.proto.Hangouts.ActiveClientState;
import dev.parley.proto.Hangouts.ChatMessageSpec;
import dev.parley.proto.Hangouts.Entity;
import dev.parley.proto.Hangouts.EntityLookupSpec;
import dev.parley.proto.Hangouts.EntityResult;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.FieldMask;
import dev.parley.proto.Hangouts.GetEntityByIdRequest;
import dev.parley.proto.Hangouts.GetEntityByIdResponse;
import dev.parley.proto.Hangouts.GetSuggestedEntitiesRequest;
import dev.parley.proto.Hangouts.GetSuggestedEntitiesResponse;
import dev.parley.proto.Hangouts.OffnetworkAddress;
import dev.parley.proto.Hangouts.OffnetworkAddressType;
import dev.parley.proto.Hangouts.ParticipantId;
import dev.parley.proto.Hangouts.Presence;
import dev.parley.proto.Hangouts.PresenceResult;
import dev.parley.proto.Hangouts.QueryPresenceRequest;
import dev.parley.proto.Hangouts.QueryPresenceResponse;
import dev.parley.proto.Hangouts.SearchEntitiesRequest;
import dev.parley.proto.Hangouts.SearchEntitiesResponse;
import dev.parley.proto.Hangouts.Segment;
import dev.parley.proto.Hangouts.SegmentType;
import dev.parley.proto.Hangouts.SendOffnetworkInvitationRequest;
import dev.parley.proto.Hangouts.SendOffnetworkInvitationResponse;
import dev.parley.proto.Hangouts.SetActiveClientRequest;
import dev.parley.proto.Hangouts.SetActiveClientResponse;
import dev.parley.proto.Hangouts.SetPresenceRequest;
import dev.parley.proto.Hangouts.SetPresenceResponse;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.StatusMessageSetting;
import dev.parley.server.storage.Account;
import dev.parley.server.testing.HangoutsTestClient;
import dev.parley.server.testing.TestChannel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Black-box tests of the people RPCs (contacts, devices) and presence (presence, clients). */
abstract class PeopleAndPresenceContract extends ServerTestBase {

  @Test
  void entitiesAreFoundByIdAmongContactsAndByEmailButStrangersIdsFindNothing() {
    Requests.oneToOne(aliceClient, bob.id());
    GetEntityByIdResponse response =
        aliceClient.rpc(
            "contacts/getentitybyid",
            GetEntityByIdRequest.newBuilder()
                .setRequestHeader(aliceClient.header())
                .addBatchLookupSpec(EntityLookupSpec.newBuilder().setGaiaId(bob.id()))
                .addBatchLookupSpec(EntityLookupSpec.newBuilder().setEmail("CAROL@Example.org"))
                .addBatchLookupSpec(EntityLookupSpec.newBuilder().setGaiaId(dave.id()))
                .addBatchLookupSpec(EntityLookupSpec.newBuilder().setEmail("nobody@example.org"))
                .build(),
            GetEntityByIdResponse.getDefaultInstance());
    assertOk(response);
    assertThat(response.getEntityResultList()).hasSize(4);
    EntityResult byId = response.getEntityResult(0);
    assertThat(byId.getEntityList())
        .extracting(e -> e.getId().getGaiaId())
        .containsExactly(bob.id());
    assertThat(byId.getEntity(0).getProperties().getDisplayName()).isEqualTo("Bob Builder");
    EntityResult byEmail = response.getEntityResult(1);
    assertThat(byEmail.getEntityList())
        .extracting(e -> e.getId().getGaiaId())
        .containsExactly(carol.id());
    assertThat(response.getEntityResult(2).getEntityList()).as("a stranger's gaia id").isEmpty();
    assertThat(response.getEntityResult(3).getEntityList()).as("an unknown email").isEmpty();
    assertThat(response.getEntityList())
        .extracting(e -> e.getId().getGaiaId())
        .containsExactly(bob.id(), carol.id());
    assertThat(response.toString()).doesNotContain("Dave Bowman").doesNotContain("dave@");
  }

  @Test
  void searchMatchesNameAndEmailPrefixesCaseInsensitivelyUpToMaxCount() {
    Account bobby = fixture.createAccount("bobby@example.org", "Bobby Tables");
    fixture.createAccount("roberta@example.org", "Roberta Bobson");
    fixture.createAccount("percent@example.org", "Percy Cent");

    assertThat(search("BoB", 10))
        .extracting(e -> e.getId().getGaiaId())
        .containsExactly(bob.id(), bobby.id());
    assertThat(search("bob", 1)).extracting(e -> e.getId().getGaiaId()).containsExactly(bob.id());
    assertThat(search("CAROL@EX", 10))
        .extracting(e -> e.getId().getGaiaId())
        .containsExactly(carol.id());
    assertThat(search("tables", 10)).as("not a prefix of anything").isEmpty();
    assertThat(search("%", 10)).as("LIKE wildcards are plain characters").isEmpty();
    assertThat(search("_ob", 10)).as("LIKE wildcards are plain characters").isEmpty();
  }

  @Test
  void suggestionsAreThePeopleYouShareConversationsWithMostRecentFirst() {
    String withBob = Requests.oneToOne(aliceClient, bob.id());
    Requests.oneToOne(aliceClient, carol.id());
    Requests.send(aliceClient, withBob, "bob is the most recent");
    GetSuggestedEntitiesResponse response =
        aliceClient.rpc(
            "contacts/getsuggestedentities",
            GetSuggestedEntitiesRequest.newBuilder()
                .setRequestHeader(aliceClient.header())
                .setMaxCount(10)
                .build(),
            GetSuggestedEntitiesResponse.getDefaultInstance());
    assertOk(response);
    assertThat(response.getEntityList())
        .extracting(e -> e.getId().getGaiaId())
        .containsExactly(bob.id(), carol.id());
    assertThat(response.getContactsYouHangoutWith().getContactList())
        .extracting(c -> c.getEntity().getId().getGaiaId())
        .containsExactly(bob.id(), carol.id());
  }

  @Test
  void offNetworkInvitationIsAcceptedForAnEmailAddressOnly() {
    assertOk(invite("friend@elsewhere.example"));
    assertRefused(invite("not an address"));
  }

  @Test
  void presenceShowsContactsReachableWhileTheirChannelIsOpenAndStrangersNotAtAll() {
    Requests.oneToOne(aliceClient, bob.id());
    Requests.oneToOne(aliceClient, carol.id());
    channel(bobClient);
    Map<String, Presence> seen = queryPresence(aliceClient, bob, carol, dave);
    assertThat(seen).containsOnlyKeys(bob.id(), carol.id());
    assertThat(seen.get(bob.id()).getReachable()).as("bob, channel open").isTrue();
    assertThat(seen.get(carol.id()).getReachable()).as("carol, no channel").isFalse();
    assertThat(queryPresence(daveClient, bob)).as("what a stranger learns").isEmpty();
  }

  @Test
  void statusMessageSetWithSetPresenceIsPushedToContactsAndQueried() {
    Requests.oneToOne(aliceClient, bob.id());
    TestChannel aliceChannel = channel(aliceClient);
    SetPresenceResponse set =
        bobClient.rpc(
            "presence/setpresence",
            SetPresenceRequest.newBuilder()
                .setRequestHeader(bobClient.header())
                .setStatusMessageSetting(
                    StatusMessageSetting.newBuilder()
                        .addStatusMessage(
                            ChatMessageSpec.newBuilder()
                                .addSegment(
                                    Segment.newBuilder()
                                        .setType(SegmentType.SEGMENT_TYPE_TEXT)
                                        .setText("Gone fishing"))))
                .build(),
            SetPresenceResponse.getDefaultInstance());
    assertOk(set);
    StateUpdate pushed =
        aliceChannel.await(
            u ->
                u.getPresenceNotification().getPresenceList().stream()
                    .anyMatch(p -> p.getUserId().getGaiaId().equals(bob.id())),
            WAIT);
    assertThat(statusText(pushed.getPresenceNotification().getPresence(0).getPresence()))
        .isEqualTo("Gone fishing");
    assertThat(statusText(queryPresence(aliceClient, bob).get(bob.id()))).isEqualTo("Gone fishing");
  }

  @Test
  void activeClientIsActiveForItsOwnSessionAndOtherActiveForTheAccountsOtherSession() {
    String conversationId = Requests.oneToOne(aliceClient, bob.id());
    HangoutsTestClient alicePhone = aliceClient.anotherSession();
    TestChannel aliceChannel = channel(aliceClient);
    TestChannel alicePhoneChannel = channel(alicePhone);
    TestChannel bobChannel = channel(bobClient);
    SetActiveClientResponse active =
        aliceClient.rpc(
            "clients/setactiveclient",
            SetActiveClientRequest.newBuilder()
                .setRequestHeader(aliceClient.header())
                .setIsActive(true)
                .setFullJid("alice@example.org/" + aliceChannel.clientId())
                .setTimeoutSecs(120)
                .build(),
            SetActiveClientResponse.getDefaultInstance());
    assertOk(active);

    Event sent = Requests.send(bobClient, conversationId, "who is active?").getCreatedEvent();
    assertThat(activeStateOf(aliceChannel, sent))
        .isEqualTo(ActiveClientState.ACTIVE_CLIENT_STATE_IS_ACTIVE);
    assertThat(activeStateOf(alicePhoneChannel, sent))
        .isEqualTo(ActiveClientState.ACTIVE_CLIENT_STATE_OTHER_ACTIVE);
    assertThat(activeStateOf(bobChannel, sent))
        .isEqualTo(ActiveClientState.ACTIVE_CLIENT_STATE_NO_ACTIVE);
    Presence alicePresence = queryPresence(bobClient, alice).get(alice.id());
    assertThat(alicePresence.getAvailable()).isTrue();
    assertThat(alicePresence.getDeviceStatus().getDesktop()).isTrue();
  }

  private static ActiveClientState activeStateOf(TestChannel channel, Event event) {
    return channel
        .await(
            u -> u.getEventNotification().getEvent().getEventId().equals(event.getEventId()), WAIT)
        .getStateUpdateHeader()
        .getActiveClientState();
  }

  private List<Entity> search(String query, int maxCount) {
    SearchEntitiesResponse response =
        aliceClient.rpc(
            "contacts/searchentities",
            SearchEntitiesRequest.newBuilder()
                .setRequestHeader(aliceClient.header())
                .setQuery(query)
                .setMaxCount(maxCount)
                .build(),
            SearchEntitiesResponse.getDefaultInstance());
    return assertOk(response).getEntityList();
  }

  private SendOffnetworkInvitationResponse invite(String email) {
    return aliceClient.rpc(
        "devices/sendoffnetworkinvitation",
        SendOffnetworkInvitationRequest.newBuilder()
            .setRequestHeader(aliceClient.header())
            .setInviteeAddress(
                OffnetworkAddress.newBuilder()
                    .setType(OffnetworkAddressType.OFFNETWORK_ADDRESS_TYPE_EMAIL)
                    .setEmail(email))
            .build(),
        SendOffnetworkInvitationResponse.getDefaultInstance());
  }

  /** Presence results by gaia id, asked for as hangups asks (every field mask). */
  private static Map<String, Presence> queryPresence(HangoutsTestClient client, Account... people) {
    QueryPresenceRequest.Builder request =
        QueryPresenceRequest.newBuilder().setRequestHeader(client.header());
    for (Account person : people) {
      request.addParticipantId(
          ParticipantId.newBuilder().setGaiaId(person.id()).setChatId(person.id()));
    }
    Arrays.stream(FieldMask.values()).forEach(request::addFieldMask);
    QueryPresenceResponse response =
        client.rpc(
            "presence/querypresence", request.build(), QueryPresenceResponse.getDefaultInstance());
    return assertOk(response).getPresenceResultList().stream()
        .collect(
            Collectors.toMap(
                r -> r.getUserId().getGaiaId(), PresenceResult::getPresence, (a, b) -> a));
  }

  private static String statusText(Presence presence) {
    return presence.getStatusMessage().getStatusMessageList().stream()
        .flatMap(spec -> spec.getSegmentList().stream())
        .map(Segment::getText)
        .collect(Collectors.joining());
  }
}
