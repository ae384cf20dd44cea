package dev.parley.server.it;

import static dev.parley.server.it.Requests.conv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.proto.Hangouts.ConversationState;
import dev.parley.proto.Hangouts.DeleteConversationRequest;
import dev.parley.proto.Hangouts.DeleteConversationResponse;
import dev.parley.proto.Hangouts.EasterEgg;
import dev.parley.proto.Hangouts.EasterEggRequest;
import dev.parley.proto.Hangouts.EasterEggResponse;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.EventType;
import dev.parley.proto.Hangouts.FocusType;
import dev.parley.proto.Hangouts.ModifyOTRStatusRequest;
import dev.parley.proto.Hangouts.ModifyOTRStatusResponse;
import dev.parley.proto.Hangouts.NotificationLevel;
import dev.parley.proto.Hangouts.OffTheRecordStatus;
import dev.parley.proto.Hangouts.SetConversationNotificationLevelRequest;
import dev.parley.proto.Hangouts.SetConversationNotificationLevelResponse;
import dev.parley.proto.Hangouts.SetFocusRequest;
import dev.parley.proto.Hangouts.SetFocusResponse;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.SyncAllNewEventsRequest;
import dev.parley.proto.Hangouts.SyncAllNewEventsResponse;
import dev.parley.server.testing.HangoutsTestClient;
import dev.parley.server.testing.TestChannel;
import dev.parley.wire.RpcCodec;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Black-box tests of the conversation RPCs ServerContract leaves out: easter eggs, focus, off the
 * record, notification levels, and syncallnewevents cut short by its size limit.
 */
abstract class ConversationRpcsContract extends ServerTestBase {

  @Test
  void easterEggReachesEveryParticipantTheSenderIncluded() {
    String conversationId = Requests.oneToOne(aliceClient, bob.id());
    TestChannel bobChannel = channel(bobClient);
    TestChannel aliceChannel = channel(aliceClient);
    EasterEggResponse response =
        aliceClient.rpc(
            "conversations/easteregg",
            EasterEggRequest.newBuilder()
                .setRequestHeader(aliceClient.header())
                .setConversationId(conv(conversationId))
                .setEasterEgg(EasterEgg.newBuilder().setMessage("ponies"))
                .build(),
            EasterEggResponse.getDefaultInstance());
    assertOk(response);
    assertThat(response.getTimestamp()).isPositive();
    for (TestChannel channel : List.of(bobChannel, aliceChannel)) {
      StateUpdate egg = channel.await(StateUpdate::hasEasterEggNotification, WAIT);
      assertThat(egg.getEasterEggNotification().getSenderId().getGaiaId()).isEqualTo(alice.id());
      assertThat(egg.getEasterEggNotification().getConversationId().getId())
          .isEqualTo(conversationId);
      assertThat(egg.getEasterEggNotification().getEasterEgg().getMessage()).isEqualTo("ponies");
    }
  }

  @Test
  void focusReachesTheOthersAndTheSendersOtherDeviceButNotTheSendingSession() {
    String conversationId = Requests.oneToOne(aliceClient, bob.id());
    HangoutsTestClient alicePhone = aliceClient.anotherSession();
    TestChannel bobChannel = channel(bobClient);
    TestChannel aliceChannel = channel(aliceClient);
    TestChannel alicePhoneChannel = channel(alicePhone);
    SetFocusResponse response =
        aliceClient.rpc(
            "conversations/setfocus",
            SetFocusRequest.newBuilder()
                .setRequestHeader(aliceClient.header())
                .setConversationId(conv(conversationId))
                .setType(FocusType.FOCUS_TYPE_FOCUSED)
                .setTimeoutSecs(20)
                .build(),
            SetFocusResponse.getDefaultInstance());
    assertOk(response);
    for (TestChannel channel : List.of(bobChannel, alicePhoneChannel)) {
      StateUpdate focus = channel.await(StateUpdate::hasFocusNotification, WAIT);
      assertThat(focus.getFocusNotification().getSenderId().getGaiaId()).isEqualTo(alice.id());
      assertThat(focus.getFocusNotification().getConversationId().getId())
          .isEqualTo(conversationId);
      assertThat(focus.getFocusNotification().getType()).isEqualTo(FocusType.FOCUS_TYPE_FOCUSED);
    }
    // A later event proves the sending session had time to get the focus update, had it been sent.
    Requests.send(bobClient, conversationId, "marker");
    aliceChannel.await(StateUpdate::hasEventNotification, WAIT);
    assertThat(aliceChannel.drain()).noneMatch(StateUpdate::hasFocusNotification);
  }

