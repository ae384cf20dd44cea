package dev.parley.app.signin;

import dev.parley.app.session.SessionService;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Signing in and out. Every method works off the UI thread and completes its future on the UI
 * thread; failures are the client library's typed exceptions ({@code AuthenticationException},
 * {@code RateLimitedException}, {@code NetworkException}) or the app's.
 */
public interface SignInService {

  /**
   * Signs in silently with the saved account and its cached refresh token. Completes empty when
   * there is no saved account or the person has to sign in again.
   */
  CompletableFuture<Optional<SessionService>> resume();

  /**
   * Which account {@link #resume()} would sign in to, as a key that tells accounts apart (kind,
   * server and email), or empty when it would complete empty for want of a saved account or token.
   * Reads two small files; for the saved conversation list shown while signing in.
   */
  Optional<String> savedAccountKey();

  /** The key of the demo account ({@link #startDemo()}). */
  String DEMO_ACCOUNT_KEY = "DEMO";

  /**
   * Signs in to a server with email and password; asks {@code verificationCode} only when the
   * server wants one (its future completes with the code, or null to cancel). Remembers the
   * account.
   */
  CompletableFuture<SessionService> connect(
      String serverUrl,
      String email,
      String password,
      Supplier<CompletableFuture<String>> verificationCode);

  /** Starts the embedded server on this computer, creates the account and signs in to it. */
  CompletableFuture<SessionService> startLocal(String name, String email, String password);

  /** Starts the embedded server with the demo world and signs in as its owner. */
  CompletableFuture<SessionService> startDemo();

  /**
   * Forgets the saved account and its refresh token; the next start shows the welcome screen. The
   * server is told in the background (the session is revoked) when it can be reached.
   */
  void signOut();

  /**
   * Revokes every session and refresh token of the account on the server (every device must sign in
   * again). Completes on the UI thread; forget locally with {@link #signOut()} afterwards.
   */
  CompletableFuture<Void> signOutEverywhere();

  /** Stops whatever it started (the embedded server). */
  void close();
}
