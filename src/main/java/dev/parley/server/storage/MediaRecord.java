package dev.parley.server.storage;

/**
 * An uploaded image: who uploaded it, its detected type and size, and the server-generated file
 * name it is stored under in the data directory. {@code uploadId} ties the two upload steps
 * together; {@code complete} is false until the bytes arrived.
 */
public record MediaRecord(
    String id,
    String ownerId,
    String uploadId,
    String fileName,
    String contentType,
    int width,
    int height,
    long size,
    String storedName,
    boolean complete,
    long createdAt) {}
