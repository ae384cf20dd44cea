package dev.parley.server.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Avatars for the demo people: their colour with white initials, and a friendly robot. */
final class DemoAvatars {
  static final int SIZE = 256;

  private static final Logger LOG = LoggerFactory.getLogger(DemoAvatars.class);

  private DemoAvatars() {}

  static byte[] avatar(DemoPerson person) {
    BufferedImage image = Png.canvas(SIZE, SIZE);
    Graphics2D g = Png.graphics(image);
    try {
      Color base = new Color(person.colour());
      g.setPaint(new GradientPaint(0, 0, DemoColours.lighter(base, 0.35f), SIZE, SIZE, base));
      g.fillRect(0, 0, SIZE, SIZE);
      g.setColor(new Color(255, 255, 255, 36));
      g.fill(new Ellipse2D.Double(-SIZE * 0.3, -SIZE * 0.45, SIZE * 1.1, SIZE * 0.95));
      if (person.bot()) {
        drawRobot(g);
      } else {
        drawInitials(g, person.initials());
      }
    } finally {
      g.dispose();
    }
    return Png.encode(image);
  }

  private static void drawInitials(Graphics2D g, String initials) {
    try {
      Font font = new Font(Font.SANS_SERIF, Font.BOLD, initials.length() > 1 ? 92 : 112);
      FontRenderContext frc = g.getFontRenderContext();
      TextLayout layout = new TextLayout(initials, font, frc);
      Rectangle2D bounds = layout.getBounds();
      float x = (float) ((SIZE - bounds.getWidth()) / 2 - bounds.getX());
      float y = (float) ((SIZE - bounds.getHeight()) / 2 - bounds.getY());
      g.setColor(new Color(0, 0, 0, 40));
      layout.draw(g, x + 3, y + 4);
      g.setColor(Color.WHITE);
      layout.draw(g, x, y);
    } catch (RuntimeException | LinkageError | InternalError e) {
      // A server without any font still gets a colourful avatar, just without letters.
      LOG.debug("no font for avatar initials", e);
    }
  }

  private static void drawRobot(Graphics2D g) {
    Color ink = new Color(0x1E293B);
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.drawLine(128, 70, 128, 46);
    g.fill(new Ellipse2D.Double(114, 30, 28, 28));
    g.fill(new RoundRectangle2D.Double(54, 70, 148, 120, 44, 44));
    g.fill(new RoundRectangle2D.Double(38, 110, 24, 44, 12, 12));
    g.fill(new RoundRectangle2D.Double(194, 110, 24, 44, 12, 12));
    g.setColor(ink);
    g.fill(new Ellipse2D.Double(86, 104, 26, 30));
    g.fill(new Ellipse2D.Double(144, 104, 26, 30));
    g.setStroke(new BasicStroke(8, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.drawArc(98, 130, 60, 34, 200, 140);
  }
}
