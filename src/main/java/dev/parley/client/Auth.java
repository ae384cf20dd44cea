package dev.parley.client;

import dev.parley.client.internal.AuthHeaders;
import dev.parley.client.internal.Http;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in (hangups' {@code get_auth}) against a Parley server (PROTOCOL.md section 3): a cached
 * refresh token is exchanged for session cookies; when there is none, or the server revoked it, the
 * person is asked for email and password, and for a verification code only when the server says the
 * account needs one. Blocks the calling thread; call it off the UI thread.
 */
public final class Auth {
  private static final Logger LOG = LoggerFactory.getLogger(Auth.class);
  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(6);

  private Auth() {}

  /**
   * Returns session cookies for {@code serverUrl}.
   *
   * @throws AuthenticationException wrong email, password or code, or the person cancelled
   * @throws RateLimitedException too many attempts; {@link RateLimitedException#retryAfter()} says
   *     how long to wait
   * @throws NetworkException the server could not be reached or did not answer the protocol
   */
  public static Cookies getAuth(String serverUrl, CredentialsPrompt prompt, RefreshTokenCache cache)
      throws ClientException {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(cache, "cache");
    HttpUrl base = baseUrl(serverUrl);
    Optional<String> cached = cache.get();
    if (cached.isPresent()) {
      Optional<Cookies> cookies = startSession(base, cached.get());
      if (cookies.isPresent()) {
        return cookies.get();
      }
      LOG.info("the cached refresh token was revoked; asking for credentials");
      cache.clear();
    }
    String refreshToken = login(base, prompt);
    cache.set(refreshToken);
    return startSession(base, refreshToken)
        .orElseThrow(() -> new AuthenticationException("the server refused the new sign-in"));
  }

  /** Email and password, then a code if the server asks for one; returns the refresh token. */
  private static String login(HttpUrl base, CredentialsPrompt prompt) throws ClientException {
    String email = ask(prompt::email, "email");
    String password = ask(prompt::password, "password");
    LoginAnswer answer = postLogin(base, email, password, null);
    if (answer.verificationRequired()) {
      String code = ask(prompt::verificationCode, "verification code");
      answer = postLogin(base, email, password, code);
      if (answer.verificationRequired()) {
        throw new AuthenticationException("wrong verification code");
      }
    }
    return answer.refreshToken();
  }

  private record LoginAnswer(String refreshToken, boolean verificationRequired) {}

  private static LoginAnswer postLogin(HttpUrl base, String email, String password, String code)
      throws ClientException {
    FormBody.Builder form = new FormBody.Builder().add("email", email).add("password", password);
    if (code != null) {
      form.add("code", code);
    }
    Request request = new Request.Builder().url(endpoint(base, "login")).post(form.build()).build();
    try (Response response = Http.shared().newCall(request).execute()) {
      Map<?, ?> body = Http.jsonObject(bodyText(response));
      Object error = body.get("error");
      if (response.code() == 200 && body.get("refresh_token") instanceof String token) {
        return new LoginAnswer(token, false);
      }
      if (response.code() == 429) {
        throw new RateLimitedException(
            "too many sign-in attempts", Http.retryAfter(response, DEFAULT_RETRY_AFTER));
      }
      if (response.code() == 401 && "verification_required".equals(error)) {
        return new LoginAnswer(null, true);
      }
      if (response.code() == 401) {
        throw new AuthenticationException("wrong email or password");
      }
      throw unexpected("sign-in", response);
    } catch (IOException e) {
      throw new NetworkException("cannot reach " + base + ": " + Http.describe(e), e);
    }
  }

  /**
   * Signs out on the server ({@code POST /auth/logout}): revokes this session, and with {@code
   * everywhere} every refresh token and session of the account, so every device must sign in again.
   * Blocks the calling thread.
   *
   * @throws AuthenticationException the session is no longer valid
   * @throws NetworkException the server could not be reached or did not answer the protocol
   */
  public static void logout(String serverUrl, Cookies cookies, boolean everywhere)
      throws ClientException {
    Objects.requireNonNull(cookies, "cookies");
    HttpUrl base = baseUrl(serverUrl);
    ClientOptions options = ClientOptions.builder(serverUrl, cookies).build();
    AuthHeaders headers =
        new AuthHeaders(
            cookies,
            options.origin() != null ? options.origin() : AuthHeaders.originOf(base),
            options.userAgent(),
            System.currentTimeMillis() / 1000);
    FormBody.Builder form = new FormBody.Builder();
    if (everywhere) {
      form.add("everywhere", "1");
    }
    Request request =
        headers
            .apply(new Request.Builder().url(endpoint(base, "logout")).post(form.build()))
            .build();
    try (Response response = Http.shared().newCall(request).execute()) {
      if (response.code() == 401) {
        throw new AuthenticationException("the session was already signed out");
      }
      if (response.code() != 200) {
        throw unexpected("signing out", response);
      }
    } catch (IOException e) {
      throw new NetworkException("cannot reach " + base + ": " + Http.describe(e), e);
    }
  }

  /** Session cookies for the refresh token; empty when the server says it is revoked. */
  private static Optional<Cookies> startSession(HttpUrl base, String refreshToken)
      throws ClientException {
    Request request =
        new Request.Builder()
            .url(endpoint(base, "session"))
            .post(new FormBody.Builder().add("refresh_token", refreshToken).build())
            .build();
    try (Response response = Http.shared().newCall(request).execute()) {
      String text = bodyText(response);
      if (response.code() == 401) {
        return Optional.empty();
      }
      if (response.code() == 429) {
        throw new RateLimitedException(
            "too many sign-in attempts", Http.retryAfter(response, DEFAULT_RETRY_AFTER));
      }
      if (response.code() != 200) {
        throw unexpected("starting a session", response);
      }
      Map<?, ?> body = Http.jsonObject(text);
      Object sid = Http.path(body, "cookies", "SID");
      Object sapisid = Http.path(body, "cookies", "SAPISID");
      if (!(sid instanceof String) || !(sapisid instanceof String)) {
        sid = setCookie(response, "SID");
        sapisid = setCookie(response, "SAPISID");
      }
      if (!(sid instanceof String s)
          || !(sapisid instanceof String a)
          || s.isEmpty()
          || a.isEmpty()) {
        throw new NetworkException("the session response has no SID and SAPISID cookies");
      }
      return Optional.of(new Cookies(s, a));
    } catch (IOException e) {
      throw new NetworkException("cannot reach " + base + ": " + Http.describe(e), e);
    }
  }

  private static String setCookie(Response response, String name) {
    for (String header : response.headers("Set-Cookie")) {
      int eq = header.indexOf('=');
      if (eq > 0 && header.substring(0, eq).strip().equals(name)) {
        int end = header.indexOf(';', eq);
        return header.substring(eq + 1, end < 0 ? header.length() : end).strip();
      }
    }
    return null;
  }

  private static String ask(java.util.function.Supplier<String> question, String what)
      throws AuthenticationException {
    String answer;
    try {
      answer = question.get();
    } catch (RuntimeException e) {
      throw new AuthenticationException("could not ask for the " + what, e);
    }
    if (answer == null) {
      throw new AuthenticationException("sign-in cancelled");
    }
    return answer;
  }

  private static String bodyText(Response response) throws IOException {
    return response.body() == null ? "" : response.body().string();
  }

  private static NetworkException unexpected(String what, Response response) {
    return new NetworkException(what + " failed: HTTP " + response.code());
  }

  private static HttpUrl baseUrl(String serverUrl) throws NetworkException {
    HttpUrl url = HttpUrl.parse(Objects.requireNonNull(serverUrl, "serverUrl"));
    if (url == null) {
      throw new NetworkException("not an http(s) URL: " + serverUrl);
    }
    return url;
  }

  private static HttpUrl endpoint(HttpUrl base, String name) {
    return base.newBuilder().addPathSegment("auth").addPathSegment(name).build();
  }
}