  @Test
  void goingOffTheRecordCreatesAnEventThatIsPushedWithTheChangedConversation() {
    String group = Requests.group(aliceClient, "Secrets", bob.id());
    TestChannel bobChannel = channel(bobClient);
    ModifyOTRStatusResponse response =
        aliceClient.rpc(
            "conversations/modifyotrstatus",
            ModifyOTRStatusRequest.newBuilder()
                .setRequestHeader(aliceClient.header())
                .setOtrStatus(OffTheRecordStatus.OFF_THE_RECORD_STATUS_OFF_THE_RECORD)
                .setEventRequestHeader(Requests.eventHeader(group))
                .build(),
            ModifyOTRStatusResponse.getDefaultInstance());
    assertOk(response);
    Event created = response.getCreatedEvent();
    assertThat(created.getEventType()).isEqualTo(EventType.EVENT_TYPE_OTR_MODIFICATION);
    assertThat(created.getSenderId().getGaiaId()).isEqualTo(alice.id());
    assertThat(created.getOtrModification().getOldOtrStatus())
        .isEqualTo(OffTheRecordStatus.OFF_THE_RECORD_STATUS_ON_THE_RECORD);
    assertThat(created.getOtrModification().getNewOtrStatus())
        .isEqualTo(OffTheRecordStatus.OFF_THE_RECORD_STATUS_OFF_THE_RECORD);

    StateUpdate pushed = bobChannel.await(StateUpdate::hasEventNotification, WAIT);
    assertThat(pushed.getEventNotification().getEvent()).isEqualTo(created);
    assertThat(pushed.getConversation().getOtrStatus())
        .isEqualTo(OffTheRecordStatus.OFF_THE_RECORD_STATUS_OFF_THE_RECORD);
    Event whispered = Requests.send(bobClient, group, "between us").getCreatedEvent();
    assertThat(whispered.getOtrStatus())
        .isEqualTo(OffTheRecordStatus.OFF_THE_RECORD_STATUS_OFF_THE_RECORD);
    assertThat(
            Requests.getConversation(aliceClient, group)
                .getConversationState()
                .getConversation()
                .getOtrStatus())
        .isEqualTo(OffTheRecordStatus.OFF_THE_RECORD_STATUS_OFF_THE_RECORD);
  }

  @Test
  void quietLevelIsPushedToTheCallersSessionsOnlyAndShownInTheirOwnState() {
    String group = Requests.group(aliceClient, "Noisy", bob.id());
    HangoutsTestClient alicePhone = aliceClient.anotherSession();
    TestChannel aliceChannel = channel(aliceClient);
    TestChannel alicePhoneChannel = channel(alicePhone);
    TestChannel bobChannel = channel(bobClient);
    SetConversationNotificationLevelResponse response =
        aliceClient.rpc(
            "conversations/setconversationnotificationlevel",
            SetConversationNotificationLevelRequest.newBuilder()
                .setRequestHeader(aliceClient.header())
                .setConversationId(conv(group))
                .setLevel(NotificationLevel.NOTIFICATION_LEVEL_QUIET)
                .build(),
            SetConversationNotificationLevelResponse.getDefaultInstance());
    assertOk(response);
    for (TestChannel channel : List.of(aliceChannel, alicePhoneChannel)) {
      StateUpdate level = channel.await(StateUpdate::hasNotificationLevelNotification, WAIT);
      assertThat(level.getNotificationLevelNotification().getConversationId().getId())
          .isEqualTo(group);
      assertThat(level.getNotificationLevelNotification().getLevel())
          .isEqualTo(NotificationLevel.NOTIFICATION_LEVEL_QUIET);
    }
    assertThat(
            Requests.listed(aliceClient, group)
                .orElseThrow()
                .getSelfConversationState()
                .getNotificationLevel())
        .isEqualTo(NotificationLevel.NOTIFICATION_LEVEL_QUIET);
    assertThat(
            Requests.listed(bobClient, group)
                .orElseThrow()
                .getSelfConversationState()
                .getNotificationLevel())
        .as("bob's own level is untouched")
        .isEqualTo(NotificationLevel.NOTIFICATION_LEVEL_RING);
    Requests.send(aliceClient, group, "marker");
    bobChannel.await(StateUpdate::hasEventNotification, WAIT);
    assertThat(bobChannel.drain()).noneMatch(StateUpdate::hasNotificationLevelNotification);
  }

