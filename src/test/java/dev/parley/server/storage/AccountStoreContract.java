package dev.parley.server.storage;

import static dev.parley.server.storage.StoreFixtures.account;
import static dev.parley.server.storage.StoreFixtures.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The account side of the store contract: accounts, sign-in state, presence, invitations. */
interface AccountStoreContract extends StoreAccess {

  @Test
  default void anInsertedAccountReadsBackWithEveryField() {
    Account alice =
        new Account("1", "alice@example.com", "Alice Liddell", "Alice", "h", "TOTP", "m1", true, 7);
    inWrite(tx -> tx.insertAccount(alice));

    assertThat(find(tx -> tx.account("1"))).contains(alice);
    assertThat(find(tx -> tx.account("2"))).isEmpty();
  }

  @Test
  default void accountsAreFoundByEmailIgnoringCase() {
    inWrite(tx -> tx.insertAccount(account("1", "Alice@Example.COM", "Alice", 1)));
    inWrite(tx -> tx.insertAccount(account("2", "Émile@example.com", "Émile", 2)));

    assertThat(find(tx -> tx.accountByEmail("alice@example.com"))).map(Account::id).contains("1");
    assertThat(find(tx -> tx.accountByEmail("ALICE@EXAMPLE.COM"))).map(Account::id).contains("1");
    assertThat(find(tx -> tx.accountByEmail("éMILE@EXAMPLE.com"))).map(Account::id).contains("2");
    assertThat(find(tx -> tx.accountByEmail("bob@example.com"))).isEmpty();
  }

  @Test
  default void anEmailThatDiffersOnlyInCaseIsRejectedAsADuplicate() {
    inWrite(tx -> tx.insertAccount(account("1", "alice@example.com", "Alice", 1)));

    assertThatThrownBy(
            () -> inWrite(tx -> tx.insertAccount(account("2", "ALICE@example.com", "Other", 2))))
        .isInstanceOf(StoreException.class);
    assertThat(list(StoreTransaction::accounts)).extracting(Account::id).containsExactly("1");
  }

  @Test
  default void updatingAnAccountReplacesItsFieldsAndItsEmailLookup() {
    inWrite(tx -> tx.insertAccount(account("1", "old@example.com", "Alice", 1)));
    Account changed =
        new Account("1", "New@example.com", "Alice B", "Al", "h2", "T", "m", false, 1);

    inWrite(tx -> tx.updateAccount(changed));

    assertThat(find(tx -> tx.account("1"))).contains(changed);
    assertThat(find(tx -> tx.accountByEmail("new@example.com"))).contains(changed);
    assertThat(find(tx -> tx.accountByEmail("old@example.com"))).isEmpty();
  }

  @Test
  default void updatingAnAccountThatDoesNotExistFails() {
    assertThatThrownBy(() -> inWrite(tx -> tx.updateAccount(account("404"))))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("404");
  }

  @Test
  default void accountsAreListedInCreationOrder() {
    inWrite(
        tx -> {
          tx.insertAccount(account("b", "b@x", "B", 20));
          tx.insertAccount(account("c", "c@x", "C", 30));
          tx.insertAccount(account("a", "a@x", "A", 10));
        });

    assertThat(list(StoreTransaction::accounts))
        .extracting(Account::id)
        .containsExactly("a", "b", "c");
  }

  @Test
  default void searchMatchesAPrefixOfDisplayNameFirstNameOrEmailIgnoringCase() {
    inWrite(
        tx -> {
          tx.insertAccount(account("1", "zed@example.com", "Alice Smith", 1));
          tx.insertAccount(account("2", "alfred@example.com", "Fred", 2));
          tx.insertAccount(account("3", "bob@example.com", "Bob Alinsky", 3));
          tx.insertAccount(
              new Account("4", "q@example.com", "Quinn", "Alberta", "h", null, null, false, 4));
          tx.insertAccount(account("5", "élodie@example.com", "Élodie", 5));
        });

    assertThat(list(tx -> tx.searchAccounts("AL", 10)))
        .extracting(Account::id)
        .containsExactly("1", "2", "4");
    assertThat(list(tx -> tx.searchAccounts("ÉLO", 10))).extracting(Account::id).contains("5");
    assertThat(list(tx -> tx.searchAccounts("nobody", 10))).isEmpty();
  }

  @Test
  default void searchIsOrderedByDisplayNameAndStopsAtTheLimit() {
    inWrite(
        tx -> {
          tx.insertAccount(account("1", "s1@x", "sam c", 1));
          tx.insertAccount(account("2", "s2@x", "Sam A", 2));
          tx.insertAccount(account("3", "s3@x", "SAM B", 3));
        });

    assertThat(list(tx -> tx.searchAccounts("sam", 10)))
        .extracting(Account::id)
        .containsExactly("2", "3", "1");
    assertThat(list(tx -> tx.searchAccounts("sam", 2)))
        .extracting(Account::id)
        .containsExactly("2", "3");
    assertThat(list(tx -> tx.searchAccounts("sam", 0))).isEmpty();
  }

