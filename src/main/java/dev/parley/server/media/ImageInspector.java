package dev.parley.server.media;

import dev.parley.server.media.MediaException.Reason;
import java.nio.charset.StandardCharsets;

/**
 * Tells the type and pixel size of an image from its first bytes, without decoding it. The type
 * comes from the magic numbers only, never from a file name.
 *
 * <p>Only the first {@link #HEAD_LIMIT} bytes are looked at. PNG, GIF and WebP need at most 30 of
 * them; a JPEG's frame header (SOFn) may follow large EXIF, ICC and XMP segments, and a JPEG whose
 * SOFn starts beyond the limit is refused with {@link Reason#HEADER_TOO_LONG}. When the data ends
 * before the header does and there are fewer than {@code HEAD_LIMIT} bytes, the failure is {@link
 * Reason#TRUNCATED}.
 */
public final class ImageInspector {
  /**
   * 256 KiB: one maximal APP1 (EXIF) segment alone is 64 KiB, and real photos add ICC (APP2) and
   * XMP segments before the frame header; reading this much of a stored file costs next to nothing.
   */
  public static final int HEAD_LIMIT = 256 * 1024;

  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] GIF87A = ascii("GIF87a");
  private static final byte[] GIF89A = ascii("GIF89a");
  private static final byte[] RIFF = ascii("RIFF");
  private static final byte[] WEBP = ascii("WEBP");
  private static final byte[] IHDR = ascii("IHDR");

  private final byte[] b;
  private final int length;

  private ImageInspector(byte[] b, int length) {
    this.b = b;
    this.length = Math.min(length, HEAD_LIMIT);
  }

  /** Inspects the start of a file (the whole file or at least its first {@link #HEAD_LIMIT}). */
  public static ImageInfo inspect(byte[] head) throws MediaException {
    return inspect(head, head.length);
  }

  /** Inspects the first {@code length} bytes of {@code buffer}. */
  public static ImageInfo inspect(byte[] buffer, int length) throws MediaException {
    if (length < 0 || length > buffer.length) {
      throw new IllegalArgumentException("length " + length + " outside the buffer");
    }
    return new ImageInspector(buffer, length).inspect();
  }

  private ImageInfo inspect() throws MediaException {
    if (length == 0) {
      throw new MediaException(Reason.NOT_AN_IMAGE, "the file is empty");
    }
    if (startsWith(PNG_MAGIC, 0)) {
      return png();
    }
    if (startsWith(JPEG_MAGIC, 0)) {
      return JpegHeader.read(this);
    }
    if (startsWith(GIF87A, 0) || startsWith(GIF89A, 0)) {
      return gif();
    }
    if (startsWith(RIFF, 0)) {
      need(12, "RIFF header");
      if (startsWith(WEBP, 8)) {
        return WebpHeader.read(this);
      }
      throw notAnImage("a RIFF file that is not WebP");
    }
    if (isPrefixOfAMagicNumber()) {
      throw new MediaException(Reason.TRUNCATED, "the file ends inside the image signature");
    }
    throw notAnImage("not a PNG, JPEG, GIF or WebP image");
  }

  private ImageInfo png() throws MediaException {
    need(24, "PNG IHDR chunk");
    if (!startsWith(IHDR, 12) || u32be(8) != 13) {
      throw notAnImage("PNG without an IHDR chunk first");
    }
    return dimensions(ImageType.PNG, u32be(16), u32be(20));
  }

  private ImageInfo gif() throws MediaException {
    need(10, "GIF logical screen descriptor");
    return dimensions(ImageType.GIF, u16le(6), u16le(8));
  }

  private boolean isPrefixOfAMagicNumber() {
    for (byte[] magic : new byte[][] {PNG_MAGIC, JPEG_MAGIC, GIF87A, GIF89A, RIFF}) {
      if (length < magic.length && startsWith(magic, 0, length)) {
        return true;
      }
    }
    return false;
  }

  // Helpers shared with JpegHeader and WebpHeader.

  int length() {
    return length;
  }

  /** Fails unless the first {@code end} bytes are available. */
  void need(long end, String what) throws MediaException {
    if (end <= length) {
      return;
    }
    if (length >= HEAD_LIMIT) {
      throw new MediaException(
          Reason.HEADER_TOO_LONG, what + " is not within the first " + HEAD_LIMIT + " bytes");
    }
    throw new MediaException(Reason.TRUNCATED, "the file ends inside the " + what);
  }

  static MediaException notAnImage(String message) {
    return new MediaException(Reason.NOT_AN_IMAGE, message);
  }

  static ImageInfo dimensions(ImageType type, long width, long height) throws MediaException {
    if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
      throw notAnImage(type + " header claims impossible dimensions " + width + "x" + height);
    }
    return new ImageInfo(type, (int) width, (int) height);
  }

  boolean startsWith(byte[] magic, int offset) {
    return startsWith(magic, offset, magic.length);
  }

  private boolean startsWith(byte[] magic, int offset, int count) {
    if (offset + count > length) {
      return false;
    }
    for (int i = 0; i < count; i++) {
      if (b[offset + i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  int u8(int offset) {
    return b[offset] & 0xFF;
  }

  int u16be(int offset) {
    return (u8(offset) << 8) | u8(offset + 1);
  }

  int u16le(int offset) {
    return u8(offset) | (u8(offset + 1) << 8);
  }

  int u24le(int offset) {
    return u16le(offset) | (u8(offset + 2) << 16);
  }

  long u32be(int offset) {
    return ((long) u16be(offset) << 16) | u16be(offset + 2);
  }

  long u32le(int offset) {
    return u16le(offset) | ((long) u16le(offset + 2) << 16);
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
