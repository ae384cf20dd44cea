package dev.parley.server.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

/**
 * The pictures people share in the demo, painted with java.awt: landscapes from the lake trip, a
 * campfire, a birthday cake, a design mockup, a chart, a house plant, a bouldering wall, a book
 * shelf, and the bot's abstract art. Each kind varies with the seed.
 */
final class DemoPictures {
  static final int WIDTH = 800;
  static final int HEIGHT = 600;

  /** Every kind {@link #picture} paints. */
  static final List<String> KINDS =
      List.of(
          "sunset",
          "lake",
          "campfire",
          "cake",
          "mockup",
          "chart",
          "plant",
          "boulder",
          "books",
          "art");

  private DemoPictures() {}

  /** A PNG of the given kind; unknown kinds are refused. */
  static byte[] picture(String kind, long seed) {
    BufferedImage image = Png.canvas(WIDTH, HEIGHT);
    Graphics2D g = Png.graphics(image);
    Random rnd = new Random(seed);
    try {
      switch (kind) {
        case "sunset" ->
            DemoLandscapes.landscape(g, rnd, 0x3B0764, 0xF97316, 0xFDE68A, 0x4C1D95, true);
        case "lake" ->
            DemoLandscapes.landscape(g, rnd, 0x60A5FA, 0xBFDBFE, 0xFEF9C3, 0x1E3A8A, false);
        case "campfire" -> DemoLandscapes.campfire(g, rnd);
        case "cake" -> cake(g, rnd);
        case "mockup" -> mockup(g, rnd);
        case "chart" -> chart(g, rnd);
        case "plant" -> plant(g, rnd);
        case "boulder" -> boulder(g, rnd);
        case "books" -> books(g, rnd);
        case "art" -> art(g, rnd);
        default -> throw new IllegalArgumentException("no demo picture of kind " + kind);
      }
    } finally {
      g.dispose();
    }
    return Png.encode(image);
  }

  private static void cake(Graphics2D g, Random rnd) {
    g.setPaint(new GradientPaint(0, 0, new Color(0xFCE7F3), 0, HEIGHT, new Color(0xFBCFE8)));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    confetti(g, rnd, 60);
    g.setColor(new Color(0xE5E7EB));
    g.fill(new Ellipse2D.Double(170, 470, 460, 70));
    int[][] tiers = {{230, 330, 340, 150, 0x7C3AED}, {290, 230, 220, 110, 0xF472B6}};
    for (int[] t : tiers) {
      g.setColor(new Color(t[4]));
      g.fill(new RoundRectangle2D.Double(t[0], t[1], t[2], t[3], 30, 30));
      g.setColor(new Color(0xFFF7ED));
      g.fill(new RoundRectangle2D.Double(t[0] - 6, t[1] - 6, t[2] + 12, 30, 26, 26));
      for (int x = t[0] + 10; x < t[0] + t[2] - 10; x += 34) {
        g.fill(new Ellipse2D.Double(x, t[1] + 10, 22, 30));
      }
    }
    for (int i = 0; i < 5; i++) {
      int x = 318 + i * 40;
      g.setColor(new Color(0x38BDF8));
      g.fillRoundRect(x, 170, 12, 60, 6, 6);
      g.setColor(new Color(0xFBBF24));
      g.fill(new Ellipse2D.Double(x - 3, 144, 18, 28));
    }
  }

  private static void mockup(Graphics2D g, Random rnd) {
    g.setColor(new Color(0xE2E8F0));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(Color.WHITE);
    g.fill(new RoundRectangle2D.Double(40, 40, 720, 520, 24, 24));
    g.setColor(new Color(0xF1F5F9));
    g.fill(new RoundRectangle2D.Double(40, 40, 230, 520, 24, 24));
    g.fillRect(250, 40, 20, 520);
    int[] colours = {0x0D9488, 0x4F46E5, 0xEA580C, 0x16A34A, 0x9333EA, 0x2563EB};
    for (int i = 0; i < 6; i++) {
      int y = 70 + i * 76;
      if (i == 1) {
        g.setColor(new Color(0xDBEAFE));
        g.fillRoundRect(52, y - 10, 206, 66, 14, 14);
      }
      g.setColor(new Color(colours[i]));
      g.fillOval(62, y, 44, 44);
      g.setColor(new Color(0x94A3B8));
      g.fillRoundRect(118, y + 6, 90 + rnd.nextInt(40), 12, 6, 6);
      g.setColor(new Color(0xCBD5E1));
      g.fillRoundRect(118, y + 26, 60 + rnd.nextInt(70), 10, 5, 5);
    }
    int y = 80;
    for (int i = 0; i < 6; i++) {
      boolean mine = i % 2 == 1;
      int w = 160 + rnd.nextInt(200);
      int h = 40 + rnd.nextInt(2) * 26;
      int x = mine ? 730 - w : 300;
      g.setColor(new Color(mine ? 0x2563EB : 0xF1F5F9));
      g.fill(new RoundRectangle2D.Double(x, y, w, h, 22, 22));
      y += h + 14;
    }
    g.setColor(new Color(0xCBD5E1));
    g.setStroke(new BasicStroke(2));
    g.draw(new RoundRectangle2D.Double(300, 490, 400, 46, 23, 23));
    g.setColor(new Color(0x2563EB));
    g.fillOval(708, 490, 46, 46);
  }

