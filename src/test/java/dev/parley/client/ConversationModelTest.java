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
import static dev.parley.client.ModelFixtures.token;
import static dev.parley.client.ModelFixtures.watermark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.proto.Hangouts;
import dev.parley.proto.Hangouts.UpdateWatermarkRequest;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ConversationModelTest {
  private final FakeHangoutsApi api = new FakeHangoutsApi();

  private Conversation build(Hangouts.ConversationState state) {
    return ModelFixtures.build(api, state)
        .conversationList()
        .get(state.getConversationId().getId());
  }

  private static Hangouts.Conversation readUpTo(Hangouts.Conversation c, long micros) {
    Hangouts.Conversation.Builder b = c.toBuilder();
    b.getSelfConversationStateBuilder().getSelfReadStateBuilder().setLatestReadTimestamp(micros);
    return b.build();
  }

  @Test
  void unreadEventsAreTheOthersEventsNewerThanTheReadTimestamp() {
    Conversation c =
        build(
            state(
                readUpTo(group("g", ALICE, BOB), 20),
                chat("g", "e1", ALICE, 10, "read"),
                chat("g", "e2", ALICE, 20, "read too"),
                chat("g", "e3", SELF, 30, "mine"),
                chat("g", "e4", BOB, 40, "unread")));

    assertThat(c.getUnreadEvents()).extracting(ConversationEvent::getId).containsExactly("e4");
    assertThat(c.getLatestReadTimestamp()).isEqualTo(Micros.toInstant(20));
  }

  @Test
  void unreadCountDropsWhenTheOwnWatermarkPassesTheNewestEvent() {
    Conversation c = build(state(oneToOne("c1", ALICE)));
    api.fire(eventUpdate(chat("c1", "e1", ALICE, 10, "one")));
    api.fire(eventUpdate(chat("c1", "e2", ALICE, 20, "two")));
    assertThat(c.getUnreadEvents()).hasSize(2);

    api.fire(watermark("c1", SELF, 15));
    assertThat(c.getUnreadEvents()).extracting(ConversationEvent::getId).containsExactly("e2");

    api.fire(watermark("c1", SELF, 20));
    assertThat(c.getUnreadEvents()).isEmpty();
    assertThat(c.getWatermarks()).containsEntry(id(SELF), Micros.toInstant(20));
  }

  @Test
  void watermarksArePerParticipantAndNeverMoveBack() {
    Hangouts.Conversation conv =
        group("g", ALICE, BOB).toBuilder()
            .addReadState(
                Hangouts.UserReadState.newBuilder()
                    .setParticipantId(pid(ALICE))
                    .setLatestReadTimestamp(50))
            .build();
    Conversation c = build(state(conv));

    api.fire(watermark("g", BOB, 30));
    api.fire(watermark("g", ALICE, 40));
    api.fire(
        Hangouts.StateUpdate.newBuilder()
            .setConversation(
                conv.toBuilder()
                    .clearReadState()
                    .addReadState(
                        Hangouts.UserReadState.newBuilder()
                            .setParticipantId(pid(BOB))
                            .setLatestReadTimestamp(10)))
            .build());

    assertThat(c.getWatermarks())
        .containsEntry(id(ALICE), Micros.toInstant(50))
        .containsEntry(id(BOB), Micros.toInstant(30));
  }

  @Test
  void aDeltaKeepsWhatItLeavesOutLikeTheDeliveryMediumAndReadTimestamp() {
    Conversation c = build(state(readUpTo(oneToOne("c1", ALICE), 99)));
    Hangouts.Conversation delta =
        oneToOne("c1", ALICE).toBuilder()
            .setName("renamed")
            .setSelfConversationState(
                Hangouts.UserConversationState.newBuilder()
                    .setNotificationLevel(Hangouts.NotificationLevel.NOTIFICATION_LEVEL_QUIET))
            .clearParticipantData()
            .build();

    api.fire(Hangouts.StateUpdate.newBuilder().setConversation(delta).build());

    assertThat(c.getName()).isEqualTo("renamed");
    assertThat(c.isQuiet()).isTrue();
    assertThat(c.getLatestReadTimestamp()).isEqualTo(Micros.toInstant(99));
    assertThat(c.getUsers()).hasSize(2);
    api.fire(eventUpdate(chat("c1", "x", ALICE, 100, "x")));
    c.sendMessage(List.of(ChatMessageSegment.text("hi")));
    assertThat(
            api.lastRequest(Hangouts.SendChatMessageRequest.class)
                .getEventRequestHeader()
                .getDeliveryMedium()
                .getMediumType())
        .isEqualTo(Hangouts.DeliveryMediumType.DELIVERY_MEDIUM_BABEL);
  }

  @Test
  void theConversationEveryEventOfACatchUpPageBringsDoesNotUndoWhatTheEventsMoved() {
    Conversation c = build(state(readUpTo(oneToOne("c1", ALICE), 5)));
    // A page's events all come with the very same conversation object, as of the page.
    Hangouts.Conversation page =
        oneToOne("c1", ALICE).toBuilder().setName("as of the page").build();

    api.fire(eventUpdate(chat("c1", "e1", ALICE, 20, "one"), page));
    api.fire(watermark("c1", SELF, 20));
    api.fire(eventUpdate(chat("c1", "e2", ALICE, 30, "two"), page));

    assertThat(c.getName()).isEqualTo("as of the page");
    assertThat(c.getLastModified()).isEqualTo(Micros.toInstant(30));
    assertThat(c.getLatestReadTimestamp()).isEqualTo(Micros.toInstant(20));
    assertThat(c.getEvents()).extracting(ConversationEvent::getId).containsExactly("e1", "e2");

    // A local change in between: the same conversation applies in full again, as any other would.
    c.setNotificationLevel(NotificationLevel.QUIET).join();
    assertThat(c.isQuiet()).isTrue();
    api.fire(eventUpdate(chat("c1", "e3", ALICE, 40, "three"), page));

    assertThat(c.isQuiet()).isFalse();
    assertThat(c.getLastModified()).isEqualTo(Micros.toInstant(40));
    assertThat(c.getLatestReadTimestamp()).isEqualTo(Micros.toInstant(20));
  }

  @Test
  void propertiesFollowTheServersConversation() {
    Hangouts.Conversation conv =
        group("g", ALICE).toBuilder()
            .setOtrStatus(Hangouts.OffTheRecordStatus.OFF_THE_RECORD_STATUS_OFF_THE_RECORD)
            .setGroupLinkSharingStatus(Hangouts.GroupLinkSharingStatus.GROUP_LINK_SHARING_STATUS_ON)
            .build();
    Conversation c = build(state(conv, chat("g", "e1", ALICE, 3_000_000, "x")));

    assertThat(c.getName()).isNull();
    assertThat(c.isOffTheRecord()).isTrue();
    assertThat(c.isGroupLinkSharingEnabled()).isTrue();
    assertThat(c.isQuiet()).isFalse();
    assertThat(c.isArchived()).isFalse();
    assertThat(c.getLastModified()).isEqualTo(Instant.ofEpochSecond(3));
    assertThat(c.getUser(id(ALICE)).getFullName()).isEqualTo("Alice Able");
  }

  @Test
  void getEventsServesLoadedEventsBeforeAskingTheServer() {
    Conversation c =
        build(
            state(
                oneToOne("c1", ALICE),
                token(10),
                chat("c1", "e1", ALICE, 10, "1"),
                chat("c1", "e2", ALICE, 20, "2"),
                chat("c1", "e3", ALICE, 30, "3")));

    assertThat(c.getEvents(null, 2).join())
        .extracting(ConversationEvent::getId)
        .containsExactly("e2", "e3");
    assertThat(c.getEvents("e3", 1).join())
        .extracting(ConversationEvent::getId)
        .containsExactly("e2");
    assertThat(c.getEvents("e3").join())
        .extracting(ConversationEvent::getId)
        .containsExactly("e1", "e2");
    assertThat(api.requests(Hangouts.GetConversationRequest.class)).isEmpty();
  }

  @Test
  void historyIsPagedWithTheStoredContinuationTokenUntilItsStart() {
    Conversation c =
        build(state(oneToOne("c1", ALICE), token(30), chat("c1", "e3", ALICE, 30, "3")));
    api.respond(
        Hangouts.GetConversationResponse.class,
        Hangouts.GetConversationResponse.newBuilder()
            .setConversationState(
                state(
                    oneToOne("c1", ALICE),
                    token(20),
                    chat("c1", "e2", ALICE, 20, "2"),
                    chat("c1", "e3", ALICE, 30, "3 again")))
            .build());
    api.respond(
        Hangouts.GetConversationResponse.class,
        Hangouts.GetConversationResponse.newBuilder()
            .setConversationState(state(oneToOne("c1", ALICE), chat("c1", "e1", ALICE, 10, "1")))
            .build());

    List<ConversationEvent> page1 = c.getEvents("e3", 2).join();
    List<ConversationEvent> page2 = c.getEvents("e2", 2).join();
    List<ConversationEvent> end = c.getEvents("e1", 2).join();

    List<Hangouts.GetConversationRequest> requests =
        api.requests(Hangouts.GetConversationRequest.class);
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).getEventContinuationToken()).isEqualTo(token(30));
    assertThat(requests.get(0).getIncludeEvent()).isTrue();
    assertThat(requests.get(0).getMaxEventsPerConversation()).isEqualTo(2);
    assertThat(requests.get(1).getEventContinuationToken()).isEqualTo(token(20));
    assertThat(page1).extracting(ConversationEvent::getId).containsExactly("e2", "e3");
    assertThat(page2).extracting(ConversationEvent::getId).containsExactly("e1");
    assertThat(end).isEmpty();
    assertThat(c.getEvents())
        .extracting(ConversationEvent::getId)
        .containsExactly("e1", "e2", "e3");
  }

  @Test
  void withoutAStoredTokenTheOldestEventsTimestampContinuesHistory() {
    Conversation c = build(state(oneToOne("c1", ALICE), chat("c1", "e3", ALICE, 30, "3")));

    c.getEvents("e3").join();

    assertThat(api.lastRequest(Hangouts.GetConversationRequest.class).getEventContinuationToken())
        .isEqualTo(token(30));
  }

  @Test
  void aConversationWithNothingLoadedAsksForItsNewestPage() {
    Conversation c = build(state(oneToOne("c1", ALICE)));
    api.respond(
        Hangouts.GetConversationResponse.class,
        Hangouts.GetConversationResponse.newBuilder()
            .setConversationState(
                state(oneToOne("c1", ALICE), token(5), chat("c1", "e1", ALICE, 5, "1")))
            .build());

    assertThat(c.getEvents(null).join()).extracting(ConversationEvent::getId).containsExactly("e1");
    assertThat(api.lastRequest(Hangouts.GetConversationRequest.class).hasEventContinuationToken())
        .isFalse();
  }

  @Test
  void nextEventAndGetEventWalkTheLoadedEvents() {
    Conversation c =
        build(
            state(
                oneToOne("c1", ALICE),
                chat("c1", "e1", ALICE, 10, "1"),
                chat("c1", "e2", ALICE, 20, "2")));

    assertThat(c.nextEvent("e1")).map(ConversationEvent::getId).contains("e2");
    assertThat(c.nextEvent("e2")).isEmpty();
    assertThat(c.nextEvent("e2", true)).map(ConversationEvent::getId).contains("e1");
    assertThat(c.getEvent("e2").getTimestampMicros()).isEqualTo(20);
    assertThatThrownBy(() -> c.getEvent("nope")).isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> c.getEvents("nope")).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void eventsArriveOutOfOrderButAreKeptInTimestampOrder() {
    Conversation c = build(state(oneToOne("c1", ALICE)));

    api.fire(eventUpdate(chat("c1", "late", ALICE, 30, "3")));
    api.fire(eventUpdate(chat("c1", "early", ALICE, 10, "1")));

    assertThat(c.getEvents()).extracting(ConversationEvent::getId).containsExactly("early", "late");
    assertThat(c.getLastModified()).isEqualTo(Micros.toInstant(30));
  }

  @Test
  void updateReadTimestampOnlyAsksWhenItMovesForward() {
    Conversation c =
        build(state(readUpTo(oneToOne("c1", ALICE), 20), chat("c1", "e1", ALICE, 20, "x")));

    c.updateReadTimestamp().join();
    c.updateReadTimestamp(Micros.toInstant(10)).join();
    assertThat(api.requests(UpdateWatermarkRequest.class)).isEmpty();

    api.fire(eventUpdate(chat("c1", "e2", ALICE, 30, "y")));
    c.updateReadTimestamp().join();
    c.updateReadTimestamp().join();

    assertThat(api.requests(UpdateWatermarkRequest.class))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getLastReadTimestamp()).isEqualTo(30);
              assertThat(r.getConversationId().getId()).isEqualTo("c1");
            });
    assertThat(c.getLatestReadTimestamp()).isEqualTo(Micros.toInstant(30));
    assertThat(c.getUnreadEvents()).isEmpty();
  }

  @Test
  void groupOnlyOperationsAreRefusedOnAOneToOneWithoutAskingTheServer() {
    Conversation c = build(state(oneToOne("c1", ALICE)));
    int before = api.requests().size();

    assertThat(c.addUsers(List.of(id(BOB))))
        .failsWithin(java.time.Duration.ZERO)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(ConversationTypeException.class);
    assertThat(c.removeUser(id(ALICE))).isCompletedExceptionally();
    assertThat(c.setGroupLinkSharingEnabled(true)).isCompletedExceptionally();
    assertThat(c.getGroupLink()).isCompletedExceptionally();
    assertThat(api.requests()).hasSize(before);
  }

  private static Hangouts.Event created(String id, Hangouts.Event.Builder event) {
    return event.setEventId(id).build();
  }

  @Test
  void groupOperationsSendTheirRequestsAndReturnTheCreatedEvents() {
    Conversation c = build(state(group("g", ALICE)));
    api.respond(
        Hangouts.AddUserResponse.class,
        Hangouts.AddUserResponse.newBuilder()
            .setCreatedEvent(
                created(
                    "add",
                    ModelFixtures.event("g", "", SELF, 10)
                        .setMembershipChange(
                            Hangouts.MembershipChange.newBuilder()
                                .setType(Hangouts.MembershipChangeType.MEMBERSHIP_CHANGE_TYPE_JOIN)
                                .addParticipantIds(pid(BOB)))))
            .build());
    api.respond(
        Hangouts.RenameConversationResponse.class,
        Hangouts.RenameConversationResponse.newBuilder()
            .setCreatedEvent(
                created(
                    "ren",
                    ModelFixtures.event("g", "", SELF, 20)
                        .setConversationRename(
                            Hangouts.ConversationRename.newBuilder().setNewName("Team"))))
            .build());
    api.respond(
        Hangouts.GetGroupConversationUrlResponse.class,
        Hangouts.GetGroupConversationUrlResponse.newBuilder()
            .setGroupConversationUrl("http://server/join/t")
            .build());

    MembershipChangeEvent added = c.addUsers(List.of(id(BOB))).join();
    RenameEvent renamed = c.rename("Team").join();
    GroupLink link = c.getGroupLink().join();
    c.removeUser(id(BOB)).exceptionally(e -> null).join();

    assertThat(added.getParticipantIds()).containsExactly(id(BOB));
    assertThat(renamed.getNewName()).isEqualTo("Team");
    assertThat(link).isEqualTo(new GroupLink("g", "http://server/join/t"));
    assertThat(c.getEvents()).extracting(ConversationEvent::getId).containsExactly("add", "ren");
    assertThat(api.lastRequest(Hangouts.AddUserRequest.class).getInviteeIdList())
        .extracting(Hangouts.InviteeID::getGaiaId)
        .containsExactly(BOB);
    assertThat(api.lastRequest(Hangouts.RenameConversationRequest.class).getNewName())
        .isEqualTo("Team");
    assertThat(api.lastRequest(Hangouts.RemoveUserRequest.class).getParticipantId())
        .isEqualTo(pid(BOB));
  }

  @Test
  void settingsAndSignalsSendTheirRequests() {
    Conversation c = build(state(group("g", ALICE)));

    c.setNotificationLevel(NotificationLevel.QUIET).join();
    c.modifyOtrStatus(true).exceptionally(e -> null).join();
    c.setGroupLinkSharingEnabled(true).exceptionally(e -> null).join();
    c.setTyping().join();
    c.setTyping(TypingStatus.STOPPED).join();

    assertThat(c.isQuiet()).isTrue();
    assertThat(api.lastRequest(Hangouts.SetConversationNotificationLevelRequest.class).getLevel())
        .isEqualTo(Hangouts.NotificationLevel.NOTIFICATION_LEVEL_QUIET);
    assertThat(api.lastRequest(Hangouts.ModifyOTRStatusRequest.class).getOtrStatus())
        .isEqualTo(Hangouts.OffTheRecordStatus.OFF_THE_RECORD_STATUS_OFF_THE_RECORD);
    assertThat(
            api.lastRequest(Hangouts.SetGroupLinkSharingEnabledRequest.class)
                .getGroupLinkSharingStatus())
        .isEqualTo(Hangouts.GroupLinkSharingStatus.GROUP_LINK_SHARING_STATUS_ON);
    assertThat(api.requests(Hangouts.SetTypingRequest.class))
        .extracting(Hangouts.SetTypingRequest::getType)
        .containsExactly(
            Hangouts.TypingType.TYPING_TYPE_STARTED, Hangouts.TypingType.TYPING_TYPE_STOPPED);
  }

  @Test
  void aRequestWithoutACreatedEventFailsWithAClientException() {
    Conversation c = build(state(group("g", ALICE)));

    assertThat(c.rename("x"))
        .failsWithin(java.time.Duration.ZERO)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(ClientException.class);
  }
}
