package dev.parley.server.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RadialGradientPaint;
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
        case "sunset" -> landscape(g, rnd, 0x3B0764, 0xF97316, 0xFDE68A, 0x4C1D95, true);
        case "lake" -> landscape(g, rnd, 0x60A5FA, 0xBFDBFE, 0xFEF9C3, 0x1E3A8A, false);
        case "campfire" -> campfire(g, rnd);
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

  private static void landscape(
      Graphics2D g, Random rnd, int skyTop, int skyLow, int sun, int hills, boolean evening) {
    int horizon = HEIGHT * 62 / 100;
    g.setPaint(new GradientPaint(0, 0, new Color(skyTop), 0, horizon, new Color(skyLow)));
    g.fillRect(0, 0, WIDTH, horizon);
    int sunX = 200 + rnd.nextInt(400);
    int sunR = evening ? 70 : 45;
    int sunY = evening ? horizon - 60 : 120 + rnd.nextInt(60);
    g.setPaint(
        new RadialGradientPaint(
            sunX,
            sunY,
            sunR * 3f,
            new float[] {0f, 0.3f, 1f},
            new Color[] {
              new Color(sun), withAlpha(new Color(sun), 90), withAlpha(new Color(sun), 0)
            }));
    g.fillRect(0, 0, WIDTH, horizon);
    g.setColor(new Color(sun));
    g.fill(new Ellipse2D.Double(sunX - sunR, sunY - sunR, sunR * 2, sunR * 2));
    Color far = DemoAvatars.lighter(new Color(hills), 0.45f);
    for (int layer = 0; layer < 3; layer++) {
      float t = layer / 2f;
      Color c = blend(far, new Color(hills), t);
      g.setColor(c);
      g.fill(ridge(rnd, horizon - 150 + layer * 45, 90 - layer * 20, horizon));
    }
    g.setPaint(
        new GradientPaint(
            0,
            horizon,
            blend(new Color(skyLow), new Color(hills), 0.35f),
            0,
            HEIGHT,
            DemoAvatars.darker(new Color(hills), 0.35f)));
    g.fillRect(0, horizon, WIDTH, HEIGHT - horizon);
    g.setColor(withAlpha(new Color(sun), 120));
    for (int i = 0; i < 14; i++) {
      int y = horizon + 10 + i * 15;
      int w = 160 - i * 9 + rnd.nextInt(30);
      g.fillRoundRect(sunX - w / 2 + rnd.nextInt(21) - 10, y, w, 4, 4, 4);
    }
    g.setColor(DemoAvatars.darker(new Color(hills), 0.55f));
    for (int i = 0; i < 5; i++) {
      pine(g, 30 + i * 42 + rnd.nextInt(20), horizon + 8, 70 + rnd.nextInt(60));
    }
  }

  private static Path2D ridge(Random rnd, int baseY, int amplitude, int bottom) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, bottom);
    double y = baseY;
    for (int x = 0; x <= WIDTH; x += 40) {
      y = Math.max(baseY - amplitude, Math.min(baseY + amplitude / 2.0, y + rnd.nextInt(71) - 35));
      p.lineTo(x, y);
    }
    p.lineTo(WIDTH, bottom);
    p.closePath();
    return p;
  }

  private static void pine(Graphics2D g, int x, int groundY, int height) {
    for (int tier = 0; tier < 3; tier++) {
      int top = groundY - height + tier * height / 4;
      int half = height / 5 + tier * height / 10;
      g.fillPolygon(
          new int[] {x, x - half, x + half},
          new int[] {top, top + height / 2, top + height / 2},
          3);
    }
    g.fillRect(x - 3, groundY - height / 4, 6, height / 4);
  }

  private static void campfire(Graphics2D g, Random rnd) {
    g.setPaint(new GradientPaint(0, 0, new Color(0x0B1026), 0, HEIGHT, new Color(0x1E1B4B)));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(new Color(255, 255, 240, 200));
    for (int i = 0; i < 120; i++) {
      int r = rnd.nextInt(3) + 1;
      g.fillOval(rnd.nextInt(WIDTH), rnd.nextInt(HEIGHT / 2), r, r);
    }
    g.setPaint(
        new RadialGradientPaint(
            400,
            470,
            260,
            new float[] {0f, 1f},
            new Color[] {new Color(251, 146, 60, 150), new Color(251, 146, 60, 0)}));
    g.fillRect(0, 200, WIDTH, HEIGHT - 200);
    g.setColor(new Color(0x111827));
    g.fillRect(0, 500, WIDTH, 100);
    g.setColor(new Color(0x78350F));
    g.setStroke(new BasicStroke(22, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.drawLine(300, 530, 500, 480);
    g.drawLine(300, 480, 500, 530);
    int[][] flames = {{0xDC2626, 150, 90}, {0xF97316, 115, 70}, {0xFACC15, 70, 45}};
    for (int[] f : flames) {
      g.setColor(new Color(f[0]));
      Path2D.Double flame = new Path2D.Double();
      flame.moveTo(400 - f[2], 500);
      flame.curveTo(400 - f[2], 430, 400 - 10 + rnd.nextInt(20), 420, 400, 500 - f[1] - 60);
      flame.curveTo(410, 430, 400 + f[2], 440, 400 + f[2], 500);
      flame.closePath();
      g.fill(flame);
    }
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
    g.setPaint(new GradientPaint(0, 0, new Color(0x9CA3AF), WIDTH, HEIGHT, new Color(0x6B7280)));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(new Color(255, 255, 255, 30));
    for (int x = 0; x < WIDTH; x += 100) {
      g.fillRect(x, 0, 2, HEIGHT);
    }
    int[] holdColours = {0xEF4444, 0xFACC15, 0x3B82F6, 0x22C55E, 0xA855F7, 0xF97316};
    for (int i = 0; i < 40; i++) {
      g.setColor(new Color(holdColours[rnd.nextInt(holdColours.length)]));
      int w = 24 + rnd.nextInt(40);
      g.fill(new Ellipse2D.Double(rnd.nextInt(WIDTH - w), rnd.nextInt(HEIGHT - w), w, w * 0.7));
    }
    g.setColor(new Color(0xEC4899));
    int x = 140;
    for (int y = 520; y > 60; y -= 70) {
      x = Math.max(80, Math.min(WIDTH - 120, x + rnd.nextInt(161) - 40));
      g.fill(new Ellipse2D.Double(x, y, 54, 38));
      g.setColor(Color.WHITE);
      g.fillRect(x + 20, y + 38, 14, 6);
      g.setColor(new Color(0xEC4899));
    }
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
        g.setColor(DemoAvatars.lighter(c, 0.5f));
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
      g.setColor(withAlpha(Color.getHSBColor(rnd.nextFloat(), 0.65f, 0.95f), 170));
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

  private static void confetti(Graphics2D g, Random rnd, int count) {
    for (int i = 0; i < count; i++) {
      g.setColor(Color.getHSBColor(rnd.nextFloat(), 0.7f, 0.95f));
      g.fillRoundRect(rnd.nextInt(WIDTH), rnd.nextInt(HEIGHT), 10, 16, 4, 4);
    }
  }

  private static Color blend(Color a, Color b, float t) {
    return new Color(
        Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
        Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
        Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
  }

  private static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }
}
