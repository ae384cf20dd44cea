package dev.parley.server.storage;

/**
 * What an account set about its presence, and when it was last seen. {@code statusMessage} is the
 * serialized protobuf {@code StatusMessageState} (may be null).
 */
public record PresenceRecord(
    String accountId,
    boolean available,
    long dndExpiresAt,
    byte[] statusMessage,
    long lastSeenAt) {}
