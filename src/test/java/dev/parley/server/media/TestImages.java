package dev.parley.server.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Small test images, generated rather than committed: real ones by ImageIO, headers by hand. */
final class TestImages {
  private TestImages() {}

  static byte[] png(int width, int height) {
    return encode(width, height, "png", BufferedImage.TYPE_INT_ARGB);
  }

  static byte[] jpeg(int width, int height) {
    return encode(width, height, "jpeg", BufferedImage.TYPE_INT_RGB);
  }

  static byte[] gif(int width, int height) {
    return encode(width, height, "gif", BufferedImage.TYPE_INT_RGB);
  }

  private static byte[] encode(int width, int height, String format, int imageType) {
    BufferedImage image = new BufferedImage(width, height, imageType);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLUE);
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A PNG signature and IHDR chunk (with a correct CRC) claiming any size, and nothing else. */
  static byte[] pngHeader(long width, long height) {
    ByteBuffer ihdr = ByteBuffer.allocate(17);
    ihdr.put(ascii("IHDR")).putInt((int) width).putInt((int) height);
    ihdr.put(new byte[] {8, 6, 0, 0, 0});
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
    return png.array();
  }

  /** A valid PNG header followed by an IDAT chunk of garbage and IEND. */
  static byte[] pngWithBrokenData(int width, int height) {
    byte[] garbage = new byte[64];
    Arrays.fill(garbage, (byte) 0x5A);
    return concat(pngHeader(width, height), chunk("IDAT", garbage), chunk("IEND", new byte[0]));
  }

  /** A valid GIF header and logical screen descriptor, then the trailer: no image at all. */
  static byte[] gifWithoutFrames(int width, int height) {
    return concat(gifHeader("GIF89a", width, height), new byte[] {0x3B});
  }

  /** A GIF whose logical screen holds a frame of another size, with almost no data. */
  static byte[] gifWithFrame(int screenWidth, int screenHeight, int width, int height) {
    byte[] descriptor = concat(new byte[] {0x2C, 0, 0, 0, 0}, le16(width), le16(height));
    return concat(
        gifHeader("GIF89a", screenWidth, screenHeight),
        descriptor,
        new byte[] {0, 8, 1, 0, 0, 0x3B});
  }

  /** SOI and a baseline frame header, then EOI: no tables, no scan. */
  static byte[] jpegWithoutScan(int width, int height) {
    return new byte[] {
      (byte) 0xFF,
      (byte) 0xD8,
      (byte) 0xFF,
      (byte) 0xC0,
      0,
      11,
      8,
      (byte) (height >> 8),
      (byte) height,
      (byte) (width >> 8),
      (byte) width,
      1,
      1,
      0x11,
      0,
      (byte) 0xFF,
      (byte) 0xD9
    };
  }

  static byte[] gifHeader(String version, int width, int height) {
    return concat(
        ascii(version), le16(width), le16(height), new byte[] {0, 0, 0}); // flags, bg, aspect
  }

  /** A lossy WebP: key frame tag, start code 9D 01 2A, 14-bit width and height. */
  static byte[] webpVp8(int width, int height) {
    byte[] data =
        concat(
            new byte[] {0x10, 0x02, 0x00, (byte) 0x9D, 0x01, 0x2A},
            le16(width),
            le16(height),
            new byte[8]);
    return riff(chunk("VP8 ", data, ByteOrder.LITTLE_ENDIAN));
  }

  /** A lossless WebP: signature 0x2F, then width-1 and height-1 packed in 14 bits each. */
  static byte[] webpVp8l(int width, int height) {
    int bits = (width - 1) | ((height - 1) << 14);
    byte[] data = concat(new byte[] {0x2F}, le32(bits), new byte[7]);
    return riff(chunk("VP8L", data, ByteOrder.LITTLE_ENDIAN));
  }

  /** An extended WebP: flags, reserved, then canvas width-1 and height-1 in 24 bits each. */
  static byte[] webpVp8x(int width, int height) {
    byte[] data = concat(new byte[] {0x10, 0, 0, 0}, le24(width - 1), le24(height - 1));
    return riff(chunk("VP8X", data, ByteOrder.LITTLE_ENDIAN));
  }

  /** {@code jpeg} with {@code count} APP1 segments of {@code payload} bytes each after SOI. */
  static byte[] withApp1Segments(byte[] jpeg, int count, int payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    for (int i = 0; i < count; i++) {
      int length = payload + 2;
      out.write(0xFF);
      out.write(0xE1);
      out.write(length >> 8);
      out.write(length & 0xFF);
      byte[] body = new byte[payload];
      byte[] exif = ascii("Exif\0\0");
      System.arraycopy(exif, 0, body, 0, Math.min(exif.length, payload));
      out.write(body, 0, payload);
    }
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.write(part, 0, part.length);
    }
    return out.toByteArray();
  }

  private static byte[] riff(byte[] chunk) {
    return concat(ascii("RIFF"), le32(4 + chunk.length), ascii("WEBP"), chunk);
  }

  private static byte[] chunk(String type, byte[] data) {
    return chunk(type, data, ByteOrder.BIG_ENDIAN);
  }

  private static byte[] chunk(String type, byte[] data, ByteOrder order) {
    ByteBuffer length = ByteBuffer.allocate(4).order(order).putInt(data.length);
    if (order == ByteOrder.LITTLE_ENDIAN) { // RIFF: fourcc, length, data
      return concat(ascii(type), length.array(), data);
    }
    CRC32 crc = new CRC32(); // PNG: length, type, data, CRC
    crc.update(ascii(type));
    crc.update(data);
    return concat(
        length.array(),
        ascii(type),
        data,
        ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static byte[] le16(int v) {
    return new byte[] {(byte) v, (byte) (v >> 8)};
  }

  private static byte[] le24(int v) {
    return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16)};
  }

  private static byte[] le32(int v) {
    return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
  }
}
