package dev.parley.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The {@code authorization: SAPISIDHASH <T>_<H>} header (PROTOCOL.md section 3): T is Unix time in
 * seconds, H the lowercase hex SHA-1 of {@code "<T> <SAPISID> <origin>"}.
 */
public final class SapisidHash {
  public static final String SCHEME = "SAPISIDHASH";

  private SapisidHash() {}

  /** A parsed header: the timestamp it claims and the hash it carries. */
  public record Parsed(long timestampSeconds, String hashHex) {}

  /** The full header value for the given time, SAPISID cookie and origin. */
  public static String header(long timestampSeconds, String sapisid, String origin) {
    return SCHEME + " " + timestampSeconds + "_" + hash(timestampSeconds, sapisid, origin);
  }

  /** The lowercase hex SHA-1 of {@code "<T> <SAPISID> <origin>"}. */
  public static String hash(long timestampSeconds, String sapisid, String origin) {
    return HexFormat.of().formatHex(digest(timestampSeconds, sapisid, origin));
  }

  /** Splits a header value into timestamp and hash; empty when it is not of that form. */
  public static Optional<Parsed> parse(String headerValue) {
    if (headerValue == null || !headerValue.startsWith(SCHEME + " ")) {
      return Optional.empty();
    }
    String value = headerValue.substring(SCHEME.length() + 1).strip();
    int underscore = value.indexOf('_');
    if (underscore <= 0 || underscore > 19 || value.length() - underscore - 1 != 40) {
      return Optional.empty();
    }
    long timestamp = 0;
    for (int i = 0; i < underscore; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
      timestamp = timestamp * 10 + (c - '0');
    }
    String hash = value.substring(underscore + 1);
    for (int i = 0; i < hash.length(); i++) {
      char c = hash.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return Optional.empty();
      }
    }
    return Optional.of(new Parsed(timestamp, hash.toLowerCase(java.util.Locale.ROOT)));
  }

  /**
   * Checks that a header matches the SAPISID and origin, comparing in constant time. Returns the
   * header's timestamp when it matches, so the caller can apply its time window.
   */
  public static Optional<Long> verify(String headerValue, String sapisid, String origin) {
    Optional<Parsed> parsed = parse(headerValue);
    if (parsed.isEmpty() || sapisid == null || origin == null) {
      return Optional.empty();
    }
    byte[] expected = digest(parsed.get().timestampSeconds(), sapisid, origin);
    byte[] actual = HexFormat.of().parseHex(parsed.get().hashHex());
    return MessageDigest.isEqual(expected, actual)
        ? Optional.of(parsed.get().timestampSeconds())
        : Optional.empty();
  }

  private static byte[] digest(long timestampSeconds, String sapisid, String origin) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return sha1.digest(
          (timestampSeconds + " " + sapisid + " " + origin).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }
}
