package dev.parley.server.auth;

import dev.parley.server.ServerException;
import dev.parley.server.TimeSource;
import dev.parley.server.conversations.Ids;
import dev.parley.server.storage.Account;
import dev.parley.server.storage.Store;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;

/** Creating and maintaining accounts: what {@code parley server user ...} does. */
public final class Accounts {
  public static final int MIN_PASSWORD_LENGTH = 8;
  public static final int MAX_NAME_LENGTH = 200;

  /** A request the account rules refuse; the message says why. */
  public static final class AccountException extends ServerException {
    private static final long serialVersionUID = 1L;

    public AccountException(String message) {
      super(message);
    }
  }

  private final Store store;
  private final PasswordHasher hasher;
  private final Ids ids;
  private final SecureRandom random;
  private final TimeSource time;

  public Accounts(
      Store store, PasswordHasher hasher, Ids ids, SecureRandom random, TimeSource time) {
    this.store = store;
    this.hasher = hasher;
    this.ids = ids;
    this.random = random;
    this.time = time;
  }

  public Account create(String email, String displayName, char[] password, boolean bot) {
    String normalized = normalizeEmail(email);
    String name = displayName == null ? "" : displayName.strip();
    if (name.isEmpty()
        || name.length() > MAX_NAME_LENGTH
        || name.chars().anyMatch(Character::isISOControl)) {
      throw new AccountException(
          "a name is 1 to " + MAX_NAME_LENGTH + " characters without control characters");
    }
    checkPassword(password);
    String hash = hasher.hash(password);
    String firstName = name.split("\\s+")[0];
    return store.write(
        tx -> {
          if (tx.accountByEmail(normalized).isPresent()) {
            throw new AccountException("an account with email " + normalized + " exists already");
          }
          String id = ids.accountId();
          while (tx.account(id).isPresent()) {
            id = ids.accountId();
          }
          Account account =
              new Account(id, normalized, name, firstName, hash, null, null, bot, time.nowMicros());
          tx.insertAccount(account);
          return account;
        });
  }

  public void setPassword(String email, char[] password) {
    checkPassword(password);
    String hash = hasher.hash(password);
    update(email, account -> account.withPasswordHash(hash));
  }

  /** Turns on the second factor and returns the otpauth URI for an authenticator app. */
  public String enableTotp(String email, String issuer) {
    String secret = Totp.newSecret(random);
    Account account = update(email, a -> a.withTotpSecret(secret));
    return Totp.otpauthUri(issuer, account.email(), secret);
  }

  public void disableTotp(String email) {
    update(email, a -> a.withTotpSecret(null));
  }

  public List<Account> list() {
    return store.read(tx -> tx.accounts());
  }

  private Account update(String email, java.util.function.UnaryOperator<Account> change) {
    String normalized = normalizeEmail(email);
    return store.write(
        tx -> {
          Account account =
              tx.accountByEmail(normalized)
                  .orElseThrow(() -> new AccountException("no account with email " + normalized));
          Account updated = change.apply(account);
          tx.updateAccount(updated);
          return updated;
        });
  }

  static String normalizeEmail(String email) {
    String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    int at = e.indexOf('@');
    if (at <= 0
        || at != e.lastIndexOf('@')
        || at == e.length() - 1
        || e.length() > 254
        || e.chars().anyMatch(c -> c <= ' ')) {
      throw new AccountException("not an email address: " + email);
    }
    return e;
  }

  private static void checkPassword(char[] password) {
    if (password == null || password.length < MIN_PASSWORD_LENGTH) {
      throw new AccountException("a password has at least " + MIN_PASSWORD_LENGTH + " characters");
    }
  }
}
