package dev.parley.server.storage;

/**
 * An event as stored: the indexed columns plus the serialized protobuf {@code Event} in {@code
 * payload}. {@code clientGeneratedId} may be null.
 */
public record StoredEvent(
    String eventId,
    String conversationId,
    long timestamp,
    String senderId,
    String clientGeneratedId,
    boolean offTheRecord,
    byte[] payload) {}
