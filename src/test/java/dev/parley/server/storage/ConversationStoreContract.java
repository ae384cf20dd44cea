package dev.parley.server.storage;

import static dev.parley.server.storage.StoreFixtures.account;
import static dev.parley.server.storage.StoreFixtures.conversation;
import static dev.parley.server.storage.StoreFixtures.membership;
import static dev.parley.server.storage.StoreFixtures.oneToOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Conversations and memberships. */
interface ConversationStoreContract extends StoreAccess {

  @Test
  default void aConversationReadsBackWithEveryFieldIncludingNulls() {
    ConversationRecord group = new ConversationRecord("g", 2, "Team", 2, 1, "tok", null, 3, 4, 5);
    ConversationRecord direct = oneToOne("d", "1 2");
    inWrite(
        tx -> {
          tx.insertConversation(group);
          tx.insertConversation(direct);
        });

    assertThat(find(tx -> tx.conversation("g"))).contains(group);
    assertThat(find(tx -> tx.conversation("d"))).contains(direct);
    assertThat(find(tx -> tx.conversation("missing"))).isEmpty();
  }

  @Test
  default void participantAccountsAreTheAccountsOfEveryMembershipOfTheConversation() {
    inWrite(
        tx -> {
          for (String id : new String[] {"1", "2", "3", "4"}) {
            tx.insertAccount(account(id));
          }
          tx.insertConversation(conversation("c"));
          tx.insertConversation(conversation("other"));
          tx.upsertMembership(membership("c", "1", 1));
          tx.upsertMembership(membership("c", "2", 2).withLeftAt(3));
          tx.upsertMembership(membership("other", "3", 1));
        });

    assertThat(list(tx -> tx.participantAccounts("c")))
        .extracting(Account::id)
        .containsExactlyInAnyOrder("1", "2");
    assertThat(list(tx -> tx.participantAccounts("missing"))).isEmpty();
  }

  @Test
  default void aOneToOneIsFoundByItsKeyAndASecondWithTheSameKeyIsRejected() {
    inWrite(tx -> tx.insertConversation(oneToOne("d", "1 2")));

    assertThat(find(tx -> tx.conversationByOneToOneKey("1 2"))).map(c -> c.id()).contains("d");
    assertThat(find(tx -> tx.conversationByOneToOneKey("1 3"))).isEmpty();
    assertThatThrownBy(() -> inWrite(tx -> tx.insertConversation(oneToOne("e", "1 2"))))
        .isInstanceOf(StoreException.class);
    assertThat(find(tx -> tx.conversation("e"))).isEmpty();
  }

  @Test
  default void groupsWithoutAOneToOneKeyDoNotCollide() {
    inWrite(
        tx -> {
          tx.insertConversation(conversation("g1"));
          tx.insertConversation(conversation("g2"));
        });

    assertThat(find(tx -> tx.conversation("g2"))).isPresent();
  }

  @Test
  default void aConversationIsFoundByItsCurrentJoinTokenOnly() {
    inWrite(tx -> tx.insertConversation(conversation("g").withLinkSharing(1, "old-token")));
    assertThat(find(tx -> tx.conversationByJoinToken("old-token"))).map(c -> c.id()).contains("g");

    inWrite(
        tx -> tx.updateConversation(tx.conversation("g").orElseThrow().withLinkSharing(1, "new")));

    assertThat(find(tx -> tx.conversationByJoinToken("old-token"))).isEmpty();
    assertThat(find(tx -> tx.conversationByJoinToken("new"))).map(c -> c.id()).contains("g");
  }

  @Test
  default void updatingAConversationReplacesItsMutableFields() {
    inWrite(tx -> tx.insertConversation(conversation("g")));
    ConversationRecord changed =
        conversation("g").withName("Renamed").withOtrStatus(2).touchedByEvent(99).modified(120);

    inWrite(tx -> tx.updateConversation(changed));

    assertThat(find(tx -> tx.conversation("g"))).contains(changed);
    assertThat(changed.sortTimestamp()).isEqualTo(99);
    assertThat(changed.modifiedAt()).isEqualTo(120);
  }

  @Test
  default void updatingAConversationThatDoesNotExistFails() {
    assertThatThrownBy(() -> inWrite(tx -> tx.updateConversation(conversation("404"))))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("404");
  }

  @Test
  default void upsertingAMembershipInsertsItThenReplacesIt() {
    givenConversationWithAccounts("g", "1");
    Membership joined = membership("g", "1", 10);
    inWrite(tx -> tx.upsertMembership(joined));
    assertThat(find(tx -> tx.membership("g", "1"))).contains(joined);

    Membership changed =
        joined
            .withLatestRead(15, 16)
            .withNotificationLevel(10, 17)
            .withView(2, 18)
            .withDeletedUpTo(14, 19)
            .withLeftAt(20);
    inWrite(tx -> tx.upsertMembership(changed));

    assertThat(find(tx -> tx.membership("g", "1"))).contains(changed);
    assertThat(list(tx -> tx.memberships("g"))).containsExactly(changed);
  }

  @Test
  default void aConversationListsCurrentAndFormerMembersByJoinTime() {
    givenConversationWithAccounts("g", "1", "2", "3");
    inWrite(
        tx -> {
          tx.upsertMembership(membership("g", "2", 30));
          tx.upsertMembership(membership("g", "1", 10).withLeftAt(40));
          tx.upsertMembership(membership("g", "3", 20));
        });

    var members = read(tx -> tx.memberships("g"));

    assertThat(members).extracting(Membership::accountId).containsExactly("1", "3", "2");
    assertThat(members).extracting(Membership::isCurrent).containsExactly(false, true, true);
    assertThat(list(tx -> tx.memberships("other"))).isEmpty();
  }

  @Test
  default void anAccountListsEveryConversationItIsOrWasIn() {
    givenConversationWithAccounts("g1", "1", "2");
    inWrite(
        tx -> {
          tx.insertConversation(conversation("g2"));
          tx.insertConversation(conversation("g3"));
          tx.upsertMembership(membership("g1", "1", 10));
          tx.upsertMembership(membership("g2", "1", 20).withLeftAt(25));
          tx.upsertMembership(membership("g3", "2", 30));
        });

    assertThat(list(tx -> tx.membershipsOf("1")))
        .extracting(Membership::conversationId)
        .containsExactlyInAnyOrder("g1", "g2");
    assertThat(list(tx -> tx.membershipsOf("2")))
        .extracting(Membership::conversationId)
        .containsExactly("g3");
    assertThat(find(tx -> tx.membership("g3", "1"))).isEmpty();
  }

  @Test
  default void aMembershipOfAnUnknownConversationOrAccountIsRejected() {
    givenConversationWithAccounts("g", "1");

    assertThatThrownBy(() -> inWrite(tx -> tx.upsertMembership(membership("nope", "1", 1))))
        .isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> inWrite(tx -> tx.upsertMembership(membership("g", "nope", 1))))
        .isInstanceOf(StoreException.class);
  }

  private void givenConversationWithAccounts(String conversationId, String... accountIds) {
    inWrite(
        tx -> {
          tx.insertConversation(conversation(conversationId));
          for (String id : accountIds) {
            tx.insertAccount(account(id));
          }
        });
  }
}
