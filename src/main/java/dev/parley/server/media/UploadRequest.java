package dev.parley.server.media;

import java.util.Objects;

/**
 * Step 1 of an image upload: the name the client gave its file (for display only, already cleaned
 * of paths and control characters; never used in a path) and the size it announced.
 */
public record UploadRequest(String filename, long size) {
  public UploadRequest {
    Objects.requireNonNull(filename, "filename");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size);
    }
  }
}
