package dev.parley.client;

import static dev.parley.client.ModelFixtures.ALICE;
import static dev.parley.client.ModelFixtures.BOB;
import static dev.parley.client.ModelFixtures.SELF;
import static dev.parley.client.ModelFixtures.chat;
import static dev.parley.client.ModelFixtures.eventUpdate;
import static dev.parley.client.ModelFixtures.group;
import static dev.parley.client.ModelFixtures.id;
import static dev.parley.client.ModelFixtures.oneToOne;
import static dev.parley.client.ModelFixtures.pid;
import static dev.parley.client.ModelFixtures.state;
import static dev.parley.client.ModelFixtures.typing;
import static dev.parley.client.ModelFixtures.watermark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.proto.Hangouts;
import dev.parley.proto.Hangouts.GetConversationRequest;
import dev.parley.proto.Hangouts.GetConversationResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ConversationListModelTest {
  private final FakeHangoutsApi api = new FakeHangoutsApi();
  private final List<String> heard = new ArrayList<>();

  private ConversationList build(Hangouts.ConversationState... states) {
    ConversationList list = ModelFixtures.build(api, states).conversationList();
    list.onEvent().addObserver(e -> heard.add("list:" + e.getId()));
    return list;
  }

  private static GetConversationResponse fetched(Hangouts.Conversation c) {
    return GetConversationResponse.newBuilder().setConversationState(state(c)).build();
  }

  @Test
  void anEventForAnUnknownConversationFetchesItWithoutEventsThenAddsTheEvent() {
    ConversationList list = build();
    api.respond(GetConversationResponse.class, fetched(group("new", ALICE, BOB)));

    api.fire(eventUpdate(chat("new", "e1", ALICE, 10, "hello")));

    GetConversationRequest request = api.lastRequest(GetConversationRequest.class);
    assertThat(request.getConversationSpec().getConversationId().getId()).isEqualTo("new");
    assertThat(request.getIncludeEvent()).isFalse();
    assertThat(list.get("new").getEvents())
        .extracting(ConversationEvent::getId)
        .containsExactly("e1");
    assertThat(heard).containsExactly("list:e1");
  }

  @Test
  void updatesForAConversationBeingFetchedWaitForItAndKeepTheirOrder() {
    ConversationList list = build();
    CompletableFuture<GetConversationResponse> slow =
        api.respondLater(GetConversationResponse.class);

    api.fire(eventUpdate(chat("new", "e1", ALICE, 10, "one")));
    api.fire(eventUpdate(chat("new", "e2", ALICE, 20, "two")));
    api.fire(typing("new", ALICE, Hangouts.TypingType.TYPING_TYPE_PAUSED));
    assertThat(heard).isEmpty();
    assertThat(api.requests(GetConversationRequest.class)).hasSize(1);

    slow.complete(fetched(group("new", ALICE, BOB)));

    assertThat(heard).containsExactly("list:e1", "list:e2");
    assertThat(list.get("new").getEvents())
        .extracting(ConversationEvent::getId)
        .containsExactly("e1", "e2");
    assertThat(api.requests(GetConversationRequest.class)).hasSize(1);
  }

  @Test
  void aFailedFetchDiscardsTheUpdateButNotTheNextOne() {
    ConversationList list = build();
    api.fail(GetConversationResponse.class, new NetworkException("down"));
    api.respond(GetConversationResponse.class, fetched(group("new", ALICE, BOB)));

    api.fire(eventUpdate(chat("new", "e1", ALICE, 10, "lost")));
    api.fire(eventUpdate(chat("new", "e2", ALICE, 20, "kept")));

    assertThat(list.get("new").getEvents())
        .extracting(ConversationEvent::getId)
        .containsExactly("e2");
  }

  @Test
  void anEventDeliveredTwiceIsKeptAndFiredOnce() {
    ConversationList list = build(state(oneToOne("c1", ALICE)));
    List<String> conversationHeard = new ArrayList<>();
    list.get("c1").onEvent().addObserver(e -> conversationHeard.add(e.getId()));

    api.fire(eventUpdate(chat("c1", "e1", ALICE, 10, "hello")));
    api.fire(eventUpdate(chat("c1", "e1", ALICE, 10, "hello")));

    assertThat(list.get("c1").getEvents()).hasSize(1);
    assertThat(heard).containsExactly("list:e1");
    assertThat(conversationHeard).containsExactly("e1");
  }

  @Test
  void listObserversHearAnEventBeforeTheConversationsObservers() {
    ConversationList list = build(state(oneToOne("c1", ALICE)));
    list.get("c1").onEvent().addObserver(e -> heard.add("conversation:" + e.getId()));

    api.fire(eventUpdate(chat("c1", "e1", ALICE, 10, "hello")));

    assertThat(heard).containsExactly("list:e1", "conversation:e1");
  }

  @Test
  void typingReachesTheListAndTheConversation() {
    ConversationList list = build(state(oneToOne("c1", ALICE)));
    List<TypingStatusMessage> seen = new ArrayList<>();
    list.onTyping().addObserver(seen::add);
    list.get("c1").onTyping().addObserver(seen::add);

    api.fire(typing("c1", ALICE, Hangouts.TypingType.TYPING_TYPE_STARTED));

    TypingStatusMessage expected =
        new TypingStatusMessage("c1", id(ALICE), Instant.ofEpochSecond(5), TypingStatus.STARTED);
    assertThat(seen).containsExactly(expected, expected);
  }

  @Test
  void aWatermarkNotificationMovesThatParticipantsWatermarkAndIsAnnounced() {
    ConversationList list = build(state(oneToOne("c1", ALICE)));
    List<WatermarkNotification> seen = new ArrayList<>();
    list.onWatermarkNotification().addObserver(seen::add);
    list.get("c1").onWatermarkNotification().addObserver(seen::add);

    api.fire(watermark("c1", ALICE, 7_000_000));

    assertThat(list.get("c1").getWatermarks()).containsEntry(id(ALICE), Instant.ofEpochSecond(7));
    assertThat(seen).hasSize(2).allMatch(n -> n.userId().equals(id(ALICE)));
  }

  @Test
  void getAllLeavesArchivedConversationsOutUnlessAskedNewestFirst() {
    Hangouts.Conversation archived =
        oneToOne("old", BOB).toBuilder()
            .setSelfConversationState(
                oneToOne("old", BOB).getSelfConversationState().toBuilder()
                    .clearView()
                    .addView(Hangouts.ConversationView.CONVERSATION_VIEW_ARCHIVED))
            .build();
    ConversationList list =
        build(
            state(oneToOne("c1", ALICE), chat("c1", "e1", ALICE, 10, "a")),
            state(group("c2", ALICE, BOB), chat("c2", "e2", BOB, 20, "b")),
            state(archived));

    assertThat(list.getAll()).extracting(Conversation::getId).containsExactly("c2", "c1");
    assertThat(list.getAll(true))
        .extracting(Conversation::getId)
        .containsExactly("c2", "c1", "old");
    assertThat(list.get("old").isArchived()).isTrue();
  }

  @Test
  void aViewModificationArchivesAConversation() {
    ConversationList list = build(state(oneToOne("c1", ALICE)));
    List<Conversation> changed = new ArrayList<>();
    list.onConversationChanged().addObserver(changed::add);

    api.fire(
        Hangouts.StateUpdate.newBuilder()
            .setViewModification(
                Hangouts.ConversationViewModification.newBuilder()
                    .setConversationId(ConversationRequests.conversationId("c1"))
                    .setNewView(Hangouts.ConversationView.CONVERSATION_VIEW_ARCHIVED))
            .build());

    assertThat(list.get("c1").isArchived()).isTrue();
    assertThat(list.getAll()).isEmpty();
    assertThat(changed).extracting(Conversation::getId).containsExactly("c1");
  }

  @Test
  void getOfAnUnknownIdFails() {
    ConversationList list = build();

    assertThatThrownBy(() -> list.get("nope")).isInstanceOf(NoSuchElementException.class);
    assertThat(list.find("nope")).isEmpty();
  }

  @Test
  void leavingAGroupRemovesOneselfAndDropsIt() {
    ConversationList list = build(state(group("g", ALICE, BOB)));
    List<Conversation> removed = new ArrayList<>();
    list.onConversationRemoved().addObserver(removed::add);

    list.leaveConversation("g").join();

    Hangouts.RemoveUserRequest request = api.lastRequest(Hangouts.RemoveUserRequest.class);
    assertThat(request.hasParticipantId()).isFalse();
    assertThat(request.getEventRequestHeader().getConversationId().getId()).isEqualTo("g");
    assertThat(list.find("g")).isEmpty();
    assertThat(removed).extracting(Conversation::getId).containsExactly("g");
  }

  @Test
  void theLeaveEventArrivingAfterLeavingDoesNotBringTheGroupBack() {
    ConversationList list = build(state(group("g", ALICE, BOB)));
    list.leaveConversation("g").join();
    Hangouts.Conversation after =
        group("g", ALICE, BOB).toBuilder()
            .clearCurrentParticipant()
            .addCurrentParticipant(pid(ALICE))
            .addCurrentParticipant(pid(BOB))
            .build();

    api.fire(eventUpdate(chat("g", "leave", SELF, 50, "x"), after));

    assertThat(list.find("g")).isEmpty();
    assertThat(api.requests(GetConversationRequest.class)).isEmpty();
  }

  @Test
  void beingRemovedFromAGroupDropsIt() {
    ConversationList list = build(state(group("g", ALICE, BOB)));
    Hangouts.Conversation after =
        group("g", ALICE, BOB).toBuilder()
            .clearCurrentParticipant()
            .addCurrentParticipant(pid(ALICE))
            .build();

    api.fire(eventUpdate(chat("g", "kick", ALICE, 50, "bye"), after));

    assertThat(heard).containsExactly("list:kick");
    assertThat(list.find("g")).isEmpty();
  }

  @Test
  void leavingAOneToOneDeletesItUpToItsNewestEvent() {
    long future = Micros.fromInstant(Instant.now().plusSeconds(3600));
    ConversationList list =
        build(state(oneToOne("c1", ALICE), chat("c1", "e1", ALICE, future, "x")));

    list.leaveConversation("c1").join();

    Hangouts.DeleteConversationRequest request =
        api.lastRequest(Hangouts.DeleteConversationRequest.class);
    assertThat(request.getConversationId().getId()).isEqualTo("c1");
    assertThat(request.getDeleteUpperBoundTimestamp()).isEqualTo(future);
    assertThat(list.find("c1")).isEmpty();
  }

  @Test
  void aDeletedConversationStaysAwayUntilANewerEventArrives() {
    ConversationList list = build(state(oneToOne("c1", ALICE)));
    api.fire(
        Hangouts.StateUpdate.newBuilder()
            .setDeleteNotification(
                Hangouts.DeleteActionNotification.newBuilder()
                    .setConversationId(ConversationRequests.conversationId("c1"))
                    .setDeleteAction(
                        Hangouts.DeleteAction.newBuilder().setDeleteUpperBoundTimestamp(100)))
            .build());
    assertThat(list.find("c1")).isEmpty();

    api.fire(eventUpdate(chat("c1", "old", ALICE, 90, "old")));
    assertThat(list.find("c1")).isEmpty();
    assertThat(api.requests(GetConversationRequest.class)).isEmpty();

    api.respond(GetConversationResponse.class, fetched(oneToOne("c1", ALICE)));
    api.fire(eventUpdate(chat("c1", "new", ALICE, 110, "new")));
    assertThat(list.get("c1").getEvents())
        .extracting(ConversationEvent::getId)
        .containsExactly("new");
  }

  @Test
  void aNewConversationsNotificationAddsItWithoutFetching() {
    ConversationList list = build();
    List<Conversation> changed = new ArrayList<>();
    list.onConversationChanged().addObserver(changed::add);
    Hangouts.Conversation created = group("g", ALICE, BOB).toBuilder().setName("Plans").build();

    api.fire(
        Hangouts.StateUpdate.newBuilder()
            .setConversation(created)
            .setConversationNotification(
                Hangouts.ConversationNotification.newBuilder().setConversation(created))
            .build());

    assertThat(list.get("g").getName()).isEqualTo("Plans");
    assertThat(changed).extracting(Conversation::getId).contains("g");
    assertThat(api.requests(GetConversationRequest.class)).isEmpty();
  }

  @Test
  void createOneToOneReturnsTheConversationInTheList() {
    ConversationList list = build();
    api.respond(
        Hangouts.CreateConversationResponse.class,
        Hangouts.CreateConversationResponse.newBuilder()
            .setConversation(oneToOne("c9", ALICE))
            .setNewConversationCreated(true)
            .build());

    Conversation c = list.createOneToOne(id(ALICE)).join();

    Hangouts.CreateConversationRequest request =
        api.lastRequest(Hangouts.CreateConversationRequest.class);
    assertThat(request.getType()).isEqualTo(Hangouts.ConversationType.CONVERSATION_TYPE_ONE_TO_ONE);
    assertThat(request.getInviteeIdList())
        .extracting(Hangouts.InviteeID::getGaiaId)
        .containsExactly(ALICE);
    assertThat(request.hasClientGeneratedId()).isTrue();
    assertThat(request.hasName()).isFalse();
    assertThat(list.get("c9")).isSameAs(c);
    assertThat(c.getType()).isEqualTo(ConversationType.ONE_TO_ONE);
  }

  @Test
  void createGroupSendsTheNameAndTheInvitees() {
    ConversationList list = build();
    api.respond(
        Hangouts.CreateConversationResponse.class,
        Hangouts.CreateConversationResponse.newBuilder()
            .setConversation(group("g9", ALICE, BOB).toBuilder().setName("Trip"))
            .build());

    Conversation c = list.createGroup(List.of(id(ALICE), id(BOB)), "Trip").join();

    Hangouts.CreateConversationRequest request =
        api.lastRequest(Hangouts.CreateConversationRequest.class);
    assertThat(request.getType()).isEqualTo(Hangouts.ConversationType.CONVERSATION_TYPE_GROUP);
    assertThat(request.getName()).isEqualTo("Trip");
    assertThat(request.getInviteeIdList())
        .extracting(Hangouts.InviteeID::getGaiaId)
        .containsExactly(ALICE, BOB);
    assertThat(c.getName()).isEqualTo("Trip");
    assertThat(list.get("g9")).isSameAs(c);
  }

  @Test
  void joiningByLinkFetchesTheJoinedGroup() {
    ConversationList list = build();
    api.joinResult("http://server/join/abc", "g");
    api.respond(GetConversationResponse.class, fetched(group("g", ALICE)));

    Conversation c = list.joinByLink("http://server/join/abc").join();

    assertThat(c.getId()).isEqualTo("g");
    assertThat(list.get("g")).isSameAs(c);
  }

  @Test
  void uploadImagePassesProgressThrough() {
    ConversationList list = build();
    List<String> progress = new ArrayList<>();

    UploadedImage image =
        list.uploadImage(new byte[10], "cat.png", (sent, total) -> progress.add(sent + "/" + total))
            .join();

    assertThat(image.photoId()).isEqualTo("photo-1");
    assertThat(progress).containsExactly("5/10", "10/10");
    assertThat(api.uploads().get(0).fileName()).isEqualTo("cat.png");
  }

  @Test
  void anObserverThatThrowsDoesNotKeepTheOthersFromHearingTheEvent() {
    ConversationList list = build(state(oneToOne("c1", ALICE)));
    list.onEvent()
        .addObserver(
            e -> {
              throw new IllegalStateException("app bug");
            });
    list.get("c1").onEvent().addObserver(e -> heard.add("conversation:" + e.getId()));

    api.fire(eventUpdate(chat("c1", "e1", ALICE, 10, "hello")));
    api.fire(eventUpdate(chat("c1", "e2", ALICE, 20, "again")));

    assertThat(heard).containsExactly("list:e1", "conversation:e1", "list:e2", "conversation:e2");
  }
}
