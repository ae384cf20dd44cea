package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.server.auth.Totp;
import dev.parley.server.testing.ServerFixture;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthTest {
  private static final String EMAIL = "alice@example.org";

  @TempDir Path dir;
  private ServerFixture fixture;
  private RefreshTokenCache cache;

  @BeforeEach
  void startServer() throws Exception {
    fixture = new ServerFixture(dir.resolve("server"), null);
    fixture.createAccount(EMAIL, "Alice Liddell");
    cache = new RefreshTokenCache(dir.resolve("config").resolve("refresh_token.txt"));
  }

  @AfterEach
  void stopServer() {
    fixture.close();
  }

  @Test
  void firstSignInAsksForEmailAndPasswordAndCachesTheTokenForTheOwnerOnly() throws Exception {
    RecordingCredentialsPrompt prompt =
        new RecordingCredentialsPrompt(EMAIL, ServerFixture.PASSWORD);

    Cookies cookies = Auth.getAuth(fixture.url(), prompt, cache);

    assertThat(cookies.sid()).isNotBlank();
    assertThat(cookies.sapisid()).isNotBlank();
    assertThat(cookies.toString()).doesNotContain(cookies.sid()).doesNotContain(cookies.sapisid());
    assertThat(prompt.asked()).containsExactly("email", "password");
    assertThat(cache.get()).isPresent();
    assertThat(Files.getPosixFilePermissions(cache.file()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void secondSignInUsesTheCachedTokenWithoutAsking() throws Exception {
    Cookies first =
        Auth.getAuth(
            fixture.url(), new RecordingCredentialsPrompt(EMAIL, ServerFixture.PASSWORD), cache);
    RecordingCredentialsPrompt prompt = new RecordingCredentialsPrompt(EMAIL, "never asked");

    Cookies second = Auth.getAuth(fixture.url(), prompt, cache);

    assertThat(prompt.asked()).isEmpty();
    assertThat(second.sid()).isNotEqualTo(first.sid());
    assertThat(selfInfoEmail(second)).isEqualTo(EMAIL);
  }

  @Test
  void revokedTokenFallsBackToThePromptAndCachesTheNewToken() throws Exception {
    Cookies cookies =
        Auth.getAuth(
            fixture.url(), new RecordingCredentialsPrompt(EMAIL, ServerFixture.PASSWORD), cache);
    String revoked = cache.get().orElseThrow();
    Auth.logout(fixture.url(), cookies, true);
    RecordingCredentialsPrompt prompt =
        new RecordingCredentialsPrompt(EMAIL, ServerFixture.PASSWORD);

    Cookies again = Auth.getAuth(fixture.url(), prompt, cache);

    assertThat(prompt.asked()).containsExactly("email", "password");
    assertThat(cache.get()).isPresent().get().isNotEqualTo(revoked);
    assertThat(selfInfoEmail(again)).isEqualTo(EMAIL);
  }

  @Test
  void signingOutOneSessionKeepsTheRefreshTokenAndASecondSignOutIsRefused() throws Exception {
    Cookies cookies =
        Auth.getAuth(
            fixture.url(), new RecordingCredentialsPrompt(EMAIL, ServerFixture.PASSWORD), cache);

    Auth.logout(fixture.url(), cookies, false);

    assertThatThrownBy(() -> Auth.logout(fixture.url(), cookies, false))
        .isInstanceOf(AuthenticationException.class);
    RecordingCredentialsPrompt prompt = new RecordingCredentialsPrompt(EMAIL, "unused");
    Cookies again = Auth.getAuth(fixture.url(), prompt, cache);
    assertThat(prompt.asked()).isEmpty();
    assertThat(selfInfoEmail(again)).isEqualTo(EMAIL);
  }

  @Test
  void verificationCodeIsAskedOnlyWhenTheAccountHasASecondFactor() throws Exception {
    String uri = fixture.server().accounts().enableTotp(EMAIL, "Parley");
    String secret = secretOf(uri);
    RecordingCredentialsPrompt prompt =
        new RecordingCredentialsPrompt(
            EMAIL,
            ServerFixture.PASSWORD,
            () -> new Totp().code(secret, System.currentTimeMillis() / 1000));

    Cookies cookies = Auth.getAuth(fixture.url(), prompt, cache);

    assertThat(prompt.asked()).containsExactly("email", "password", "code");
    assertThat(selfInfoEmail(cookies)).isEqualTo(EMAIL);
  }

  @Test
  void wrongVerificationCodeIsAnAuthenticationFailure() {
    fixture.server().accounts().enableTotp(EMAIL, "Parley");
    RecordingCredentialsPrompt prompt =
        new RecordingCredentialsPrompt(EMAIL, ServerFixture.PASSWORD, () -> "000000x");

    assertThatThrownBy(() -> Auth.getAuth(fixture.url(), prompt, cache))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("verification code");
    assertThat(cache.get()).isEmpty();
  }

  @Test
  void wrongPasswordIsAnAuthenticationFailure() {
    RecordingCredentialsPrompt prompt = new RecordingCredentialsPrompt(EMAIL, "wrong password");

    assertThatThrownBy(() -> Auth.getAuth(fixture.url(), prompt, cache))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("wrong email or password");
    assertThat(prompt.asked()).containsExactly("email", "password");
  }

  @Test
  void tooManyAttemptsAreRateLimitedWithTheServersRetryAfter() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(
              () ->
                  Auth.getAuth(
                      fixture.url(), new RecordingCredentialsPrompt(EMAIL, "wrong"), cache))
          .isInstanceOf(AuthenticationException.class);
    }

    assertThatThrownBy(
            () ->
                Auth.getAuth(
                    fixture.url(),
                    new RecordingCredentialsPrompt(EMAIL, ServerFixture.PASSWORD),
                    cache))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e ->
                assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(7)));
  }

  @Test
  void cancellingThePromptEndsTheSignIn() {
    RecordingCredentialsPrompt prompt = new RecordingCredentialsPrompt(EMAIL, null);

    assertThatThrownBy(() -> Auth.getAuth(fixture.url(), prompt, cache))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("cancelled");
  }

  @Test
  void unreachableServerIsANetworkFailureAndKeepsTheCachedToken() throws Exception {
    cache.set("a token the server would accept");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    assertThatThrownBy(
            () ->
                Auth.getAuth(
                    "http://127.0.0.1:" + port, new RecordingCredentialsPrompt(EMAIL, "x"), cache))
        .isInstanceOf(NetworkException.class);
    assertThat(cache.get()).contains("a token the server would accept");
  }

  private String selfInfoEmail(Cookies cookies) throws Exception {
    Client client = Client.create(fixture.url(), cookies);
    return client
        .getSelfInfo(dev.parley.proto.Hangouts.GetSelfInfoRequest.getDefaultInstance())
        .get()
        .getSelfEntity()
        .getProperties()
        .getEmail(0);
  }

  private static String secretOf(String otpauthUri) {
    for (String part : List.of(URI.create(otpauthUri).getRawQuery().split("&"))) {
      if (part.startsWith("secret=")) {
        return part.substring("secret=".length());
      }
    }
    throw new AssertionError("no secret in " + otpauthUri);
  }
}
