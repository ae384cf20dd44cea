package dev.parley.server.media;

import java.util.Objects;

/** What an image header says: the format and the pixel dimensions (both positive). */
public record ImageInfo(ImageType type, int width, int height) {
  public ImageInfo {
    Objects.requireNonNull(type, "type");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("dimensions must be positive: " + width + "x" + height);
    }
  }

  /** Width times height, without overflow. */
  public long pixels() {
    return (long) width * height;
  }
}