  @Test
  void syncAllNewEventsCutShortBySizeIsResumedFromItsSyncTimestampWithoutLossOrRepeats() {
    List<String> conversations =
        List.of(
            Requests.oneToOne(aliceClient, bob.id()),
            Requests.oneToOne(aliceClient, carol.id()),
            Requests.group(aliceClient, "Everyone", bob.id(), carol.id()));
    List<HangoutsTestClient> otherSides = List.of(bobClient, carolClient, bobClient);
    Map<String, List<String>> sentPerConversation = new HashMap<>();
    Set<String> sent = new HashSet<>();
    String padding = "x".repeat(150);
    for (int i = 0; i < 18; i++) {
      String conversationId = conversations.get(i % 3);
      HangoutsTestClient sender = i % 2 == 0 ? aliceClient : otherSides.get(i % 3);
      String id =
          Requests.send(sender, conversationId, i + " " + padding).getCreatedEvent().getEventId();
      sentPerConversation.computeIfAbsent(conversationId, k -> new ArrayList<>()).add(id);
      sent.add(id);
    }

    // Room for two conversations with one message each, not three: the limit must cut.
    long maxBytes = 2600;
    long since = 0;
    List<String> received = new ArrayList<>();
    Map<String, List<String>> receivedPerConversation = new HashMap<>();
    int pages = 0;
    while (true) {
      SyncAllNewEventsResponse page = Requests.syncAllNewEvents(aliceClient, since, maxBytes);
      assertOk(page);
      pages++;
      int events =
          page.getConversationStateList().stream().mapToInt(ConversationState::getEventCount).sum();
      if (events > 1) {
        assertThat((long) page.getSerializedSize())
            .as(
                "page %d with %d events must stop before exceeding %d bytes",
                pages, events, maxBytes)
            .isLessThanOrEqualTo(maxBytes);
      }
      assertThat(pages)
          .as("pages needed for %d events", sent.size())
          .isLessThanOrEqualTo(sent.size());
      for (ConversationState state : page.getConversationStateList()) {
        assertThat(state.getEventList())
            .as("events of page %d in %s", pages, state.getConversationId().getId())
            .isSortedAccordingTo((a, b) -> Long.compare(a.getTimestamp(), b.getTimestamp()));
        for (Event event : state.getEventList()) {
          assertThat(event.getTimestamp())
              .as(
                  "event %s of page %d is newer than the sync timestamp asked for",
                  event.getEventId(), pages)
              .isGreaterThan(since);
          if (event.hasChatMessage()) {
            received.add(event.getEventId());
            receivedPerConversation
                .computeIfAbsent(state.getConversationId().getId(), k -> new ArrayList<>())
                .add(event.getEventId());
          }
        }
      }
      boolean stoppedEarly =
          page.getSyncTimestamp() < page.getResponseHeader().getCurrentServerTime();
      if (!stoppedEarly) {
        break;
      }
      assertThat(page.getSyncTimestamp()).as("progress after page %d", pages).isGreaterThan(since);
      since = page.getSyncTimestamp();
    }
    assertThat(pages)
        .as("a %d byte limit must cut 18 messages of ~200 bytes in 3 conversations", maxBytes)
        .isGreaterThan(2);
    assertThat(received).as("every message exactly once").doesNotHaveDuplicates();
    assertThat(new HashSet<>(received)).isEqualTo(sent);
    assertThat(receivedPerConversation).isEqualTo(sentPerConversation);
  }

