package dev.parley.server.demo;

import java.awt.Color;

/** Colour arithmetic for the demo's generated images. */
final class DemoColours {
  private DemoColours() {}

  /** {@code c} moved {@code amount} (0 to 1) of the way to white. */
  static Color lighter(Color c, float amount) {
    return blend(c, Color.WHITE, amount);
  }

  /** {@code c} moved {@code amount} (0 to 1) of the way to black. */
  static Color darker(Color c, float amount) {
    return blend(c, Color.BLACK, amount);
  }

  /** {@code a} moved {@code t} (0 to 1) of the way to {@code b}. */
  static Color blend(Color a, Color b, float t) {
    return new Color(
        mix(a.getRed(), b.getRed(), t),
        mix(a.getGreen(), b.getGreen(), t),
        mix(a.getBlue(), b.getBlue(), t));
  }

  static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  private static int mix(int from, int to, float t) {
    return Math.round(from + (to - from) * t);
  }
}
