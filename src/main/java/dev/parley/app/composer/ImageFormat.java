package dev.parley.app.composer;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The image types the server accepts (PROTOCOL.md section 8), recognised from their first bytes as
 * the server does, never from the file name.
 */
enum ImageFormat {
  PNG("png"),
  JPEG("jpg"),
  GIF("gif"),
  WEBP("webp");

  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
  private static final byte[] GIF87 = "GIF87a".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] GIF89 = "GIF89a".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WEBP_TAG = "WEBP".getBytes(StandardCharsets.US_ASCII);

  private final String extension;

  ImageFormat(String extension) {
    this.extension = extension;
  }

  /** The usual file name extension, without the dot. */
  String extension() {
    return extension;
  }

  /** The format {@code bytes} start like, if any. */
  static Optional<ImageFormat> sniff(byte[] bytes) {
    if (startsWith(bytes, 0, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (startsWith(bytes, 0, JPEG_MAGIC)) {
      return Optional.of(JPEG);
    }
    if (startsWith(bytes, 0, GIF87) || startsWith(bytes, 0, GIF89)) {
      return Optional.of(GIF);
    }
    if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP_TAG)) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
    if (bytes.length < offset + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
