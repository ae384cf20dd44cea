package dev.parley.server.media;

import java.util.Optional;

/** The image formats a Parley server accepts, with their MIME type and file extension. */
public enum ImageType {
  PNG("image/png", "png"),
  JPEG("image/jpeg", "jpg"),
  GIF("image/gif", "gif"),
  WEBP("image/webp", "webp");

  private final String mimeType;
  private final String extension;

  ImageType(String mimeType, String extension) {
    this.mimeType = mimeType;
    this.extension = extension;
  }

  public String mimeType() {
    return mimeType;
  }

  /** The extension of stored files, without the dot. */
  public String extension() {
    return extension;
  }

  /** The type whose {@link #extension()} this is, if any. */
  public static Optional<ImageType> fromExtension(String extension) {
    for (ImageType type : values()) {
      if (type.extension.equals(extension)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
