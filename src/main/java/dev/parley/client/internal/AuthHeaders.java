package dev.parley.client.internal;

import dev.parley.client.Cookies;
import dev.parley.wire.SapisidHash;
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The headers every authenticated request carries (PROTOCOL.md section 3): the cookies, {@code
 * authorization: SAPISIDHASH}, {@code origin}, {@code x-goog-authuser} and the user agent. Like
 * hangups, the hash's timestamp is taken once, when the client is made, and reused.
 */
public final class AuthHeaders {
  private final String cookieHeader;
  private final String authorization;
  private final String origin;
  private final String userAgent;

  public AuthHeaders(Cookies cookies, String origin, String userAgent, long timestampSeconds) {
    Objects.requireNonNull(cookies, "cookies");
    this.origin = Objects.requireNonNull(origin, "origin");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    this.cookieHeader = "SID=" + cookies.sid() + "; SAPISID=" + cookies.sapisid();
    this.authorization = SapisidHash.header(timestampSeconds, cookies.sapisid(), origin);
  }

  /** Adds the headers to a request. */
  public Request.Builder apply(Request.Builder builder) {
    return builder
        .header("cookie", cookieHeader)
        .header("authorization", authorization)
        .header("origin", origin)
        .header("x-goog-authuser", "0")
        .header("user-agent", userAgent);
  }

  /**
   * Adds only the cookies and the user agent: what {@code GET /media/} needs (PROTOCOL.md section
   * 3), as a browser's image request would send.
   */
  public Request.Builder applyCookies(Request.Builder builder) {
    return builder.header("cookie", cookieHeader).header("user-agent", userAgent);
  }

  public String origin() {
    return origin;
  }

  /** The origin of a URL: scheme, host and a port other than the scheme's default. */
  public static String originOf(HttpUrl url) {
    String scheme = url.scheme().toLowerCase(Locale.ROOT);
    String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
    int port = url.port();
    boolean defaultPort = port == HttpUrl.defaultPort(scheme);
    return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }
}
