package dev.parley.client;

import static dev.parley.client.ModelFixtures.ALICE;
import static dev.parley.client.ModelFixtures.BOB;
import static dev.parley.client.ModelFixtures.CAROL;
import static dev.parley.client.ModelFixtures.SELF;
import static dev.parley.client.ModelFixtures.chat;
import static dev.parley.client.ModelFixtures.entities;
import static dev.parley.client.ModelFixtures.entity;
import static dev.parley.client.ModelFixtures.group;
import static dev.parley.client.ModelFixtures.id;
import static dev.parley.client.ModelFixtures.oneToOne;
import static dev.parley.client.ModelFixtures.page;
import static dev.parley.client.ModelFixtures.selfInfo;
import static dev.parley.client.ModelFixtures.state;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.parley.proto.Hangouts;
import dev.parley.proto.Hangouts.GetEntityByIdRequest;
import dev.parley.proto.Hangouts.GetEntityByIdResponse;
import dev.parley.proto.Hangouts.GetSelfInfoRequest;
import dev.parley.proto.Hangouts.GetSelfInfoResponse;
import dev.parley.proto.Hangouts.SyncFilter;
import dev.parley.proto.Hangouts.SyncRecentConversationsRequest;
import dev.parley.proto.Hangouts.SyncRecentConversationsResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationListsModelTest {
  private final FakeHangoutsApi api = new FakeHangoutsApi();

  @Test
  void buildPagesRecentConversationsUntilTheContinuationEndIsZero() {
    api.respond(
        SyncRecentConversationsResponse.class,
        page(5_000, 3_000, state(oneToOne("c1", ALICE), chat("c1", "e1", ALICE, 4_000, "hi"))));
    api.respond(
        SyncRecentConversationsResponse.class,
        page(6_000, 0, state(group("c2", ALICE, BOB), chat("c2", "e2", BOB, 2_000, "yo"))));
    api.respond(GetSelfInfoResponse.class, selfInfo());

    ConversationLists lists = ConversationLists.build(api).join();

    List<SyncRecentConversationsRequest> pages = api.requests(SyncRecentConversationsRequest.class);
    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).hasLastEventTimestamp()).isFalse();
    assertThat(pages.get(0).getMaxConversations()).isEqualTo(100);
    assertThat(pages.get(0).getMaxEventsPerConversation()).isEqualTo(1);
    assertThat(pages.get(0).getSyncFilterList())
        .containsExactly(SyncFilter.SYNC_FILTER_INBOX, SyncFilter.SYNC_FILTER_ARCHIVED);
    assertThat(pages.get(1).getLastEventTimestamp()).isEqualTo(3_000);
    assertThat(lists.conversationList().getAll())
        .extracting(Conversation::getId)
        .containsExactly("c1", "c2");
    assertThat(lists.conversationList().get("c1").getEvents())
        .extracting(ConversationEvent::getId)
        .containsExactly("e1");
  }

  @Test
  void buildAsksForSelfInfoAlongsideAndForEveryParticipantOnce() {
    api.respond(
        SyncRecentConversationsResponse.class,
        page(5_000, 0, state(oneToOne("c1", ALICE)), state(group("c2", ALICE, BOB))));
    api.respond(
        GetEntityByIdResponse.class,
        entities(entity(ALICE, "Alice Able", null), entity(BOB, "Bob Baker", "Bobby")));
    api.respond(GetSelfInfoResponse.class, selfInfo());

    ConversationLists lists = ConversationLists.build(api).join();

    assertThat(api.requests())
        .extracting(Message::getClass)
        .containsExactly(
            GetSelfInfoRequest.class,
            SyncRecentConversationsRequest.class,
            GetEntityByIdRequest.class);
    assertThat(api.lastRequest(GetEntityByIdRequest.class).getBatchLookupSpecList())
        .extracting(Hangouts.EntityLookupSpec::getGaiaId)
        .containsExactlyInAnyOrder(SELF, ALICE, BOB);
    UserList users = lists.userList();
    assertThat(users.getUser(id(BOB)).getFirstName()).isEqualTo("Bobby");
    assertThat(users.getSelf().getFullName()).isEqualTo("Sam Self");
    assertThat(lists.conversationList().get("c2").getUsers())
        .extracting(User::getFullName)
        .containsExactly("Sam Self", "Alice Able", "Bob Baker");
  }

  @Test
  void buildSetsTheSyncTimestampToTheLastPagesServerTime() {
    api.respond(
        SyncRecentConversationsResponse.class, page(5_000, 3_000, state(oneToOne("c1", ALICE))));
    api.respond(SyncRecentConversationsResponse.class, page(7_000, 0));
    api.respond(GetSelfInfoResponse.class, selfInfo());

    ConversationLists.build(api).join();

    assertThat(api.syncTimestamp()).isEqualTo(7_000);
  }

  @Test
  void aFailedEntityRequestOnlyCostsNames() {
    api.respond(
        SyncRecentConversationsResponse.class, page(5_000, 0, state(oneToOne("c1", CAROL))));
    api.fail(GetEntityByIdResponse.class, new NetworkException("down"));
    api.respond(GetSelfInfoResponse.class, selfInfo());

    ConversationLists lists = ConversationLists.build(api).join();

    assertThat(lists.userList().getUser(id(CAROL)).getFullName()).isEqualTo("Carol Cole");
  }

  @Test
  void aConversationOnTwoPagesIsListedOnceWithTheNewerCopy() {
    Hangouts.Conversation renamed = oneToOne("c1", ALICE).toBuilder().setName("new").build();
    api.respond(SyncRecentConversationsResponse.class, page(5_000, 3_000, state(renamed)));
    api.respond(
        SyncRecentConversationsResponse.class, page(6_000, 0, state(oneToOne("c1", ALICE))));
    api.respond(GetSelfInfoResponse.class, selfInfo());

    ConversationList list = ConversationLists.build(api).join().conversationList();

    assertThat(list.getAll()).hasSize(1);
    assertThat(list.get("c1").getName()).isEqualTo("new");
  }

  @Test
  void conversationsTheUserHasLeftAreNotListed() {
    Hangouts.Conversation left =
        group("c1", ALICE, BOB).toBuilder()
            .setSelfConversationState(
                group("c1", ALICE, BOB).getSelfConversationState().toBuilder()
                    .setStatus(Hangouts.ConversationStatus.CONVERSATION_STATUS_LEFT))
            .build();

    ConversationList list =
        ModelFixtures.build(api, state(left), state(oneToOne("c2", ALICE))).conversationList();

    assertThat(list.getAll(true)).extracting(Conversation::getId).containsExactly("c2");
  }

  @Test
  void closingStopsBothListsFollowingTheApi() {
    ConversationLists lists = ModelFixtures.build(api, state(oneToOne("c1", ALICE)));
    assertThat(api.stateUpdateObservers()).isEqualTo(2);

    lists.close();

    assertThat(api.stateUpdateObservers()).isZero();
  }
}
