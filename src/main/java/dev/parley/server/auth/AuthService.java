package dev.parley.server.auth;

import dev.parley.server.TimeSource;
import dev.parley.server.storage.Account;
import dev.parley.server.storage.RefreshToken;
import dev.parley.server.storage.SignInSession;
import dev.parley.server.storage.Store;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Sign-in (PROTOCOL.md section 3): password (+ TOTP) for a refresh token, a refresh token for a
 * session with SID and SAPISID cookies, logout of one session or everywhere. Tokens are stored only
 * as hashes; sessions survive server restarts.
 */
public final class AuthService {
  /** What a login attempt came to. */
  public sealed interface LoginResult {}

  public record LoggedIn(String refreshToken, String accountId) implements LoginResult {}

  public record InvalidCredentials() implements LoginResult {}

  public record VerificationRequired() implements LoginResult {}

  public record RateLimited(long retryAfterSeconds) implements LoginResult {}

  /** Told of each logout once its sessions are deleted, e.g. to drop them from caches. */
  @FunctionalInterface
  public interface LogoutListener {
    void loggedOut(String accountId, String sidHash, boolean everywhere);
  }

  /** The cookies of a new session. */
  public record SessionCookies(String sid, String sapisid, String accountId) {}

  private final Store store;
  private final PasswordHasher hasher;
  private final Totp totp;
  private final LoginRateLimiter limiter;
  private final SecureRandom random;
  private final TimeSource time;
  private final String dummyHash;
  private final LogoutListener logoutListener;

  public AuthService(
      Store store,
      PasswordHasher hasher,
      Totp totp,
      LoginRateLimiter limiter,
      SecureRandom random,
      TimeSource time) {
    this(store, hasher, totp, limiter, random, time, (accountId, sidHash, everywhere) -> {});
  }

  public AuthService(
      Store store,
      PasswordHasher hasher,
      Totp totp,
      LoginRateLimiter limiter,
      SecureRandom random,
      TimeSource time,
      LogoutListener logoutListener) {
    this.logoutListener = logoutListener;
    this.store = store;
    this.hasher = hasher;
    this.totp = totp;
    this.limiter = limiter;
    this.random = random;
    this.time = time;
    // Unknown emails still cost one hash check, so timing does not tell who has an account.
    this.dummyHash = hasher.hash("not a real password".toCharArray());
  }

  public LoginResult login(String ip, String email, String password, String code) {
    String key = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    LoginRateLimiter.Decision decision = limiter.tryAcquire(ip, key);
    if (!decision.allowed()) {
      return new RateLimited(decision.retryAfterSeconds());
    }
    Optional<Account> account =
        key.isEmpty() ? Optional.empty() : store.read(tx -> tx.accountByEmail(key));
    char[] chars = password == null ? new char[0] : password.toCharArray();
    boolean passwordOk;
    if (account.isPresent()) {
      passwordOk = hasher.verify(chars, account.get().passwordHash());
    } else {
      hasher.verify(chars, dummyHash);
      passwordOk = false;
    }
    if (!passwordOk) {
      limiter.recordFailure(key);
      return new InvalidCredentials();
    }
    Account found = account.get();
    if (found.totpSecret() != null) {
      if (code == null || code.isBlank()) {
        return new VerificationRequired();
      }
      if (!totp.verify(found.totpSecret(), code.strip(), time.nowMillis() / 1000)) {
        limiter.recordFailure(key);
        return new VerificationRequired();
      }
    }
    limiter.recordSuccess(key);
    String token = Tokens.random(random, 256);
    store.write(
        tx -> {
          tx.insertRefreshToken(
              new RefreshToken(Tokens.sha256Hex(token), found.id(), time.nowMicros()));
          return null;
        });
    return new LoggedIn(token, found.id());
  }

  /** A new session for a live refresh token; empty when the token is unknown or revoked. */
  public Optional<SessionCookies> startSession(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 512) {
      return Optional.empty();
    }
    String hash = Tokens.sha256Hex(refreshToken.strip());
    return store.write(
        tx -> {
          Optional<RefreshToken> token = tx.refreshToken(hash);
          if (token.isEmpty() || tx.account(token.get().accountId()).isEmpty()) {
            return Optional.empty();
          }
          String sid = Tokens.random(random, 192);
          String sapisid = Tokens.random(random, 192);
          tx.insertSignInSession(
              new SignInSession(
                  Tokens.sha256Hex(sid), sapisid, token.get().accountId(), time.nowMicros()));
          return Optional.of(new SessionCookies(sid, sapisid, token.get().accountId()));
        });
  }

  /**
   * Ends one session, or with {@code everywhere} every session and refresh token of the account.
   */
  public void logout(String accountId, String sidHash, boolean everywhere) {
    store.write(
        tx -> {
          tx.deleteSignInSession(sidHash);
          if (everywhere) {
            tx.revokeRefreshTokens(accountId);
            tx.deleteSignInSessions(accountId);
          }
          return null;
        });
    logoutListener.loggedOut(accountId, sidHash, everywhere);
  }
}
