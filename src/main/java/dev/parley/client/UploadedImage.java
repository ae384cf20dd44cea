package dev.parley.client;

/** An image the server accepted: its photo id (for {@code existing_media}) and URL. */
public record UploadedImage(String photoId, String url) {}
