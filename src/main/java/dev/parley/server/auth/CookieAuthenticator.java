package dev.parley.server.auth;

import dev.parley.server.TimeSource;
import dev.parley.server.http.Caller;
import dev.parley.server.http.RequestAuthenticator;
import dev.parley.server.storage.Account;
import dev.parley.server.storage.SignInSession;
import dev.parley.server.storage.Store;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Authenticates requests as hangups sends them: {@code SID} and {@code SAPISID} cookies naming a
 * live session, plus {@code authorization: SAPISIDHASH} computed with the request's origin.
 *
 * <p>Sessions found in storage are remembered for {@link #CACHE_TTL_NANOS} (at most {@link
 * #MAX_CACHED} of them), so a request costs no storage read; logout must call {@link #invalidate}
 * or {@link #invalidateAccount} once the session is deleted, which takes effect at once. The
 * SAPISID and SAPISIDHASH checks run on every request.
 */
public final class CookieAuthenticator implements RequestAuthenticator {
  static final long CACHE_TTL_NANOS = TimeUnit.SECONDS.toNanos(30);
  static final int MAX_CACHED = 10_000;

  private final Store store;
  private final SapisidHashPolicy policy;
  private final TimeSource time;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  /** Counts invalidations, so a lookup that raced with one does not stay cached. */
  private final AtomicLong invalidations = new AtomicLong();

  private record Cached(Session session, long expiresAtNanos) {}

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
    Optional<Session> session = lookup(sidHash);
    String presentedSapisid = sapisid;
    return session.filter(s -> Tokens.constantTimeEquals(s.session.sapisid(), presentedSapisid));
  }

  private Optional<Session> lookup(String sidHash) {
    long now = time.nanoTime();
    Cached cached = cache.get(sidHash);
    if (cached != null) {
      if (now - cached.expiresAtNanos < 0) {
        return Optional.of(cached.session);
      }
      cache.remove(sidHash, cached);
    }
    long before = invalidations.get();
    Optional<Session> found =
        store.read(
            tx ->
                tx.signInSession(sidHash)
                    .flatMap(s -> tx.account(s.accountId()).map(a -> new Session(s, a))));
    if (found.isPresent()) {
      if (cache.size() >= MAX_CACHED) {
        evict(now);
      }
      Cached entry = new Cached(found.get(), now + CACHE_TTL_NANOS);
      cache.put(sidHash, entry);
      // A logout that committed after our read may have invalidated before our put.
      if (invalidations.get() != before) {
        cache.remove(sidHash, entry);
      }
    }
    return found;
  }

  private void evict(long now) {
    cache.values().removeIf(c -> now - c.expiresAtNanos >= 0);
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
  }

  /** Forgets a session; call after deleting it from storage. */
  public void invalidate(String sidHash) {
    invalidations.incrementAndGet();
    cache.remove(sidHash);
  }

  /** Forgets every session of an account; call after deleting them from storage. */
  public void invalidateAccount(String accountId) {
    invalidations.incrementAndGet();
    cache.values().removeIf(c -> c.session.account.id().equals(accountId));
  }
}
