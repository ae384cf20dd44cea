package dev.parley.client;

import static dev.parley.client.ModelFixtures.ALICE;
import static dev.parley.client.ModelFixtures.BOB;
import static dev.parley.client.ModelFixtures.CAROL;
import static dev.parley.client.ModelFixtures.SELF;
import static dev.parley.client.ModelFixtures.entities;
import static dev.parley.client.ModelFixtures.entity;
import static dev.parley.client.ModelFixtures.id;
import static dev.parley.client.ModelFixtures.participant;
import static dev.parley.client.ModelFixtures.pid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.proto.Hangouts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserListModelTest {
  private final FakeHangoutsApi api = new FakeHangoutsApi();

  private UserList users(
      List<Hangouts.Entity> entities, Hangouts.ConversationParticipantData... parts) {
    return new UserList(api, entity(SELF, "Sam Self", "Sam"), entities, List.of(parts));
  }

  private static Hangouts.StateUpdate conversationWith(
      Hangouts.ConversationParticipantData... parts) {
    return Hangouts.StateUpdate.newBuilder()
        .setConversation(
            Hangouts.Conversation.newBuilder()
                .setConversationId(ConversationRequests.conversationId("c"))
                .addAllParticipantData(List.of(parts)))
        .build();
  }

  @Test
  void entityNameIsRealAndFirstNameFallsBackToTheFirstWord() {
    UserList users = users(List.of(entity(ALICE, "Alice  Able", null)));

    User alice = users.getUser(id(ALICE));

    assertThat(alice.getFullName()).isEqualTo("Alice  Able");
    assertThat(alice.getFirstName()).isEqualTo("Alice");
    assertThat(alice.getNameType()).isEqualTo(NameType.REAL);
    assertThat(alice.isSelf()).isFalse();
  }

  @Test
  void fallbackNameUnknownMeansNoNameAtAll() {
    UserList users = users(List.of(), participant(ALICE, "unknown"));

    User alice = users.getUser(id(ALICE));

    assertThat(alice.getFullName()).isEqualTo("Unknown");
    assertThat(alice.getFirstName()).isEqualTo("Unknown");
    assertThat(alice.getNameType()).isEqualTo(NameType.DEFAULT);
  }

  @Test
  void aNameWithoutLettersIsNumericAndIsAlsoTheFirstName() {
    UserList users = users(List.of(), participant(ALICE, "+1 212 555 1212"));

    assertThat(users.getUser(id(ALICE)).getNameType()).isEqualTo(NameType.NUMERIC);
    assertThat(users.getUser(id(ALICE)).getFirstName()).isEqualTo("+1 212 555 1212");
  }

  @Test
  void aLaterSourceOnlyReplacesANameOfALowerKind() {
    UserList users = users(List.of(), participant(ALICE, "unknown"), participant(BOB, "Bob Baker"));

    api.fire(conversationWith(participant(ALICE, "+15551234"), participant(BOB, "+15559999")));
    assertThat(users.getUser(id(ALICE)).getFullName()).isEqualTo("+15551234");
    assertThat(users.getUser(id(BOB)).getFullName()).isEqualTo("Bob Baker");

    api.fire(conversationWith(participant(ALICE, "Alice Able"), participant(BOB, "Robert B")));
    assertThat(users.getUser(id(ALICE)).getFullName()).isEqualTo("Alice Able");
    assertThat(users.getUser(id(ALICE)).getNameType()).isEqualTo(NameType.REAL);
    assertThat(users.getUser(id(BOB)).getFullName()).isEqualTo("Bob Baker");

    api.fire(conversationWith(participant(ALICE, "unknown")));
    assertThat(users.getUser(id(ALICE)).getFullName()).isEqualTo("Alice Able");
  }

  @Test
  void upgradeNameReturnsANewSnapshotAndLeavesTheOldOneAlone() {
    User unknown = new User(id(ALICE), null, null, null, null, List.of(), false);
    User named = new User(id(ALICE), "Alice Able", "Ali", null, null, List.of(), false);

    User upgraded = unknown.upgradeName(named);

    assertThat(upgraded.getFullName()).isEqualTo("Alice Able");
    assertThat(upgraded.getFirstName()).isEqualTo("Ali");
    assertThat(unknown.getFullName()).isEqualTo(User.DEFAULT_NAME);
    assertThat(named.upgradeName(unknown)).isSameAs(named);
  }

  @Test
  void aBetterNameFiresUserChanged() {
    UserList users = users(List.of(), participant(ALICE, "unknown"));
    List<User> changed = new ArrayList<>();
    users.onUserChanged().addObserver(changed::add);

    api.fire(conversationWith(participant(ALICE, "Alice Able")));
    api.fire(conversationWith(participant(ALICE, "Alice Able")));

    assertThat(changed).extracting(User::getFullName).containsExactly("Alice Able");
  }

  @Test
  void aPersonKnownOnlyByParticipantDataIsLookedUpOnceForNameAndPhoto() {
    UserList users = users(List.of());
    Hangouts.Entity carol =
        entity(CAROL, "Carol Cole", "Carol").toBuilder()
            .setProperties(
                entity(CAROL, "Carol Cole", "Carol").getProperties().toBuilder()
                    .setPhotoUrl("//media/carol")
                    .addEmail("carol@example.com"))
            .build();
    api.respond(Hangouts.GetEntityByIdResponse.class, entities(carol));

    api.fire(conversationWith(participant(CAROL, "carol")));
    api.fire(conversationWith(participant(CAROL, "carol")));

    assertThat(api.requests(Hangouts.GetEntityByIdRequest.class)).hasSize(1);
    assertThat(
            api.lastRequest(Hangouts.GetEntityByIdRequest.class).getBatchLookupSpec(0).getGaiaId())
        .isEqualTo(CAROL);
    User user = users.getUser(id(CAROL));
    assertThat(user.getFullName()).isEqualTo("Carol Cole");
    assertThat(user.getPhotoUrl()).isEqualTo("https://media/carol");
    assertThat(user.getEmails()).containsExactly("carol@example.com");
  }

  @Test
  void anUnknownIdGivesAPlaceholderNamedUnknown() {
    UserList users = users(List.of());

    assertThat(users.getUser(id("999")).getFullName()).isEqualTo("Unknown");
    assertThat(users.findUser(id("999"))).isEmpty();
  }

  @Test
  void theSelfUserIsMarkedAndListed() {
    UserList users = users(List.of(entity(ALICE, "Alice Able", null)));

    assertThat(users.getSelf().isSelf()).isTrue();
    assertThat(users.getSelf().getId()).isEqualTo(id(SELF));
    assertThat(users.getAllUsers()).extracting(User::getId).containsExactly(id(SELF), id(ALICE));
  }

  @Test
  void searchPeopleReturnsUserSnapshots() {
    UserList users = users(List.of());
    api.respond(
        Hangouts.SearchEntitiesResponse.class,
        Hangouts.SearchEntitiesResponse.newBuilder()
            .addEntity(entity(ALICE, "Alice Able", null))
            .addEntity(entity(SELF, "Sam Self", null))
            .build());

    List<User> found = users.searchPeople("a", 10).join();

    assertThat(found).extracting(User::getFullName).containsExactly("Alice Able", "Sam Self");
    assertThat(found.get(1).isSelf()).isTrue();
    assertThat(api.lastRequest(Hangouts.SearchEntitiesRequest.class).getQuery()).isEqualTo("a");
    assertThat(api.lastRequest(Hangouts.SearchEntitiesRequest.class).getMaxCount()).isEqualTo(10);
  }

  @Test
  void suggestedPeopleMergesTheGroupsWithoutDuplicates() {
    UserList users = users(List.of());
    api.respond(
        Hangouts.GetSuggestedEntitiesResponse.class,
        Hangouts.GetSuggestedEntitiesResponse.newBuilder()
            .addEntity(entity(ALICE, "Alice Able", null))
            .setContactsYouHangoutWith(
                Hangouts.SuggestedContactGroup.newBuilder()
                    .addContact(
                        Hangouts.SuggestedContact.newBuilder()
                            .setEntity(entity(ALICE, "Alice Able", null)))
                    .addContact(
                        Hangouts.SuggestedContact.newBuilder()
                            .setEntity(entity(BOB, "Bob Baker", null))))
            .build());

    assertThat(users.suggestedPeople(20).join())
        .extracting(User::getId)
        .containsExactly(id(ALICE), id(BOB));
  }

  private static Hangouts.PresenceResult presence(String who, boolean available, String status) {
    return Hangouts.PresenceResult.newBuilder()
        .setUserId(pid(who))
        .setPresence(
            Hangouts.Presence.newBuilder()
                .setReachable(true)
                .setAvailable(available)
                .setLastSeen(Hangouts.LastSeen.newBuilder().setLastSeenTimestampUsec(2_000_000))
                .setStatusMessage(
                    Hangouts.StatusMessageState.newBuilder()
                        .addStatusMessage(
                            Hangouts.ChatMessageSpec.newBuilder()
                                .addSegment(ChatMessageSegment.text(status).serialize()))))
        .build();
  }

  @Test
  void queryPresenceReturnsAndRemembersWhatTheServerSays() {
    UserList users = users(List.of());
    api.respond(
        Hangouts.QueryPresenceResponse.class,
        Hangouts.QueryPresenceResponse.newBuilder()
            .addPresenceResult(presence(ALICE, true, "at lunch"))
            .build());

    Map<UserId, Presence> result = users.queryPresence(List.of(id(ALICE), id(BOB))).join();

    Presence alice = result.get(id(ALICE));
    assertThat(alice.available()).isTrue();
    assertThat(alice.reachable()).isTrue();
    assertThat(alice.lastSeen()).isEqualTo(Instant.ofEpochSecond(2));
    assertThat(alice.statusMessageText()).isEqualTo("at lunch");
    assertThat(result).doesNotContainKey(id(BOB));
    assertThat(users.getPresence(id(ALICE))).contains(alice);
    assertThat(api.lastRequest(Hangouts.QueryPresenceRequest.class).getParticipantIdList())
        .containsExactly(pid(ALICE), pid(BOB));
  }

  @Test
  void aPresenceNotificationIsRememberedAndAnnounced() {
    UserList users = users(List.of());
    List<Presence> seen = new ArrayList<>();
    users.onPresence().addObserver(seen::add);

    api.fire(
        Hangouts.StateUpdate.newBuilder()
            .setPresenceNotification(
                Hangouts.PresenceNotification.newBuilder().addPresence(presence(BOB, false, "")))
            .build());

    assertThat(seen).extracting(Presence::userId).containsExactly(id(BOB));
    assertThat(users.getPresence(id(BOB)).orElseThrow().available()).isFalse();
  }

  @Test
  void setPresenceSendsTheStateAndTheStatusMessage() {
    UserList users = users(List.of());

    users.setPresence(true, ChatMessageSegment.fromString("in a **meeting**")).join();
    users.setPresence(false, null).join();
    users.setDoNotDisturb(true, Duration.ofHours(1)).join();

    List<Hangouts.SetPresenceRequest> sent = api.requests(Hangouts.SetPresenceRequest.class);
    assertThat(sent.get(0).getPresenceStateSetting().getType())
        .isEqualTo(Hangouts.ClientPresenceStateType.CLIENT_PRESENCE_STATE_DESKTOP_ACTIVE);
    assertThat(sent.get(0).getStatusMessageSetting().getStatusMessage(0).getSegmentList())
        .extracting(Hangouts.Segment::getText)
        .containsExactly("in a ", "meeting");
    assertThat(sent.get(1).getPresenceStateSetting().getType())
        .isEqualTo(Hangouts.ClientPresenceStateType.CLIENT_PRESENCE_STATE_DESKTOP_IDLE);
    assertThat(sent.get(1).hasStatusMessageSetting()).isFalse();
    assertThat(sent.get(2).getDndSetting().getDoNotDisturb()).isTrue();
    assertThat(sent.get(2).getDndSetting().getTimeoutSecs()).isEqualTo(3600);
  }

  @Test
  void closingStopsObservingTheApi() {
    UserList users = users(List.of());
    assertThat(api.stateUpdateObservers()).isEqualTo(1);

    users.close();

    assertThat(api.stateUpdateObservers()).isZero();
  }
}
