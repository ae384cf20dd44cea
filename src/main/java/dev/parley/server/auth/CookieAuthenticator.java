package dev.parley.server.auth;

import dev.parley.server.TimeSource;
import dev.parley.server.http.Caller;
import dev.parley.server.http.RequestAuthenticator;
import dev.parley.server.storage.Account;
import dev.parley.server.storage.SignInSession;
import dev.parley.server.storage.Store;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Authenticates requests as hangups sends them: {@code SID} and {@code SAPISID} cookies naming a
 * live session, plus {@code authorization: SAPISIDHASH} computed with the request's origin.
 */
public final class CookieAuthenticator implements RequestAuthenticator {
  private final Store store;
  private final SapisidHashPolicy policy;
  private final TimeSource time;

  public CookieAuthenticator(Store store, SapisidHashPolicy policy, TimeSource time) {
    this.store = store;
    this.policy = policy;
    this.time = time;
  }

  @Override
  public Optional<Caller> authenticate(Request request) {
    Optional<Session> session = session(request);
    if (session.isEmpty()) {
      return Optional.empty();
    }
    String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    SignInSession s = session.get().session;
    if (!policy.accepts(authorization, origin, s.sapisid(), s.createdAt(), time.nowMicros())) {
      return Optional.empty();
    }
    return Optional.of(session.get().caller());
  }

  @Override
  public Optional<Caller> authenticateByCookie(Request request) {
    return session(request).map(Session::caller);
  }

  private record Session(SignInSession session, Account account) {
    Caller caller() {
      return new Caller(account.id(), account.email(), session.sidHash());
    }
  }

  private Optional<Session> session(Request request) {
    String sid = null;
    String sapisid = null;
    for (HttpCookie cookie : Request.getCookies(request)) {
      if ("SID".equals(cookie.getName())) {
        sid = cookie.getValue();
      } else if ("SAPISID".equals(cookie.getName())) {
        sapisid = cookie.getValue();
      }
    }
    if (sid == null || sapisid == null || sid.length() > 256) {
      return Optional.empty();
    }
    String sidHash = Tokens.sha256Hex(sid);
    String presentedSapisid = sapisid;
    return store.read(
        tx ->
            tx.signInSession(sidHash)
                .filter(s -> Tokens.constantTimeEquals(s.sapisid(), presentedSapisid))
                .flatMap(s -> tx.account(s.accountId()).map(a -> new Session(s, a))));
  }
}