  @Test
  default void searchTreatsLikeWildcardsAsPlainCharacters() {
    inWrite(
        tx -> {
          tx.insertAccount(account("1", "a@x", "100% Bob", 1));
          tx.insertAccount(account("2", "b@x", "1000 Bob", 2));
          tx.insertAccount(account("3", "c@x", "x_y", 3));
          tx.insertAccount(account("4", "d@x", "xzy", 4));
        });

    assertThat(list(tx -> tx.searchAccounts("100%", 10)))
        .extracting(Account::id)
        .containsExactly("1");
    assertThat(list(tx -> tx.searchAccounts("x_", 10)))
        .extracting(Account::id)
        .containsExactly("3");
  }

  @Test
  default void aRefreshTokenIsFoundUntilItsAccountsTokensAreRevoked() {
    inWrite(
        tx -> {
          tx.insertAccount(account("1"));
          tx.insertAccount(account("2"));
          tx.insertRefreshToken(new RefreshToken("t1", "1", 5));
          tx.insertRefreshToken(new RefreshToken("t2", "1", 6));
          tx.insertRefreshToken(new RefreshToken("t3", "2", 7));
        });
    assertThat(find(tx -> tx.refreshToken("t1"))).contains(new RefreshToken("t1", "1", 5));

    inWrite(tx -> tx.revokeRefreshTokens("1"));

    assertThat(find(tx -> tx.refreshToken("t1"))).isEmpty();
    assertThat(find(tx -> tx.refreshToken("t2"))).isEmpty();
    assertThat(find(tx -> tx.refreshToken("t3"))).contains(new RefreshToken("t3", "2", 7));
    assertThat(find(tx -> tx.refreshToken("unknown"))).isEmpty();
  }

  @Test
  default void signInSessionsAreFoundAndDeletedOneByOneOrPerAccount() {
    inWrite(
        tx -> {
          tx.insertAccount(account("1"));
          tx.insertAccount(account("2"));
          tx.insertSignInSession(new SignInSession("s1", "p1", "1", 5));
          tx.insertSignInSession(new SignInSession("s2", "p2", "1", 6));
          tx.insertSignInSession(new SignInSession("s3", "p3", "2", 7));
        });
    assertThat(find(tx -> tx.signInSession("s1"))).contains(new SignInSession("s1", "p1", "1", 5));

    inWrite(tx -> tx.deleteSignInSession("s1"));
    assertThat(find(tx -> tx.signInSession("s1"))).isEmpty();
    assertThat(find(tx -> tx.signInSession("s2"))).isPresent();

    inWrite(tx -> tx.deleteSignInSessions("1"));
    assertThat(find(tx -> tx.signInSession("s2"))).isEmpty();
    assertThat(find(tx -> tx.signInSession("s3"))).isPresent();
  }

  @Test
  default void presenceIsInsertedThenReplaced() {
    inWrite(tx -> tx.insertAccount(account("1")));
    assertThat(find(tx -> tx.presence("1"))).isEmpty();

    inWrite(tx -> tx.upsertPresence(new PresenceRecord("1", true, 50, payload("busy"), 60)));
    PresenceRecord first = read(tx -> tx.presence("1")).orElseThrow();
    assertThat(first.available()).isTrue();
    assertThat(first.dndExpiresAt()).isEqualTo(50);
    assertThat(first.statusMessage()).isEqualTo(payload("busy"));
    assertThat(first.lastSeenAt()).isEqualTo(60);

    inWrite(tx -> tx.upsertPresence(new PresenceRecord("1", false, 0, null, 70)));
    PresenceRecord second = read(tx -> tx.presence("1")).orElseThrow();
    assertThat(second.available()).isFalse();
    assertThat(second.statusMessage()).isNull();
    assertThat(second.lastSeenAt()).isEqualTo(70);
  }

  @Test
  default void invitationsAreCountedPerAccount() {
    inWrite(
        tx -> {
          tx.insertAccount(account("1"));
          tx.insertAccount(account("2"));
          tx.insertInvitation("1", "x@example.com", 1);
          tx.insertInvitation("1", "x@example.com", 2);
          tx.insertInvitation("2", "y@example.com", 3);
        });

    assertThat(readNumber(tx -> tx.invitationCount("1"))).isEqualTo(2);
    assertThat(readNumber(tx -> tx.invitationCount("2"))).isEqualTo(1);
    assertThat(readNumber(tx -> tx.invitationCount("3"))).isZero();
  }
}
