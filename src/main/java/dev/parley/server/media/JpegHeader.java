package dev.parley.server.media;

/**
 * Walks a JPEG's marker segments from SOI to the first frame header (SOF0..SOF15 but DHT, JPG and
 * DAC), which holds the pixel size. Nothing is decoded.
 */
final class JpegHeader {
  private static final int SOI = 0xD8;
  private static final int EOI = 0xD9;
  private static final int SOS = 0xDA;
  private static final int TEM = 0x01;

  private JpegHeader() {}

  static ImageInfo read(ImageInspector in) throws MediaException {
    int pos = 2;
    while (true) {
      in.need(pos + 1L, "JPEG marker");
      if (in.u8(pos) != 0xFF) {
        throw ImageInspector.notAnImage("corrupt JPEG: no marker at offset " + pos);
      }
      while (in.u8(pos) == 0xFF) { // fill bytes
        pos++;
        in.need(pos + 1L, "JPEG marker");
      }
      int marker = in.u8(pos++);
      if (marker == TEM || (marker >= 0xD0 && marker <= 0xD7)) {
        continue; // standalone markers carry no length
      }
      if (marker == 0x00 || marker == SOI || marker == EOI || marker == SOS) {
        throw ImageInspector.notAnImage(
            String.format("corrupt JPEG: marker 0x%02X before the frame header", marker));
      }
      in.need(pos + 2L, "JPEG segment length");
      int segmentLength = in.u16be(pos);
      if (segmentLength < 2) {
        throw ImageInspector.notAnImage("corrupt JPEG: segment length " + segmentLength);
      }
      if (isStartOfFrame(marker)) {
        if (segmentLength < 8) {
          throw ImageInspector.notAnImage("corrupt JPEG: frame header too short");
        }
        in.need(pos + 7L, "JPEG frame header");
        return ImageInspector.dimensions(ImageType.JPEG, in.u16be(pos + 5), in.u16be(pos + 3));
      }
      pos += segmentLength;
    }
  }

  private static boolean isStartOfFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }
}
