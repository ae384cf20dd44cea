package dev.parley.server.channel;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Random identifiers of channel sessions: SID, gsessionid and client id, 128 bits each. */
final class ChannelIds {
  private static final int BYTES = 16;

  private final SecureRandom random = new SecureRandom();

  /** Upper-case hex, like the SIDs Google sent. */
  String sid() {
    return HexFormat.of().withUpperCase().formatHex(randomBytes());
  }

  String gsessionId() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
  }

  String clientId() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
  }

  /** A fresh value from {@code generator} that {@code taken} does not report as used. */
  String unique(Supplier<String> generator, Predicate<String> taken) {
    String value = generator.get();
    while (taken.test(value)) {
      value = generator.get();
    }
    return value;
  }

  private byte[] randomBytes() {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return bytes;
  }
}
