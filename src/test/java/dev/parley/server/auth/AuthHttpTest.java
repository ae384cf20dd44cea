package dev.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.proto.Hangouts.GetSelfInfoRequest;
import dev.parley.proto.Hangouts.GetSelfInfoResponse;
import dev.parley.server.testing.HangoutsTestClient;
import dev.parley.server.testing.ServerFixture;
import dev.parley.wire.JsonReader;
import dev.parley.wire.SapisidHash;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in over real HTTP: /auth/login, /auth/session, /auth/logout and the request checks. */
class AuthHttpTest {
  @TempDir Path dataDir;
  private ServerFixture fixture;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    fixture = new ServerFixture(dataDir, null);
    fixture.createAccount("alice@example.org", "Alice Liddell");
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) ->
            body.append(body.length() == 0 ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return http.send(
        HttpRequest.newBuilder(URI.create(fixture.url() + path))
            .header("content-type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Object json(HttpResponse<String> response, String key) throws Exception {
    return ((Map<?, ?>) JsonReader.parse(response.body())).get(key);
  }

  @Test
  void wrongPasswordAndUnknownEmailLookTheSame() throws Exception {
    HttpResponse<String> wrong =
        post("/auth/login", Map.of("email", "alice@example.org", "password", "nope nope"));
    HttpResponse<String> unknown =
        post("/auth/login", Map.of("email", "nobody@example.org", "password", "nope nope"));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(json(wrong, "error")).isEqualTo("invalid_credentials");
    assertThat(wrong.body()).isEqualTo(unknown.body());
  }

  @Test
  void emailIsMatchedCaseInsensitively() throws Exception {
    HttpResponse<String> ok =
        post(
            "/auth/login",
            Map.of("email", "ALICE@Example.org", "password", ServerFixture.PASSWORD));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat((String) json(ok, "refresh_token")).hasSizeGreaterThanOrEqualTo(43);
  }

  @Test
  void sessionSetsTheCookiesHangupsReads() throws Exception {
    String token =
        (String)
            json(
                post(
                    "/auth/login",
                    Map.of("email", "alice@example.org", "password", ServerFixture.PASSWORD)),
                "refresh_token");
    HttpResponse<String> session = post("/auth/session", Map.of("refresh_token", token));
    assertThat(session.statusCode()).isEqualTo(200);
    List<String> cookies = session.headers().allValues("set-cookie");
    assertThat(cookies)
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("SID=")
                    .contains("HttpOnly")
                    .contains("SameSite=Lax")
                    .contains("Path=/"));
    assertThat(cookies)
        .anySatisfy(c -> assertThat(c).startsWith("SAPISID=").doesNotContain("HttpOnly"));
    assertThat(post("/auth/session", Map.of("refresh_token", "forged")).statusCode())
        .isEqualTo(401);
  }

  @Test
  void secondFactorIsAskedForAndChecked() throws Exception {
    String uri = fixture.server().accounts().enableTotp("alice@example.org", "Parley");
    String secret = uri.replaceAll(".*secret=([A-Z2-7]+).*", "$1");
    HttpResponse<String> withoutCode =
        post(
            "/auth/login",
            Map.of("email", "alice@example.org", "password", ServerFixture.PASSWORD));
    assertThat(withoutCode.statusCode()).isEqualTo(401);
    assertThat(json(withoutCode, "error")).isEqualTo("verification_required");
    String code = new Totp().code(secret, System.currentTimeMillis() / 1000);
    HttpResponse<String> withCode =
        post(
            "/auth/login",
            Map.of("email", "alice@example.org", "password", ServerFixture.PASSWORD, "code", code));
    assertThat(withCode.statusCode()).isEqualTo(200);
  }

  @Test
  void repeatedFailuresAreRateLimitedWithRetryAfter() throws Exception {
    HttpResponse<String> last = null;
    for (int i = 0; i < 8; i++) {
      last = post("/auth/login", Map.of("email", "alice@example.org", "password", "guess " + i));
      if (last.statusCode() == 429) {
        break;
      }
    }
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(json(last, "error")).isEqualTo("rate_limited");
    assertThat(Long.parseLong(last.headers().firstValue("retry-after").orElseThrow())).isPositive();
  }

  @Test
  void logoutEverywhereRevokesSessionsAndRefreshTokens() throws Exception {
    String token =
        (String)
            json(
                post(
                    "/auth/login",
                    Map.of("email", "alice@example.org", "password", ServerFixture.PASSWORD)),
                "refresh_token");
    HangoutsTestClient other = fixture.signIn("alice@example.org");
    HangoutsTestClient client = fixture.signIn("alice@example.org");
    HttpResponse<byte[]> logout =
        client.send(
            client
                .authorized(HttpRequest.newBuilder(URI.create(fixture.url() + "/auth/logout")))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("everywhere=1"))
                .build());
    assertThat(logout.statusCode()).isEqualTo(200);
    assertThat(
            other
                .post(
                    "contacts/getselfinfo",
                    GetSelfInfoRequest.getDefaultInstance().toByteArray(),
                    true)
                .statusCode())
        .isEqualTo(401);
    HttpResponse<String> refreshed = post("/auth/session", Map.of("refresh_token", token));
    assertThat(refreshed.statusCode()).isEqualTo(401);
    assertThat(json(refreshed, "error")).isEqualTo("invalid_refresh_token");
  }

  @Test
  void logoutEndsSessionsThatWereJustUsedAtOnce() throws Exception {
    HangoutsTestClient other = fixture.signIn("alice@example.org");
    HangoutsTestClient client = fixture.signIn("alice@example.org");
    HangoutsTestClient third = fixture.signIn("alice@example.org");
    for (HangoutsTestClient c : List.of(other, client, third)) {
      // Authenticated once, so the session is remembered.
      assertThat(c.post("contacts/getselfinfo", new byte[0], true).statusCode()).isNotEqualTo(401);
    }
    client.send(
        client
            .authorized(HttpRequest.newBuilder(URI.create(fixture.url() + "/auth/logout")))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
    assertThat(client.post("contacts/getselfinfo", new byte[0], true).statusCode()).isEqualTo(401);
    assertThat(other.post("contacts/getselfinfo", new byte[0], true).statusCode())
        .isNotEqualTo(401);
    other.send(
        other
            .authorized(HttpRequest.newBuilder(URI.create(fixture.url() + "/auth/logout")))
            .header("content-type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("everywhere=1"))
            .build());
    assertThat(other.post("contacts/getselfinfo", new byte[0], true).statusCode()).isEqualTo(401);
    assertThat(third.post("contacts/getselfinfo", new byte[0], true).statusCode()).isEqualTo(401);
  }

  @Test
  void logoutOfOneSessionKeepsTheOthers() throws Exception {
    HangoutsTestClient other = fixture.signIn("alice@example.org");
    HangoutsTestClient client = fixture.signIn("alice@example.org");
    client.send(
        client
            .authorized(HttpRequest.newBuilder(URI.create(fixture.url() + "/auth/logout")))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
    assertThat(client.post("contacts/getselfinfo", new byte[0], true).statusCode()).isEqualTo(401);
    assertThat(
            other
                .rpc(
                    "contacts/getselfinfo",
                    GetSelfInfoRequest.getDefaultInstance(),
                    GetSelfInfoResponse.getDefaultInstance())
                .getSelfEntity()
                .getProperties()
                .getDisplayName())
        .isEqualTo("Alice Liddell");
  }

  @Test
  void hashFromAnotherOriginOrTooFarInTheFutureIsRefused() throws Exception {
    HangoutsTestClient client = fixture.signIn("alice@example.org");
    String sapisid = client.cookieHeader().replaceAll(".*SAPISID=([^;]+).*", "$1");
    long now = System.currentTimeMillis() / 1000;
    String evil = "https://evil.example";
    HttpResponse<byte[]> otherOrigin =
        client.send(
            HttpRequest.newBuilder(URI.create(fixture.url() + "/chat/v1/contacts/getselfinfo"))
                .header("cookie", client.cookieHeader())
                .header("authorization", SapisidHash.header(now, sapisid, evil))
                .header("origin", evil)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(otherOrigin.statusCode()).isEqualTo(401);
    HttpResponse<byte[]> future =
        client.send(
            HttpRequest.newBuilder(URI.create(fixture.url() + "/chat/v1/contacts/getselfinfo"))
                .header("cookie", client.cookieHeader())
                .header(
                    "authorization",
                    SapisidHash.header(now + 3600, sapisid, HangoutsTestClient.ORIGIN))
                .header("origin", HangoutsTestClient.ORIGIN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(future.statusCode()).isEqualTo(401);
    HttpResponse<byte[]> slightlyOld =
        client.send(
            HttpRequest.newBuilder(URI.create(fixture.url() + "/chat/v1/contacts/getselfinfo"))
                .header("cookie", client.cookieHeader())
                .header(
                    "authorization",
                    SapisidHash.header(now - 200, sapisid, HangoutsTestClient.ORIGIN))
                .header("origin", HangoutsTestClient.ORIGIN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(slightlyOld.statusCode()).isEqualTo(200);
  }
}
