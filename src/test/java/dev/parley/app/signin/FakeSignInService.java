package dev.parley.app.signin;

import dev.parley.app.session.FakeSessionService;
import dev.parley.app.session.SessionService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** A {@link SignInService} whose answers the test decides; records what was asked. */
final class FakeSignInService implements SignInService {
  final List<String> calls = new ArrayList<>();
  CompletableFuture<SessionService> next = new CompletableFuture<>();
  Supplier<CompletableFuture<String>> lastCodePrompt;
  boolean signedOut;

  @Override
  public Optional<String> savedAccountKey() {
    return Optional.empty();
  }

  @Override
  public CompletableFuture<Optional<SessionService>> resume() {
    calls.add("resume");
    return CompletableFuture.completedFuture(Optional.empty());
  }

  @Override
  public CompletableFuture<SessionService> connect(
      String serverUrl,
      String email,
      String password,
      Supplier<CompletableFuture<String>> verificationCode) {
    calls.add("connect " + serverUrl + " " + email + " " + password);
    lastCodePrompt = verificationCode;
    return next;
  }

  @Override
  public CompletableFuture<SessionService> startLocal(String name, String email, String password) {
    calls.add("local " + name + " " + email);
    return next;
  }

  @Override
  public CompletableFuture<SessionService> startDemo() {
    calls.add("demo");
    return next;
  }

  @Override
  public CompletableFuture<Void> signOutEverywhere() {
    calls.add("everywhere");
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void signOut() {
    signedOut = true;
  }

  @Override
  public void close() {}

  void succeed() {
    next.complete(new FakeSessionService());
  }
}
