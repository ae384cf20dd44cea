package dev.parley.server.media;

import dev.parley.server.media.MediaException.Reason;

/**
 * Size caps for uploaded images (PROTOCOL.md section 5): bytes are checked while streaming, pixels
 * after reading only the header, so an image bomb is refused before anything decodes it.
 */
public record MediaLimits(long maxBytes, long maxPixels) {
  /** 50 MiB and 32 megapixels. */
  public static final MediaLimits DEFAULT = new MediaLimits(50L * 1024 * 1024, 32_000_000L);

  public MediaLimits {
    if (maxBytes <= 0 || maxPixels <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** Refuses a byte count (declared or received) above {@link #maxBytes()}. */
  public void checkBytes(long bytes) throws MediaException {
    if (bytes > maxBytes) {
      throw new MediaException(
          Reason.TOO_LARGE, "image is " + bytes + " bytes, more than the limit of " + maxBytes);
    }
  }

  /** Refuses an image whose header claims more than {@link #maxPixels()}. */
  public void checkPixels(ImageInfo info) throws MediaException {
    if (info.pixels() > maxPixels) {
      throw new MediaException(
          Reason.TOO_MANY_PIXELS,
          "image is "
              + info.width()
              + "x"
              + info.height()
              + " pixels, more than the limit of "
              + maxPixels);
    }
  }
}
