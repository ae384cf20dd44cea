package dev.parley.app.tray;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class TrayIconPainterTest {
  private final TrayIconPainter painter = new TrayIconPainter();

  @Test
  void theBadgeCountsUpToNinetyNineAndThenSaysNinetyNinePlus() {
    assertThat(TrayIconPainter.badgeText(0)).isEmpty();
    assertThat(TrayIconPainter.badgeText(-3)).isEmpty();
    assertThat(TrayIconPainter.badgeText(7)).isEqualTo("7");
    assertThat(TrayIconPainter.badgeText(99)).isEqualTo("99");
    assertThat(TrayIconPainter.badgeText(100)).isEqualTo("99+");
    assertThat(TrayIconPainter.badgeText(12_345)).isEqualTo("99+");
  }

  @Test
  void withoutUnreadTheIconIsJustTheMark() {
    BufferedImage icon = painter.paint(24, 0);
    assertThat(icon.getWidth()).isEqualTo(24);
    assertThat(redPixels(icon, 0, 0, 24, 24)).isZero();
    // The mark's tile: blue-violet in the middle, transparent in the corner.
    Color middle = new Color(icon.getRGB(4, 12), true);
    assertThat(middle.getBlue()).isGreaterThan(middle.getRed());
    assertThat(new Color(icon.getRGB(0, 0), true).getAlpha()).isLessThan(64);
  }

  @Test
  void unreadMessagesPutARedBadgeWithWhiteDigitsBottomRight() {
    int size = 32;
    BufferedImage icon = painter.paint(size, 3);
    assertThat(redPixels(icon, size / 2, size / 2, size, size)).isGreaterThan(size * size / 10);
    assertThat(redPixels(icon, 0, 0, size / 3, size / 3)).as("top left untouched").isZero();
    assertThat(whitePixelsIn(icon, size / 2, size / 2, size, size))
        .as("the digit")
        .isGreaterThan(4);
  }

  @Test
  void manyUnreadMakeAWiderBadge() {
    int size = 48;
    int one = badgeWidth(painter.paint(size, 5), size);
    int many = badgeWidth(painter.paint(size, 150), size);
    assertThat(many).isGreaterThan(one);
    assertThat(many).isLessThanOrEqualTo(size);
  }

  @Test
  void everyTraySizeIsPaintedAtItsOwnSize() {
    for (int size : new int[] {16, 22, 24, 32, 48, 64, 128}) {
      BufferedImage icon = painter.paint(size, 100);
      assertThat(icon.getWidth()).isEqualTo(size);
      assertThat(icon.getHeight()).isEqualTo(size);
      assertThat(redPixels(icon, 0, 0, size, size)).isPositive();
    }
  }

  private static boolean red(int argb) {
    Color c = new Color(argb, true);
    return c.getAlpha() > 200 && c.getRed() > 150 && c.getGreen() < 80 && c.getBlue() < 90;
  }

  private static int redPixels(BufferedImage image, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        if (red(image.getRGB(x, y))) {
          n++;
        }
      }
    }
    return n;
  }

  private static int whitePixelsIn(BufferedImage image, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        Color c = new Color(image.getRGB(x, y), true);
        if (c.getRed() > 220 && c.getGreen() > 220 && c.getBlue() > 220) {
          n++;
        }
      }
    }
    return n;
  }

  /** The width of the red run along the bottom row of the badge's middle. */
  private static int badgeWidth(BufferedImage image, int size) {
    int y = size - (int) (size * 0.56f) / 2 - 1;
    int n = 0;
    for (int x = 0; x < size; x++) {
      int argb = image.getRGB(x, y);
      Color c = new Color(argb, true);
      if (red(argb)
          || (c.getRed() > 220 && c.getGreen() > 220 && c.getBlue() > 220 && x > size / 4)) {
        n++;
      }
    }
    return n;
  }
}
