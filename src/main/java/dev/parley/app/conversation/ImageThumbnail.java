package dev.parley.app.conversation;

import dev.parley.app.I18n;
import dev.parley.app.ui.ImageLoader;
import dev.parley.client.ImageAttachment;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * An attached picture inside a bubble: a placeholder of the final size while it loads, the picture
 * (at most 320x240, aspect ratio kept), or "Image unavailable". Reused by cells: a load that
 * finishes after the cell moved on to another row is dropped.
 */
final class ImageThumbnail extends StackPane {
  static final double MAX_WIDTH = 320;
  static final double MAX_HEIGHT = 240;
  private static final double MIN_SIDE = 48;

  private final ImageLoader images;
  private final Region placeholder = new Region();
  private final ImageView view = new ImageView();
  private final VBox broken;
  private final Rectangle clip = new Rectangle();
  private int generation;
  private String openUrl;

  ImageThumbnail(ImageLoader images, I18n text, Consumer<String> open) {
    this.images = images;
    getStyleClass().add("message-image");
    placeholder.getStyleClass().add("message-image-placeholder");
    FontIcon icon = new FontIcon("mdi2i-image-broken-variant");
    icon.getStyleClass().add("message-image-broken-icon");
    Label label = new Label(text.get("image.unavailable"));
    label.getStyleClass().add("message-image-broken-label");
    broken = new VBox(4, icon, label);
    broken.setAlignment(Pos.CENTER);
    broken.getStyleClass().add("message-image-broken");
    view.setPreserveRatio(true);
    view.setSmooth(true);
    clip.setArcWidth(12);
    clip.setArcHeight(12);
    clip.widthProperty().bind(widthProperty());
    clip.heightProperty().bind(heightProperty());
    setClip(clip);
    getChildren().addAll(placeholder, view, broken);
    setCursor(Cursor.HAND);
    setOnMouseClicked(
        e -> {
          if (openUrl != null && !broken.isVisible()) {
            open.accept(openUrl);
          }
        });
    setAccessibleText(text.get("image.open"));
  }

  /** The box an attachment is shown in: fits 320x240 and keeps its aspect ratio. */
  static double[] boxFor(long width, long height) {
    if (width <= 0 || height <= 0) {
      return new double[] {MAX_WIDTH * 0.75, MAX_HEIGHT * 0.75};
    }
    double scale = Math.min(1.0, Math.min(MAX_WIDTH / width, MAX_HEIGHT / height));
    return new double[] {
      Math.max(MIN_SIDE, Math.round(width * scale)), Math.max(MIN_SIDE, Math.round(height * scale))
    };
  }

  void show(ImageAttachment attachment) {
    int requested = ++generation;
    double[] box = boxFor(attachment.widthPx(), attachment.heightPx());
    setMinSize(box[0], box[1]);
    setPrefSize(box[0], box[1]);
    setMaxSize(box[0], box[1]);
    view.setFitWidth(box[0]);
    view.setFitHeight(box[1]);
    String url = attachment.url();
    openUrl = attachment.fullSizeUrl() != null ? attachment.fullSizeUrl() : url;
    if (url == null || url.isBlank()) {
      showBroken();
      return;
    }
    Image cached = images.cached(url, box[0], box[1]);
    if (cached != null) {
      showImage(cached);
      return;
    }
    showLoading();
    images
        .load(url, box[0], box[1])
        .whenComplete(
            (image, error) -> {
              if (requested != generation) {
                return; // this cell shows another row by now
              }
              if (error != null || image == null) {
                showBroken();
              } else {
                showImage(image);
              }
            });
  }

  boolean isBroken() {
    return broken.isVisible();
  }

  boolean isLoaded() {
    return view.getImage() != null && view.isVisible();
  }

  private void showLoading() {
    view.setImage(null);
    view.setVisible(false);
    broken.setVisible(false);
    placeholder.setVisible(true);
  }

  private void showImage(Image image) {
    view.setImage(image);
    view.setVisible(true);
    broken.setVisible(false);
    placeholder.setVisible(false);
  }

  private void showBroken() {
    view.setImage(null);
    view.setVisible(false);
    broken.setVisible(true);
    placeholder.setVisible(true);
  }
}
