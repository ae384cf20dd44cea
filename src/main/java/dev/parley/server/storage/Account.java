package dev.parley.server.storage;

import java.util.Objects;

/**
 * A person with an account on this server. The id is a numeric string used as both gaia id and chat
 * id. {@code totpSecret} (base32) and {@code avatarMediaId} may be null.
 */
public record Account(
    String id,
    String email,
    String displayName,
    String firstName,
    String passwordHash,
    String totpSecret,
    String avatarMediaId,
    boolean bot,
    long createdAt) {

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(firstName, "firstName");
    Objects.requireNonNull(passwordHash, "passwordHash");
  }

  public Account withPasswordHash(String hash) {
    return new Account(
        id, email, displayName, firstName, hash, totpSecret, avatarMediaId, bot, createdAt);
  }

  public Account withTotpSecret(String secret) {
    return new Account(
        id, email, displayName, firstName, passwordHash, secret, avatarMediaId, bot, createdAt);
  }

  public Account withAvatarMediaId(String mediaId) {
    return new Account(
        id, email, displayName, firstName, passwordHash, totpSecret, mediaId, bot, createdAt);
  }
}
