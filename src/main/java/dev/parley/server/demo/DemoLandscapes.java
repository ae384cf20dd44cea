package dev.parley.server.demo;

import static dev.parley.server.demo.DemoPictures.HEIGHT;
import static dev.parley.server.demo.DemoPictures.WIDTH;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.Random;

/** The outdoor pictures of the lake trip: the lake at sunrise or sunset, and the campfire. */
final class DemoLandscapes {
  private DemoLandscapes() {}

  static void landscape(
      Graphics2D g, Random rnd, int skyTop, int skyLow, int sun, int hills, boolean evening) {
    int horizon = HEIGHT * 62 / 100;
    g.setPaint(new GradientPaint(0, 0, new Color(skyTop), 0, horizon, new Color(skyLow)));
    g.fillRect(0, 0, WIDTH, horizon);
    int sunX = 200 + rnd.nextInt(400);
    int sunR = evening ? 70 : 45;
    int sunY = evening ? horizon - 185 + rnd.nextInt(20) : 120 + rnd.nextInt(60);
    g.setPaint(
        new RadialGradientPaint(
            sunX,
            sunY,
            sunR * 3f,
            new float[] {0f, 0.3f, 1f},
            new Color[] {
              new Color(sun),
              DemoColours.withAlpha(new Color(sun), 90),
              DemoColours.withAlpha(new Color(sun), 0)
            }));
    g.fillRect(0, 0, WIDTH, horizon);
    g.setColor(new Color(sun));
    g.fill(new Ellipse2D.Double(sunX - sunR, sunY - sunR, sunR * 2, sunR * 2));
    Color far = DemoColours.lighter(new Color(hills), 0.45f);
    for (int layer = 0; layer < 3; layer++) {
      float t = layer / 2f;
      Color c = DemoColours.blend(far, new Color(hills), t);
      g.setColor(c);
      g.fill(ridge(rnd, horizon - 120 + layer * 40, 70 - layer * 15, horizon));
    }
    g.setPaint(
        new GradientPaint(
            0,
            horizon,
            DemoColours.blend(new Color(skyLow), new Color(hills), 0.35f),
            0,
            HEIGHT,
            DemoColours.darker(new Color(hills), 0.35f)));
    g.fillRect(0, horizon, WIDTH, HEIGHT - horizon);
    g.setColor(DemoColours.withAlpha(new Color(sun), 120));
    for (int i = 0; i < 14; i++) {
      int y = horizon + 10 + i * 15;
      int w = 160 - i * 9 + rnd.nextInt(30);
      g.fillRoundRect(sunX - w / 2 + rnd.nextInt(21) - 10, y, w, 4, 4, 4);
    }
    g.setColor(DemoColours.darker(new Color(hills), 0.55f));
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

  static void campfire(Graphics2D g, Random rnd) {
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
}
