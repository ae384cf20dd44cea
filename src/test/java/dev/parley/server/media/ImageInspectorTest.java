package dev.parley.server.media;

import static dev.parley.server.media.MediaAssertions.assertRefused;
import static dev.parley.server.media.TestImages.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.parley.server.media.MediaException.Reason;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageInspectorTest {

  @Test
  void pngTypeAndSizeComeFromTheIhdrChunk() throws Exception {
    assertThat(ImageInspector.inspect(TestImages.png(40, 30)))
        .isEqualTo(new ImageInfo(ImageType.PNG, 40, 30));
  }

  @Test
  void jpegSizeComesFromTheFirstFrameHeader() throws Exception {
    assertThat(ImageInspector.inspect(TestImages.jpeg(40, 30)))
        .isEqualTo(new ImageInfo(ImageType.JPEG, 40, 30));
  }

  @Test
  void gifSizeComesFromTheLogicalScreenDescriptor() throws Exception {
    assertThat(ImageInspector.inspect(TestImages.gif(40, 30)))
        .isEqualTo(new ImageInfo(ImageType.GIF, 40, 30));
    assertThat(ImageInspector.inspect(TestImages.gifHeader("GIF87a", 640, 480)))
        .isEqualTo(new ImageInfo(ImageType.GIF, 640, 480));
  }

  @Test
  void lossyWebpSizeComesFromTheVp8FrameHeader() throws Exception {
    assertThat(ImageInspector.inspect(TestImages.webpVp8(1920, 1080)))
        .isEqualTo(new ImageInfo(ImageType.WEBP, 1920, 1080));
  }

  @Test
  void losslessWebpSizeComesFromTheBitPackedVp8lHeader() throws Exception {
    assertThat(ImageInspector.inspect(TestImages.webpVp8l(16383, 1)))
        .isEqualTo(new ImageInfo(ImageType.WEBP, 16383, 1));
    assertThat(ImageInspector.inspect(TestImages.webpVp8l(1, 16384)))
        .isEqualTo(new ImageInfo(ImageType.WEBP, 1, 16384));
    assertThat(ImageInspector.inspect(TestImages.webpVp8l(300, 200)))
        .isEqualTo(new ImageInfo(ImageType.WEBP, 300, 200));
  }

  @Test
  void extendedWebpSizeComesFromTheVp8xCanvas() throws Exception {
    assertThat(ImageInspector.inspect(TestImages.webpVp8x(5000, 70000)))
        .isEqualTo(new ImageInfo(ImageType.WEBP, 5000, 70000));
  }

  @Test
  void widelyPublishedOnePixelWebpSamplesAreRead() throws Exception {
    for (String sample :
        new String[] {
          "UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA",
          "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==",
          "UklGRkoAAABXRUJQVlA4WAoAAAAQAAAAAAAAAAAAQUxQSAwAAAARBxAR/Q9ERP8DAABWUDggGAAAABQBAJ0BKgEA"
              + "AQAAAP4AAA3AAP7mtQAAAA==",
        }) {
      assertThat(ImageInspector.inspect(Base64.getDecoder().decode(sample)))
          .isEqualTo(new ImageInfo(ImageType.WEBP, 1, 1));
    }
  }

  @Test
  void pngClaimingTenGigapixelsIsReadFromTheHeaderAndRefusedByThePixelCap() throws Exception {
    byte[] header = TestImages.pngHeader(100_000, 100_000); // no pixel data at all
    ImageInfo info = ImageInspector.inspect(header);
    assertThat(info.pixels()).isEqualTo(10_000_000_000L);
    assertRefused(() -> MediaLimits.DEFAULT.checkPixels(info), Reason.TOO_MANY_PIXELS);
  }

  @Test
  void jpegWithLargeExifSegmentBeforeTheFrameHeaderIsRead() throws Exception {
    byte[] jpeg = TestImages.withApp1Segments(TestImages.jpeg(40, 30), 1, 65_000);
    assertThat(jpeg.length).isGreaterThan(64 * 1024);
    assertThat(ImageInspector.inspect(jpeg)).isEqualTo(new ImageInfo(ImageType.JPEG, 40, 30));
  }

  @Test
  void jpegWhoseFrameHeaderIsBeyondTheHeadLimitIsRefusedClearly() {
    byte[] jpeg = TestImages.withApp1Segments(TestImages.jpeg(40, 30), 5, 65_000);
    assertRefused(() -> ImageInspector.inspect(jpeg), Reason.HEADER_TOO_LONG)
        .hasMessageContaining(String.valueOf(ImageInspector.HEAD_LIMIT));
  }

  @Test
  void truncatedHeadersAreReportedAsTruncated() {
    byte[][] truncated = {
      Arrays.copyOf(TestImages.png(40, 30), 20),
      Arrays.copyOf(TestImages.png(40, 30), 5),
      Arrays.copyOf(TestImages.gif(40, 30), 8),
      Arrays.copyOf(TestImages.withApp1Segments(TestImages.jpeg(40, 30), 1, 5000), 3000),
      Arrays.copyOf(TestImages.jpeg(40, 30), 2),
      Arrays.copyOf(TestImages.webpVp8(40, 30), 25),
      Arrays.copyOf(TestImages.webpVp8l(40, 30), 22),
      Arrays.copyOf(TestImages.webpVp8x(40, 30), 16),
      Arrays.copyOf(TestImages.webpVp8x(40, 30), 10),
    };
    for (byte[] bytes : truncated) {
      assertRefused(() -> ImageInspector.inspect(bytes), Reason.TRUNCATED);
    }
  }

  @Test
  void textHtmlSvgAndOtherFilesAreNotImages() {
    String[] notImages = {
      "just some notes, saved as notes.png\n",
      "<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>",
      "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\"/>",
      "<svg width=\"100\" height=\"100\"><script>alert(1)</script></svg>",
      "RIFF\u0024\0\0\0WAVEfmt \u0010\0\0\0",
      "%PDF-1.7\n",
      "GIF90a\u0001\0\u0001\0",
      "\u00ff\u00d8\u00ff\u00e0\0\u0004xxGARBAGE", // no marker after the first segment
    };
    for (String text : notImages) {
      assertRefused(() -> ImageInspector.inspect(ascii(text)), Reason.NOT_AN_IMAGE);
    }
    assertRefused(() -> ImageInspector.inspect(new byte[0]), Reason.NOT_AN_IMAGE)
        .hasMessageContaining("empty");
  }

  @Test
  void zeroOrImpossibleDimensionsAreRefused() {
    byte[][] impossible = {
      TestImages.pngHeader(0, 30),
      TestImages.pngHeader(40, 0),
      TestImages.pngHeader(0xFFFF_FFFFL, 30), // above 2^31 - 1
      TestImages.gifHeader("GIF89a", 0, 30),
      TestImages.webpVp8(0, 30),
      TestImages.jpegWithoutScan(0, 30),
    };
    for (byte[] bytes : impossible) {
      assertRefused(() -> ImageInspector.inspect(bytes), Reason.NOT_AN_IMAGE)
          .hasMessageContaining("dimensions");
    }
  }

  @Test
  void webpWithUnknownFirstChunkIsNotAnImage() {
    byte[] webp = TestImages.webpVp8x(40, 30);
    System.arraycopy(ascii("ANIM"), 0, webp, 12, 4);
    assertRefused(() -> ImageInspector.inspect(webp), Reason.NOT_AN_IMAGE);
  }

  @Test
  void onlyTheFirstBytesAreNeeded() throws Exception {
    byte[] jpeg = TestImages.jpeg(400, 300);
    assertThat(ImageInspector.inspect(Arrays.copyOf(jpeg, 700)))
        .isEqualTo(new ImageInfo(ImageType.JPEG, 400, 300));
    assertThat(ImageInspector.inspect(Arrays.copyOf(TestImages.png(400, 300), 24)))
        .isEqualTo(new ImageInfo(ImageType.PNG, 400, 300));
  }

  @Test
  void mangledHeadersNeverFailWithAnythingButMediaException() {
    byte[][] seeds = {
      TestImages.png(4, 3),
      TestImages.jpeg(4, 3),
      TestImages.gif(4, 3),
      TestImages.webpVp8(4, 3),
      TestImages.webpVp8l(4, 3),
      TestImages.webpVp8x(4, 3)
    };
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      byte[] seed = seeds[i % seeds.length];
      byte[] bytes = Arrays.copyOf(seed, 1 + random.nextInt(Math.min(seed.length, 700)));
      for (int flips = random.nextInt(4); flips >= 0; flips--) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      try {
        ImageInfo info = ImageInspector.inspect(bytes);
        assertThat(info.width()).isPositive();
        assertThat(info.height()).isPositive();
      } catch (MediaException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      } catch (RuntimeException e) {
        fail("input " + Arrays.toString(bytes) + " threw " + e, e);
      }
    }
  }
}
