package dev.parley.server.storage;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The account half of {@link JdbcTransaction}: accounts, sign-in state, presence and invitations.
 * Split off only to keep files small.
 */
abstract class JdbcAccountTransaction implements StoreTransaction {

  protected final Sql sql;

  JdbcAccountTransaction(Sql sql) {
    this.sql = sql;
  }

  // ---- accounts ----

  @Override
  public void insertAccount(Account a) {
    sql.update(
        "INSERT INTO accounts (id, email, email_lower, display_name, display_name_lower,"
            + " first_name, first_name_lower, password_hash, totp_secret, avatar_media_id, bot,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        a.id(),
        a.email(),
        lower(a.email()),
        a.displayName(),
        lower(a.displayName()),
        a.firstName(),
        lower(a.firstName()),
        a.passwordHash(),
        a.totpSecret(),
        a.avatarMediaId(),
        a.bot(),
        a.createdAt());
  }

  @Override
  public void updateAccount(Account a) {
    sql.updateOne(
        "account " + a.id(),
        "UPDATE accounts SET email = ?, email_lower = ?, display_name = ?, display_name_lower = ?,"
            + " first_name = ?, first_name_lower = ?, password_hash = ?, totp_secret = ?,"
            + " avatar_media_id = ?, bot = ?, created_at = ? WHERE id = ?",
        a.email(),
        lower(a.email()),
        a.displayName(),
        lower(a.displayName()),
        a.firstName(),
        lower(a.firstName()),
        a.passwordHash(),
        a.totpSecret(),
        a.avatarMediaId(),
        a.bot(),
        a.createdAt(),
        a.id());
  }

  @Override
  public Optional<Account> account(String accountId) {
    return sql.one(
        "SELECT " + Rows.ACCOUNT + " FROM accounts WHERE id = ?", Rows::account, accountId);
  }

  @Override
  public Optional<Account> accountByEmail(String email) {
    return sql.one(
        "SELECT " + Rows.ACCOUNT + " FROM accounts WHERE email_lower = ?",
        Rows::account,
        lower(email));
  }

  @Override
  public List<Account> accounts() {
    return sql.list(
        "SELECT " + Rows.ACCOUNT + " FROM accounts ORDER BY created_at, id", Rows::account);
  }

  @Override
  public List<Account> searchAccounts(String prefix, int limit) {
    String pattern = likeEscape(lower(prefix)) + "%";
    return sql.list(
        "SELECT "
            + Rows.ACCOUNT
            + " FROM accounts WHERE display_name_lower LIKE ? ESCAPE '\\'"
            + " OR first_name_lower LIKE ? ESCAPE '\\' OR email_lower LIKE ? ESCAPE '\\'"
            + " ORDER BY display_name_lower, display_name, id LIMIT ?",
        Rows::account,
        pattern,
        pattern,
        pattern,
        Math.max(0, limit));
  }

  // ---- refresh tokens and sign-in sessions ----

  @Override
  public void insertRefreshToken(RefreshToken t) {
    sql.update(
        "INSERT INTO refresh_tokens (token_hash, account_id, created_at, revoked)"
            + " VALUES (?, ?, ?, ?)",
        t.tokenHash(),
        t.accountId(),
        t.createdAt(),
        false);
  }

  @Override
  public Optional<RefreshToken> refreshToken(String tokenHash) {
    return sql.one(
        "SELECT token_hash, account_id, created_at FROM refresh_tokens"
            + " WHERE token_hash = ? AND revoked = ?",
        Rows::refreshToken,
        tokenHash,
        false);
  }

  @Override
  public void revokeRefreshTokens(String accountId) {
    sql.update("UPDATE refresh_tokens SET revoked = ? WHERE account_id = ?", true, accountId);
  }

  @Override
  public void insertSignInSession(SignInSession s) {
    sql.update(
        "INSERT INTO sign_in_sessions (sid_hash, sapisid, account_id, created_at)"
            + " VALUES (?, ?, ?, ?)",
        s.sidHash(),
        s.sapisid(),
        s.accountId(),
        s.createdAt());
  }

  @Override
  public Optional<SignInSession> signInSession(String sidHash) {
    return sql.one(
        "SELECT sid_hash, sapisid, account_id, created_at FROM sign_in_sessions"
            + " WHERE sid_hash = ?",
        Rows::signInSession,
        sidHash);
  }

  @Override
  public void deleteSignInSession(String sidHash) {
    sql.update("DELETE FROM sign_in_sessions WHERE sid_hash = ?", sidHash);
  }

  @Override
  public void deleteSignInSessions(String accountId) {
    sql.update("DELETE FROM sign_in_sessions WHERE account_id = ?", accountId);
  }

  // ---- presence ----

  @Override
  public Optional<PresenceRecord> presence(String accountId) {
    return sql.one(
        "SELECT " + Rows.PRESENCE + " FROM presence WHERE account_id = ?",
        Rows::presence,
        accountId);
  }

  @Override
  public void upsertPresence(PresenceRecord p) {
    sql.update(
        "INSERT INTO presence ("
            + Rows.PRESENCE
            + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id) DO UPDATE SET"
            + " available = excluded.available, dnd_expires_at = excluded.dnd_expires_at,"
            + " status_message = excluded.status_message, last_seen_at = excluded.last_seen_at",
        p.accountId(),
        p.available(),
        p.dndExpiresAt(),
        p.statusMessage(),
        p.lastSeenAt());
  }

  // ---- invitations ----

  @Override
  public void insertInvitation(String accountId, String invitee, long createdAt) {
    sql.update(
        "INSERT INTO invitations (account_id, invitee, created_at) VALUES (?, ?, ?)",
        accountId,
        invitee,
        createdAt);
  }

  @Override
  public int invitationCount(String accountId) {
    return sql.one(
            "SELECT COUNT(*) FROM invitations WHERE account_id = ?", rs -> rs.getInt(1), accountId)
        .orElse(0);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static String likeEscape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
