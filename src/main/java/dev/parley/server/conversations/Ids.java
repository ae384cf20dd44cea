package dev.parley.server.conversations;

import java.security.SecureRandom;
import java.util.Base64;

/** Random identifiers: URL-safe strings for conversations and events, digits for accounts. */
public final class Ids {
  private final SecureRandom random;

  public Ids(SecureRandom random) {
    this.random = random;
  }

  /** 128 random bits, URL-safe. */
  public String conversationId() {
    return "Ug" + urlSafe(16);
  }

  public String eventId() {
    return urlSafe(16);
  }

  public String token(int bytes) {
    return urlSafe(bytes);
  }

  /** A 21-digit numeric id, used as both gaia id and chat id. */
  public String accountId() {
    StringBuilder sb = new StringBuilder("1");
    for (int i = 0; i < 20; i++) {
      sb.append(random.nextInt(10));
    }
    return sb.toString();
  }

  private String urlSafe(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
