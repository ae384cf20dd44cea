package dev.parley.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Saves what a node looks like as a PNG under {@code target/snapshots/} so a person can look at a
 * headless test's window. Call from the test thread.
 */
public final class Snapshots {
  private Snapshots() {}

  public static Path save(Node node, String name) {
    CompletableFuture<WritableImage> shot = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            shot.complete(node.snapshot(null, null));
          } catch (RuntimeException e) {
            shot.completeExceptionally(e);
          }
        });
    try {
      WritableImage image = shot.get(10, TimeUnit.SECONDS);
      BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
      Path dir = Path.of(System.getProperty("parley.snapshotDir", "target/snapshots"));
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".png");
      ImageIO.write(buffered, "png", file.toFile());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("snapshot failed", e);
    }
  }
}
