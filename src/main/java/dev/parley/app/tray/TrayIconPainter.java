package dev.parley.app.tray;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws the tray icon: Parley's mark with the unread total on a red badge at the bottom right
 * ("99+" past 99). Pure Java2D into a {@link BufferedImage}, so it works headless and is tested
 * without a tray.
 */
public final class TrayIconPainter {
  /** The badge colour (the danger red of the app's theme). */
  static final Color BADGE = new Color(0xCF, 0x22, 0x2E);

  static final int[] SIZES = {16, 24, 32, 48, 64};

  private final BufferedImage[] marks = new BufferedImage[SIZES.length];

  /** The badge's text for an unread total: empty for none, "99+" past 99. */
  public static String badgeText(int unread) {
    if (unread <= 0) {
      return "";
    }
    return unread > 99 ? "99+" : Integer.toString(unread);
  }

  /** The icon at {@code size}×{@code size} pixels with {@code unread} on its badge. */
  public BufferedImage paint(int size, int unread) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.drawImage(mark(size), 0, 0, size, size, null);
      String text = badgeText(unread);
      if (!text.isEmpty()) {
        drawBadge(g, size, text);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void drawBadge(Graphics2D g, int size, String text) {
    float height = Math.max(8f, size * 0.56f);
    Font font = new Font(Font.SANS_SERIF, Font.BOLD, Math.round(height * 0.8f));
    Rectangle2D ink = ink(g, font, text);
    // Round for one digit, a pill for more; never wider than the icon.
    float width = (float) Math.min(size, Math.max(height, ink.getWidth() + height * 0.5f));
    if (ink.getWidth() > width - 2) {
      // "99+" on a 16 px icon: squeeze the text to fit.
      font = font.deriveFont((float) (font.getSize2D() * (width - 2) / ink.getWidth()));
      ink = ink(g, font, text);
    }
    float x = size - width;
    float y = size - height;
    g.setColor(BADGE);
    g.fill(new RoundRectangle2D.Float(x, y, width, height, height, height));
    g.setColor(Color.WHITE);
    g.setFont(font);
    g.drawString(
        text,
        (float) (x + (width - ink.getWidth()) / 2 - ink.getX()),
        (float) (y + (height - ink.getHeight()) / 2 - ink.getY()));
  }

  /** Where the glyphs of {@code text} put ink, relative to the origin of the baseline. */
  private static Rectangle2D ink(Graphics2D g, Font font, String text) {
    return font.createGlyphVector(g.getFontRenderContext(), text).getVisualBounds();
  }

  /** The mark from the smallest bundled PNG at least {@code size} wide. */
  private BufferedImage mark(int size) {
    int index = SIZES.length - 1;
    for (int i = 0; i < SIZES.length; i++) {
      if (SIZES[i] >= size) {
        index = i;
        break;
      }
    }
    if (marks[index] == null) {
      String name = "tray-icon-" + SIZES[index] + ".png";
      try (InputStream in = TrayIconPainter.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + name);
        }
        marks[index] = ImageIO.read(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return marks[index];
  }
}
