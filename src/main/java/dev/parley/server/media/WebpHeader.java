package dev.parley.server.media;

/**
 * Reads the canvas size from the first chunk of a WebP file ({@code RIFF <size> WEBP}): a lossy
 * {@code VP8 } key frame header, a lossless {@code VP8L} bit-packed header, or an extended {@code
 * VP8X} header. Offsets are from the start of the file; chunk data starts at 20.
 */
final class WebpHeader {
  private static final int DATA = 20;

  private WebpHeader() {}

  static ImageInfo read(ImageInspector in) throws MediaException {
    in.need(DATA, "WebP chunk header");
    if (in.startsWith(ImageInspector.ascii("VP8 "), 12)) {
      return lossy(in);
    }
    if (in.startsWith(ImageInspector.ascii("VP8L"), 12)) {
      return lossless(in);
    }
    if (in.startsWith(ImageInspector.ascii("VP8X"), 12)) {
      return extended(in);
    }
    throw ImageInspector.notAnImage("WebP with an unknown first chunk");
  }

  /** 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height (2 bits of scale each). */
  private static ImageInfo lossy(ImageInspector in) throws MediaException {
    in.need(DATA + 10, "WebP VP8 frame header");
    boolean keyFrame = (in.u8(DATA) & 1) == 0;
    boolean startCode =
        in.u8(DATA + 3) == 0x9D && in.u8(DATA + 4) == 0x01 && in.u8(DATA + 5) == 0x2A;
    if (!keyFrame || !startCode) {
      throw ImageInspector.notAnImage("WebP VP8 chunk without a key frame header");
    }
    return ImageInspector.dimensions(
        ImageType.WEBP, in.u16le(DATA + 6) & 0x3FFF, in.u16le(DATA + 8) & 0x3FFF);
  }

  /** Signature 0x2F, then width-1 and height-1 in 14 bits each, alpha bit, 3-bit version 0. */
  private static ImageInfo lossless(ImageInspector in) throws MediaException {
    in.need(DATA + 5, "WebP VP8L header");
    long bits = in.u32le(DATA + 1);
    if (in.u8(DATA) != 0x2F || (bits >>> 29) != 0) {
      throw ImageInspector.notAnImage("WebP VP8L chunk without a valid header");
    }
    return ImageInspector.dimensions(
        ImageType.WEBP, (bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1);
  }

  /** Flags and 3 reserved bytes, then canvas width-1 and height-1 in 24 bits each. */
  private static ImageInfo extended(ImageInspector in) throws MediaException {
    in.need(DATA + 10, "WebP VP8X header");
    return ImageInspector.dimensions(
        ImageType.WEBP, in.u24le(DATA + 4) + 1L, in.u24le(DATA + 7) + 1L);
  }
}
