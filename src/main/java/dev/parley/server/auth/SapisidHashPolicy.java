package dev.parley.server.auth;

import dev.parley.wire.SapisidHash;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * When the server accepts an {@code authorization: SAPISIDHASH <T>_<H>} header (PROTOCOL.md section
 * 3): the origin is allowed, H matches the session's SAPISID and that origin, and T lies between
 * five minutes before the session was created and five minutes after now. T is not otherwise
 * required to be recent, because hangups computes it once and reuses it for hours.
 */
public final class SapisidHashPolicy {
  /** Allowed clock difference on either side of the window, in seconds. */
  public static final long SKEW_SECONDS = 300;

  public static final String HANGOUTS_ORIGIN = "https://hangouts.google.com";

  private static final long MICROS_PER_SECOND = 1_000_000L;

  private final Set<String> allowedOrigins;

  /** {@code allowedOrigins} are compared exactly with the origin header, e.g. {@code https://x}. */
  public SapisidHashPolicy(Set<String> allowedOrigins) {
    this.allowedOrigins = Set.copyOf(allowedOrigins);
  }

  /**
   * The server's own origin, derived from its public URL (scheme and host lowercased, default port
   * left out, path dropped), and hangups' origin.
   *
   * @throws IllegalArgumentException when the URL is not an absolute http or https URL
   */
  public static Set<String> defaultOrigins(String publicUrl) {
    return Set.of(originOf(publicUrl), HANGOUTS_ORIGIN);
  }

  public boolean accepts(
      String authorizationHeader,
      String originHeader,
      String sapisid,
      long sessionCreatedAtMicros,
      long nowMicros) {
    if (originHeader == null || sapisid == null || !allowedOrigins.contains(originHeader)) {
      return false;
    }
    Optional<Long> timestamp = SapisidHash.verify(authorizationHeader, sapisid, originHeader);
    return timestamp.isPresent()
        && withinWindow(timestamp.get(), sessionCreatedAtMicros, nowMicros);
  }

  private static boolean withinWindow(long seconds, long sessionCreatedAtMicros, long nowMicros) {
    if (seconds < 0 || seconds > Long.MAX_VALUE / MICROS_PER_SECOND) {
      return false;
    }
    long micros = seconds * MICROS_PER_SECOND;
    long skew = SKEW_SECONDS * MICROS_PER_SECOND;
    return micros >= sessionCreatedAtMicros - skew && micros <= nowMicros + skew;
  }

  static String originOf(String publicUrl) {
    URI uri;
    try {
      uri = new URI(publicUrl);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + publicUrl, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    int defaultPort =
        switch (scheme) {
          case "https" -> 443;
          case "http" -> 80;
          default -> throw new IllegalArgumentException("not an http(s) URL: " + publicUrl);
        };
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("no host in " + publicUrl);
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    return scheme + "://" + host + (port == -1 || port == defaultPort ? "" : ":" + port);
  }
}