  private static void chart(Graphics2D g, Random rnd) {
    g.setColor(new Color(0xF8FAFC));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(new Color(0xE2E8F0));
    for (int y = 120; y <= 500; y += 76) {
      g.fillRect(80, y, 660, 2);
    }
    int value = 90 + rnd.nextInt(40);
    for (int i = 0; i < 8; i++) {
      value = Math.min(370, value + 10 + rnd.nextInt(45));
      int x = 100 + i * 80;
      g.setPaint(
          new GradientPaint(0, 500 - value, new Color(0x6366F1), 0, 500, new Color(0x818CF8)));
      g.fill(new RoundRectangle2D.Double(x, 500 - value, 50, value, 12, 12));
    }
    g.setColor(new Color(0x334155));
    g.fillRect(80, 500, 660, 4);
    g.setColor(new Color(0xF59E0B));
    g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.drawLine(100, 420, 720, 140);
  }

  private static void plant(Graphics2D g, Random rnd) {
    g.setPaint(new GradientPaint(0, 0, new Color(0xFEF3C7), WIDTH, HEIGHT, new Color(0xFDE68A)));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(new Color(0xD6D3D1));
    g.fillRect(0, 480, WIDTH, 120);
    Color[] greens = {new Color(0x15803D), new Color(0x22C55E), new Color(0x166534)};
    for (int i = 0; i < 11; i++) {
      double angle = Math.toRadians(-150 + i * 12 + rnd.nextInt(8));
      double len = 150 + rnd.nextInt(110);
      double x2 = 400 + Math.cos(angle) * len;
      double y2 = 360 + Math.sin(angle) * len;
      g.setColor(greens[i % greens.length]);
      g.setStroke(new BasicStroke(5));
      g.drawLine(400, 370, (int) x2, (int) y2);
      Graphics2D leaf = (Graphics2D) g.create();
      leaf.translate(x2, y2);
      leaf.rotate(angle);
      leaf.fill(new Ellipse2D.Double(-40, -28, 90, 56));
      leaf.dispose();
    }
    g.setColor(new Color(0xC2410C));
    g.fillPolygon(new Polygon(new int[] {300, 500, 470, 330}, new int[] {360, 360, 520, 520}, 4));
    g.setColor(new Color(0x9A3412));
    g.fillRect(290, 350, 220, 28);
  }

  private static void boulder(Graphics2D g, Random rnd) {
    g.setPaint(new GradientPaint(0, 0, new Color(0xA8A29E), WIDTH, HEIGHT, new Color(0x78716C)));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(new Color(0, 0, 0, 40));
    for (int x = 0; x < WIDTH; x += 200) {
      g.fillRect(x, 0, 2, HEIGHT);
    }
    for (int y = 0; y < HEIGHT; y += 200) {
      g.fillRect(0, y, WIDTH, 2);
    }
    for (int x = 25; x < WIDTH; x += 50) {
      for (int y = 25; y < HEIGHT; y += 50) {
        g.fillOval(x - 3, y - 3, 6, 6);
      }
    }
    g.setColor(new Color(0x57534E));
    g.fillPolygon(new int[] {520, 700, 640}, new int[] {260, 300, 420}, 3);
    int[] holdColours = {0xEF4444, 0xFACC15, 0x3B82F6, 0x22C55E, 0xA855F7, 0xF97316};
    for (int i = 0; i < 34; i++) {
      hold(g, rnd, new Color(holdColours[rnd.nextInt(holdColours.length)]), 12 + rnd.nextInt(16));
    }
    Color pink = new Color(0xEC4899);
    int x = 140;
    for (int y = 540; y > 60; y -= 75) {
      x = Math.max(80, Math.min(WIDTH - 120, x + rnd.nextInt(161) - 40));
      hold(g, new Random(rnd.nextLong()), pink, 26, x, y);
    }
  }

