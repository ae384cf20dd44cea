package dev.parley.app.signin;

import dev.parley.app.AppPaths;
import dev.parley.app.LocalServerLauncher;
import dev.parley.app.UiDispatcher;
import dev.parley.app.session.RealSessionService;
import dev.parley.app.session.SessionService;
import dev.parley.client.Auth;
import dev.parley.client.AuthenticationException;
import dev.parley.client.ClientException;
import dev.parley.client.Cookies;
import dev.parley.client.CredentialsPrompt;
import dev.parley.client.RefreshTokenCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs in with the client library's {@link Auth} (refresh token cached with {@link
 * RefreshTokenCache}), starting the embedded server first for local and demo accounts. Blocking
 * work runs on {@code background}; results are handed to the UI through the dispatcher.
 */
public final class RealSignInService implements SignInService {
  private static final Logger LOG = LoggerFactory.getLogger(RealSignInService.class);

  private final AppPaths paths;
  private final UiDispatcher ui;
  private final Executor background;
  private LocalServerLauncher localServer;
  private volatile Signed current;

  public RealSignInService(AppPaths paths, UiDispatcher ui, Executor background) {
    this.paths = paths;
    this.ui = ui;
    this.background = background;
  }

  private Path accountFile() {
    return paths.config().resolve("account.properties");
  }

  private RefreshTokenCache tokenCache(SavedAccount.Kind kind) {
    String name =
        switch (kind) {
          case REMOTE -> "refresh-token";
          case LOCAL -> "local-refresh-token";
          case DEMO -> "demo-refresh-token";
        };
    return new RefreshTokenCache(paths.data().resolve(name));
  }

  @Override
  public Optional<String> savedAccountKey() {
    return SavedAccount.load(accountFile())
        .filter(account -> tokenCache(account.kind()).get().isPresent())
        .map(SavedAccount::key);
  }

  @Override
  public CompletableFuture<Optional<SessionService>> resume() {
    return onUi(
        CompletableFuture.supplyAsync(
                () -> {
                  Optional<SavedAccount> saved = SavedAccount.load(accountFile());
                  if (saved.isEmpty() || tokenCache(saved.get().kind()).get().isEmpty()) {
                    return Optional.<Signed>empty();
                  }
                  SavedAccount account = saved.get();
                  String url =
                      switch (account.kind()) {
                        case REMOTE -> account.serverUrl();
                        case LOCAL -> startLocalServer(false).url();
                        case DEMO -> startLocalServer(true).url();
                      };
                  try {
                    return Optional.of(
                        new Signed(
                            url,
                            Auth.getAuth(
                                url, RefusingPrompt.INSTANCE, tokenCache(account.kind()))));
                  } catch (AuthenticationException e) {
                    LOG.info("the saved sign-in is no longer valid: {}", e.getMessage());
                    return Optional.<Signed>empty();
                  } catch (ClientException e) {
                    throw new CompletionException(e);
                  }
                },
                background)
            .thenCompose(
                signed ->
                    signed.isEmpty()
                        ? CompletableFuture.completedFuture(Optional.<SessionService>empty())
                        : openSession(signed.get()).thenApply(Optional::of)));
  }

  @Override
  public CompletableFuture<SessionService> connect(
      String serverUrl,
      String email,
      String password,
      Supplier<CompletableFuture<String>> verificationCode) {
    CredentialsPrompt prompt = new FormPrompt(email, password, verificationCode, ui);
    return onUi(
        CompletableFuture.supplyAsync(
                () -> {
                  RefreshTokenCache cache = tokenCache(SavedAccount.Kind.REMOTE);
                  cache.clear();
                  Signed signed = new Signed(serverUrl, authOrThrow(serverUrl, prompt, cache));
                  save(new SavedAccount(SavedAccount.Kind.REMOTE, serverUrl, email));
                  return signed;
                },
                background)
            .thenCompose(this::openSession));
  }

  @Override
  public CompletableFuture<SessionService> startLocal(String name, String email, String password) {
    return onUi(
        CompletableFuture.supplyAsync(
                () -> {
                  LocalServerLauncher server = startLocalServer(false);
                  if (!server.hasAccount(email)) {
                    server.createAccount(email, name, password.toCharArray());
                  }
                  RefreshTokenCache cache = tokenCache(SavedAccount.Kind.LOCAL);
                  cache.clear();
                  Signed signed =
                      new Signed(
                          server.url(),
                          authOrThrow(
                              server.url(), new FormPrompt(email, password, null, ui), cache));
                  save(new SavedAccount(SavedAccount.Kind.LOCAL, "", email));
                  return signed;
                },
                background)
            .thenCompose(this::openSession));
  }

