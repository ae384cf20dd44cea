package dev.parley.server.media;

/** A freshly stored upload: its server-generated name, its size in bytes, and its header. */
public record StoredMedia(String name, long size, ImageInfo info) {}