  private static void hold(Graphics2D g, Random rnd, Color colour, int radius) {
    hold(g, rnd, colour, radius, rnd.nextInt(WIDTH), rnd.nextInt(HEIGHT));
  }

  /** A climbing hold: an irregular blob with a shadow. */
  private static void hold(Graphics2D g, Random rnd, Color colour, int radius, int cx, int cy) {
    Path2D.Double blob = new Path2D.Double();
    int points = 7;
    for (int i = 0; i < points; i++) {
      double angle = 2 * Math.PI * i / points;
      double r = radius * (0.7 + rnd.nextDouble() * 0.5);
      double px = cx + Math.cos(angle) * r * 1.3;
      double py = cy + Math.sin(angle) * r;
      if (i == 0) {
        blob.moveTo(px, py);
      } else {
        blob.lineTo(px, py);
      }
    }
    blob.closePath();
    Graphics2D shadow = (Graphics2D) g.create();
    shadow.translate(4, 5);
    shadow.setColor(new Color(0, 0, 0, 60));
    shadow.fill(blob);
    shadow.dispose();
    g.setColor(colour);
    g.fill(blob);
    g.setColor(DemoColours.lighter(colour, 0.3f));
    g.fillOval(cx - radius / 3, cy - radius / 2, radius / 2, radius / 3);
  }

  private static void books(Graphics2D g, Random rnd) {
    g.setColor(new Color(0xFFFBEB));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(new Color(0x92400E));
    g.fillRect(0, 250, WIDTH, 18);
    g.fillRect(0, 520, WIDTH, 18);
    int[] colours = {0x1D4ED8, 0xB91C1C, 0x047857, 0xD97706, 0x7C3AED, 0x0F766E, 0xBE185D};
    for (int shelf : new int[] {250, 520}) {
      int x = 40;
      while (x < WIDTH - 80) {
        int w = 26 + rnd.nextInt(30);
        int h = 150 + rnd.nextInt(70);
        Color c = new Color(colours[rnd.nextInt(colours.length)]);
        g.setColor(c);
        g.fill(new RoundRectangle2D.Double(x, shelf - h, w, h, 6, 6));
        g.setColor(DemoColours.lighter(c, 0.5f));
        g.fillRect(x + 4, shelf - h + 20, w - 8, 6);
        g.fillRect(x + 4, shelf - 36, w - 8, 6);
        x += w + 3 + (rnd.nextInt(9) == 0 ? 30 : 0);
      }
    }
  }

  private static void art(Graphics2D g, Random rnd) {
    Color a = Color.getHSBColor(rnd.nextFloat(), 0.35f, 0.98f);
    Color b = Color.getHSBColor(rnd.nextFloat(), 0.45f, 0.85f);
    g.setPaint(new GradientPaint(0, 0, a, WIDTH, HEIGHT, b));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    for (int i = 0; i < 14; i++) {
      g.setColor(DemoColours.withAlpha(Color.getHSBColor(rnd.nextFloat(), 0.65f, 0.95f), 170));
      int r = 40 + rnd.nextInt(140);
      if (rnd.nextBoolean()) {
        g.fill(new Ellipse2D.Double(rnd.nextInt(WIDTH) - r, rnd.nextInt(HEIGHT) - r, 2 * r, 2 * r));
      } else {
        g.fill(
            new RoundRectangle2D.Double(
                rnd.nextInt(WIDTH) - r, rnd.nextInt(HEIGHT) - r, 2 * r, r, r / 2.0, r / 2.0));
      }
    }
    confetti(g, rnd, 40);
  }

  static void confetti(Graphics2D g, Random rnd, int count) {
    for (int i = 0; i < count; i++) {
      g.setColor(Color.getHSBColor(rnd.nextFloat(), 0.7f, 0.95f));
      g.fillRoundRect(rnd.nextInt(WIDTH), rnd.nextInt(HEIGHT), 10, 16, 4, 4);
    }
  }
}