  @Override
  public CompletableFuture<SessionService> startDemo() {
    return onUi(
        CompletableFuture.supplyAsync(
                () -> {
                  LocalServerLauncher server = startLocalServer(true);
                  Signed signed =
                      new Signed(
                          server.url(),
                          authOrThrow(
                              server.url(),
                              new FormPrompt(
                                  LocalServerLauncher.DEMO_EMAIL,
                                  LocalServerLauncher.DEMO_PASSWORD,
                                  null,
                                  ui),
                              tokenCache(SavedAccount.Kind.DEMO)));
                  return signed;
                },
                background)
            .thenCompose(this::openSession));
  }

  @Override
  public CompletableFuture<Void> signOutEverywhere() {
    Signed signed = current;
    if (signed == null) {
      return CompletableFuture.completedFuture(null);
    }
    return onUi(
        CompletableFuture.runAsync(
            () -> {
              try {
                Auth.logout(signed.url(), signed.cookies(), true);
              } catch (ClientException e) {
                throw new CompletionException(e);
              }
            },
            background));
  }

  @Override
  public void signOut() {
    Signed signed = current;
    current = null;
    if (signed != null) {
      background.execute(
          () -> {
            try {
              Auth.logout(signed.url(), signed.cookies(), false);
            } catch (ClientException e) {
              LOG.info("the server was not told of the sign-out: {}", e.getMessage());
            }
          });
    }
    try {
      Files.deleteIfExists(accountFile());
    } catch (IOException e) {
      LOG.warn("could not forget the account: {}", e.toString());
    }
    for (SavedAccount.Kind kind : SavedAccount.Kind.values()) {
      if (kind != SavedAccount.Kind.DEMO) {
        tokenCache(kind).clear();
      }
    }
  }

  @Override
  public synchronized void close() {
    if (localServer != null) {
      localServer.close();
      localServer = null;
    }
  }

  // ---- plumbing ----

  private record Signed(String url, Cookies cookies) {}

  private CompletableFuture<SessionService> openSession(Signed signed) {
    current = signed;
    return RealSessionService.start(signed.url(), signed.cookies(), ui, paths.cache())
        .thenApply(session -> (SessionService) session);
  }

  private synchronized LocalServerLauncher startLocalServer(boolean demo) {
    if (localServer == null) {
      localServer =
          LocalServerLauncher.start(
              paths.data().resolve(demo ? "demo-server" : "local-server"), demo);
    }
    return localServer;
  }

  private static Cookies authOrThrow(
      String url, CredentialsPrompt prompt, RefreshTokenCache cache) {
    try {
      return Auth.getAuth(url, prompt, cache);
    } catch (ClientException e) {
      throw new CompletionException(e);
    }
  }

  private void save(SavedAccount account) {
    try {
      account.save(accountFile());
    } catch (IOException e) {
      // Signing in worked; only the silent sign-in next time is lost.
      LOG.warn("could not remember the account: {}", e.toString());
    }
  }

  /** Completes on the UI thread, whichever thread finished the work. */
  private <T> CompletableFuture<T> onUi(CompletableFuture<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    work.whenComplete(
        (value, error) ->
            ui.dispatch(
                () -> {
                  if (error != null) {
                    result.completeExceptionally(
                        error instanceof CompletionException && error.getCause() != null
                            ? error.getCause()
                            : error);
                  } else {
                    result.complete(value);
                  }
                }));
    return result;
  }

  /** Answers from the sign-in form; asks the UI for a code only when the server wants one. */
  private record FormPrompt(
      String email,
      String password,
      Supplier<CompletableFuture<String>> codeSupplier,
      UiDispatcher ui)
      implements CredentialsPrompt {
    @Override
    public String verificationCode() {
      if (codeSupplier == null) {
        return null;
      }
      CompletableFuture<CompletableFuture<String>> asked = new CompletableFuture<>();
      ui.dispatch(() -> asked.complete(codeSupplier.get()));
      try {
        return asked.get().get(10, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      } catch (ExecutionException | TimeoutException e) {
        return null;
      }
    }
  }

  /** For silent sign-in: never asks, so a revoked token fails instead of prompting. */
  private enum RefusingPrompt implements CredentialsPrompt {
    INSTANCE;

    @Override
    public String email() {
      return null;
    }

    @Override
    public String password() {
      return null;
    }

    @Override
    public String verificationCode() {
      return null;
    }
  }
}
