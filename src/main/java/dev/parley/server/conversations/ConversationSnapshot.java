package dev.parley.server.conversations;

import dev.parley.server.storage.Account;
import dev.parley.server.storage.ConversationRecord;
import dev.parley.server.storage.Membership;
import dev.parley.server.storage.StoreTransaction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A conversation with its memberships and the accounts behind them, read in one transaction. */
public record ConversationSnapshot(
    ConversationRecord conversation, List<Membership> memberships, Map<String, Account> accounts) {

  public static ConversationSnapshot load(StoreTransaction tx, ConversationRecord conversation) {
    List<Membership> memberships = tx.memberships(conversation.id());
    Map<String, Account> accounts = new HashMap<>();
    for (Account a : tx.participantAccounts(conversation.id())) {
      accounts.put(a.id(), a);
    }
    return new ConversationSnapshot(conversation, memberships, accounts);
  }

  public Optional<Membership> membershipOf(String accountId) {
    return memberships.stream().filter(m -> m.accountId().equals(accountId)).findFirst();
  }

  public List<Membership> current() {
    return memberships.stream().filter(Membership::isCurrent).toList();
  }

  public List<String> currentIds() {
    return current().stream().map(Membership::accountId).toList();
  }

  public boolean isCurrentParticipant(String accountId) {
    return membershipOf(accountId).map(Membership::isCurrent).orElse(false);
  }

  public ConversationSnapshot with(ConversationRecord updated) {
    return new ConversationSnapshot(updated, memberships, accounts);
  }
}
