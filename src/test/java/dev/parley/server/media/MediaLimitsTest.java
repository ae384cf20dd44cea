package dev.parley.server.media;

import static dev.parley.server.media.MediaAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.server.media.MediaException.Reason;
import org.junit.jupiter.api.Test;

class MediaLimitsTest {

  @Test
  void defaultsAreFiftyMebibytesAndThirtyTwoMegapixels() {
    assertThat(MediaLimits.DEFAULT.maxBytes()).isEqualTo(50L * 1024 * 1024);
    assertThat(MediaLimits.DEFAULT.maxPixels()).isEqualTo(32_000_000L);
  }

  @Test
  void imagesUpToThePixelCapPassAndLargerOnesAreRefused() {
    MediaLimits limits = new MediaLimits(1000, 100);
    assertThatCode(() -> limits.checkPixels(new ImageInfo(ImageType.PNG, 10, 10)))
        .doesNotThrowAnyException();
    assertRefused(
            () -> limits.checkPixels(new ImageInfo(ImageType.PNG, 101, 1)), Reason.TOO_MANY_PIXELS)
        .hasMessageContaining("101x1");
  }

  @Test
  void pixelCountDoesNotOverflow() {
    ImageInfo huge = new ImageInfo(ImageType.WEBP, 16_777_216, 16_777_216);
    assertThat(huge.pixels()).isEqualTo(1L << 48);
    assertRefused(() -> MediaLimits.DEFAULT.checkPixels(huge), Reason.TOO_MANY_PIXELS);
  }

  @Test
  void byteCountsAboveTheCapAreRefused() {
    MediaLimits limits = new MediaLimits(1000, 100);
    assertThatCode(() -> limits.checkBytes(1000)).doesNotThrowAnyException();
    assertRefused(() -> limits.checkBytes(1001), Reason.TOO_LARGE);
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> new MediaLimits(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MediaLimits(1, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
