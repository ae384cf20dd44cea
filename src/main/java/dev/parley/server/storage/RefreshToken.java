package dev.parley.server.storage;

/** A refresh token, stored only as its hash. */
public record RefreshToken(String tokenHash, String accountId, long createdAt) {}