  @Test
  void aSyncAllNewEventsPageIsTheSameInBinaryInBase64AndInPblite() throws Exception {
    String group = Requests.group(aliceClient, "Everyone", bob.id(), carol.id());
    String oneToOne = Requests.oneToOne(aliceClient, bob.id());
    for (int i = 0; i < 6; i++) {
      Requests.send(i % 2 == 0 ? aliceClient : bobClient, i % 3 == 0 ? oneToOne : group, "m" + i);
    }
    // Cut short by size, so the sync timestamp is the page's own, not the time of asking.
    SyncAllNewEventsRequest request =
        SyncAllNewEventsRequest.newBuilder()
            .setRequestHeader(aliceClient.header())
            .setLastSyncTimestamp(0)
            .setMaxResponseSizeBytes(2600)
            .build();

    SyncAllNewEventsResponse base64 =
        aliceClient.rpc(
            "conversations/syncallnewevents",
            request,
            SyncAllNewEventsResponse.getDefaultInstance());
    HttpResponse<byte[]> raw =
        aliceClient.post("conversations/syncallnewevents?alt=proto", request.toByteArray(), false);
    SyncAllNewEventsResponse pblite =
        aliceClient.rpcJson(
            "conversations/syncallnewevents",
            request,
            SyncAllNewEventsResponse.getDefaultInstance());

    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith(RpcCodec.CONTENT_TYPE_PROTOBUF));
    SyncAllNewEventsResponse binary =
        RpcCodec.decodeProto(raw.body(), SyncAllNewEventsResponse.getDefaultInstance());
    for (SyncAllNewEventsResponse page : List.of(base64, binary, pblite)) {
      assertOk(page);
      assertThat(page.getSyncTimestamp())
          .isLessThan(page.getResponseHeader().getCurrentServerTime());
    }
    assertThat(base64.getConversationStateList()).isNotEmpty();
    assertThat(base64.getConversationState(0).getConversation().getParticipantDataCount())
        .isPositive();
    assertThat(binary.getConversationStateList()).isEqualTo(base64.getConversationStateList());
    assertThat(pblite.getConversationStateList()).isEqualTo(base64.getConversationStateList());
    assertThat(binary.getSyncTimestamp()).isEqualTo(base64.getSyncTimestamp());
    assertThat(pblite.getSyncTimestamp()).isEqualTo(base64.getSyncTimestamp());
  }

  @Test
  void aConversationDeletedBetweenTwoPagesLeavesItsDeletedEventsOutOfTheRestOfTheCatchUp() {
    String group = Requests.group(aliceClient, "Spring cleaning", bob.id());
    String oneToOne = Requests.oneToOne(aliceClient, carol.id());
    String padding = "x".repeat(150);
    Set<String> oneToOneSent = new HashSet<>();
    long newestInGroup = 0;
    for (int i = 0; i < 12; i++) {
      if (i % 2 == 0) {
        newestInGroup =
            Requests.send(bobClient, group, i + " " + padding).getCreatedEvent().getTimestamp();
      } else {
        oneToOneSent.add(
            Requests.send(carolClient, oneToOne, i + " " + padding).getCreatedEvent().getEventId());
      }
    }
    long bound = newestInGroup;
    long maxBytes = 2600;
    SyncAllNewEventsResponse first = Requests.syncAllNewEvents(aliceClient, 0, maxBytes);
    assertOk(first);
    assertThat(first.getSyncTimestamp())
        .as("the first page stops early")
        .isLessThan(first.getResponseHeader().getCurrentServerTime());

    // Between two pages alice deletes the group's history up to its newest message.
    DeleteConversationResponse deleted =
        aliceClient.rpc(
            "conversations/deleteconversation",
            DeleteConversationRequest.newBuilder()
                .setRequestHeader(aliceClient.header())
                .setConversationId(conv(group))
                .setDeleteUpperBoundTimestamp(bound)
                .build(),
            DeleteConversationResponse.getDefaultInstance());
    assertOk(deleted);

    Set<String> received = new HashSet<>();
    for (ConversationState state : first.getConversationStateList()) {
      if (state.getConversationId().getId().equals(oneToOne)) {
        state.getEventList().forEach(e -> received.add(e.getEventId()));
      }
    }
    long since = first.getSyncTimestamp();
    for (int pages = 1; ; pages++) {
      assertThat(pages).as("pages").isLessThan(20);
      SyncAllNewEventsResponse page = Requests.syncAllNewEvents(aliceClient, since, maxBytes);
      assertOk(page);
      for (ConversationState state : page.getConversationStateList()) {
        if (state.getConversationId().getId().equals(group)) {
          assertThat(state.getEventList())
              .as("group events after the deletion, page %d", pages + 1)
              .allSatisfy(e -> assertThat(e.getTimestamp()).isGreaterThan(bound));
        } else if (state.getConversationId().getId().equals(oneToOne)) {
          for (Event e : state.getEventList()) {
            assertThat(received.add(e.getEventId())).as("%s once", e.getEventId()).isTrue();
          }
        }
      }
      if (page.getSyncTimestamp() >= page.getResponseHeader().getCurrentServerTime()) {
        break;
      }
      since = page.getSyncTimestamp();
    }
    assertThat(received).containsAll(oneToOneSent);
  }
}
