package dev.parley.server.auth;

import dev.parley.server.http.Caller;
import dev.parley.server.http.HttpBodies;
import dev.parley.server.http.RequestAuthenticator;
import dev.parley.wire.JsonWriter;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code POST /auth/login}, {@code /auth/session} and {@code /auth/logout}. */
public final class AuthHandler extends Handler.Abstract {
  private static final int MAX_FORM_BYTES = 16 * 1024;

  private final AuthService auth;
  private final RequestAuthenticator authenticator;

  public AuthHandler(AuthService auth, RequestAuthenticator authenticator) {
    this.auth = auth;
    this.authenticator = authenticator;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    if (!HttpMethod.POST.is(request.getMethod())) {
      HttpBodies.sendText(response, callback, 405, "use POST");
      return true;
    }
    Map<String, String> form;
    try {
      form = HttpBodies.readForm(request, MAX_FORM_BYTES);
    } catch (HttpBodies.BodyTooLargeException e) {
      HttpBodies.sendTooLarge(response, callback, e.getMessage());
      return true;
    } catch (IOException e) {
      error(response, callback, 400, "malformed_request");
      return true;
    }
    switch (Request.getPathInContext(request)) {
      case "/auth/login" -> login(request, response, callback, form);
      case "/auth/session" -> session(request, response, callback, form);
      case "/auth/logout" -> logout(request, response, callback, form);
      default -> HttpBodies.sendText(response, callback, 404, "not found");
    }
    return true;
  }

  private void login(
      Request request, Response response, Callback callback, Map<String, String> form) {
    AuthService.LoginResult result =
        auth.login(
            Request.getRemoteAddr(request),
            form.get("email"),
            form.get("password"),
            form.get("code"));
    if (result instanceof AuthService.LoggedIn loggedIn) {
      HttpBodies.sendJson(
          response,
          callback,
          200,
          JsonWriter.write(Map.of("refresh_token", loggedIn.refreshToken())));
    } else if (result instanceof AuthService.RateLimited limited) {
      response.getHeaders().put("Retry-After", Long.toString(limited.retryAfterSeconds()));
      error(response, callback, 429, "rate_limited");
    } else if (result instanceof AuthService.VerificationRequired) {
      error(response, callback, 401, "verification_required");
    } else {
      error(response, callback, 401, "invalid_credentials");
    }
  }

  private void session(
      Request request, Response response, Callback callback, Map<String, String> form) {
    Optional<AuthService.SessionCookies> cookies = auth.startSession(form.get("refresh_token"));
    if (cookies.isEmpty()) {
      error(response, callback, 401, "invalid_refresh_token");
      return;
    }
    boolean secure = request.isSecure();
    response.getHeaders().add("Set-Cookie", cookie("SID", cookies.get().sid(), true, secure));
    response
        .getHeaders()
        .add("Set-Cookie", cookie("SAPISID", cookies.get().sapisid(), false, secure));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("cookies", Map.of("SID", cookies.get().sid(), "SAPISID", cookies.get().sapisid()));
    body.put("account_id", cookies.get().accountId());
    HttpBodies.sendJson(response, callback, 200, JsonWriter.write(body));
  }

  private void logout(
      Request request, Response response, Callback callback, Map<String, String> form) {
    Optional<Caller> caller = authenticator.authenticate(request);
    if (caller.isEmpty()) {
      error(response, callback, 401, "not_signed_in");
      return;
    }
    auth.logout(
        caller.get().accountId(), caller.get().sidHash(), "1".equals(form.get("everywhere")));
    HttpBodies.sendJson(response, callback, 200, "{}");
  }

  private static String cookie(String name, String value, boolean httpOnly, boolean secure) {
    StringBuilder sb =
        new StringBuilder(name).append('=').append(value).append("; Path=/; SameSite=Lax");
    if (httpOnly) {
      sb.append("; HttpOnly");
    }
    if (secure) {
      sb.append("; Secure");
    }
    return sb.toString();
  }

  private static void error(Response response, Callback callback, int status, String code) {
    HttpBodies.sendJson(response, callback, status, JsonWriter.write(Map.of("error", code)));
  }
}
