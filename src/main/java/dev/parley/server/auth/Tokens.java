package dev.parley.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Opaque random tokens (refresh tokens, SID and SAPISID cookies) and how they are stored. */
public final class Tokens {
  /** Refresh tokens carry at least 256 random bits (PROTOCOL.md section 3). */
  public static final int REFRESH_TOKEN_BITS = 256;

  /** SID and SAPISID cookies carry at least 128 random bits. */
  public static final int COOKIE_BITS = 128;

  private Tokens() {}

  /**
   * A token of {@code bits} random bits in URL-safe base64 without padding.
   *
   * @throws IllegalArgumentException unless bits is a positive multiple of 8
   */
  public static String random(SecureRandom random, int bits) {
    if (bits <= 0 || bits % 8 != 0) {
      throw new IllegalArgumentException("bits must be a positive multiple of 8: " + bits);
    }
    byte[] bytes = new byte[bits / 8];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Lowercase hex SHA-256 of the UTF-8 text: what the database keeps instead of the token. */
  public static String sha256Hex(String text) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * Compares without an early exit on the first differing character, so the time taken does not
   * reveal how much of a guess was right. Null equals nothing, not even null.
   */
  public static boolean constantTimeEquals(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
