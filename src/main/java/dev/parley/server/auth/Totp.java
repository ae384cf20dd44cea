package dev.parley.server.auth;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords: HMAC-SHA1, 30 s steps, 6 digits, secrets of 20 random
 * bytes written in unpadded base32. Stateless and thread-safe.
 *
 * <p>{@link #verify} accepts the step before and after the current one for clock drift. RFC 6238
 * section 5.2 asks that an accepted code not be accepted twice; callers that store the last used
 * step can get it from {@link #matchingStep}.
 */
public final class Totp {
  public static final int DIGITS = 6;
  public static final int STEP_SECONDS = 30;
  static final int SECRET_BYTES = 20;

  private static final int DRIFT_STEPS = 1;

  /** A new random secret: 20 bytes as 32 base32 characters. */
  public static String newSecret(SecureRandom random) {
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    return Base32.encode(secret);
  }

  /**
   * The 6-digit code for the secret at the given time.
   *
   * @throws IllegalArgumentException when the secret is not base32
   */
  public String code(String secret, long epochSeconds) {
    return code(secret, epochSeconds, DIGITS);
  }

  /** As {@link #code(String, long)} with another number of digits (RFC test vectors use 8). */
  String code(String secret, long epochSeconds, int digits) {
    byte[] key =
        Base32.decode(secret).orElseThrow(() -> new IllegalArgumentException("secret not base32"));
    return hotp(key, step(epochSeconds), digits);
  }

  /**
   * Whether the code is exactly six ASCII digits and matches the current, previous or next step. A
   * malformed secret or code is a mismatch.
   */
  public boolean verify(String secret, String code, long epochSeconds) {
    return matchingStep(secret, code, epochSeconds).isPresent();
  }

  /** The time step (epoch seconds / 30) the code matches within the drift window, if any. */
  public OptionalLong matchingStep(String secret, String code, long epochSeconds) {
    Optional<byte[]> key = Base32.decode(secret);
    if (key.isEmpty() || !isSixDigits(code)) {
      return OptionalLong.empty();
    }
    byte[] given = code.getBytes(StandardCharsets.US_ASCII);
    long now = step(epochSeconds);
    OptionalLong match = OptionalLong.empty();
    // Check every step in the window so timing does not tell which one matched.
    for (long step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
      byte[] expected = hotp(key.get(), step, DIGITS).getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(expected, given) && match.isEmpty()) {
        match = OptionalLong.of(step);
      }
    }
    return match;
  }

  /**
   * The {@code otpauth://} URI authenticator apps read from a QR code.
   *
   * @throws IllegalArgumentException when the issuer or account contains a colon, which would make
   *     the label ambiguous
   */
  public static String otpauthUri(String issuer, String accountEmail, String secret) {
    if (issuer.indexOf(':') >= 0 || accountEmail.indexOf(':') >= 0) {
      throw new IllegalArgumentException("issuer and account must not contain ':'");
    }
    return "otpauth://totp/"
        + encode(issuer)
        + ":"
        + encode(accountEmail)
        + "?secret="
        + encode(secret)
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  private static long step(long epochSeconds) {
    return Math.floorDiv(epochSeconds, STEP_SECONDS);
  }

  private static boolean isSixDigits(String code) {
    return code != null
        && code.length() == DIGITS
        && code.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** RFC 4226 HOTP with HMAC-SHA1. */
  private static String hotp(byte[] key, long counter, int digits) {
    byte[] mac;
    try {
      Mac hmac = Mac.getInstance("HmacSHA1");
      hmac.init(new SecretKeySpec(key, "HmacSHA1"));
      mac = hmac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA1", e);
    }
    int offset = mac[mac.length - 1] & 0x0f;
    int binary =
        ((mac[offset] & 0x7f) << 24)
            | ((mac[offset + 1] & 0xff) << 16)
            | ((mac[offset + 2] & 0xff) << 8)
            | (mac[offset + 3] & 0xff);
    long modulus = (long) Math.pow(10, digits);
    return String.format("%0" + digits + "d", binary % modulus);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
