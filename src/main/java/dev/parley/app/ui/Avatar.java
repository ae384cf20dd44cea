package dev.parley.app.ui;

import dev.parley.app.session.Person;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.ImagePattern;
import javafx.scene.shape.Circle;

/**
 * A round avatar: the person's photo, or their initials on a colour that is always the same for
 * them (CSS classes {@code avatar-0} … {@code avatar-7}, coloured from theme tokens).
 */
public final class Avatar extends StackPane {
  public static final int PALETTE_SIZE = 8;

  private final Circle circle;
  private final Label initials = new Label();
  private final ImageLoader images;
  private final double size;
  private Person person;

  public Avatar(ImageLoader images, double size) {
    this.images = images;
    this.size = size;
    circle = new Circle(size / 2);
    getStyleClass().add("avatar");
    circle.getStyleClass().add("avatar-circle");
    initials.getStyleClass().add("avatar-initials");
    initials.setStyle("-fx-font-size: " + Math.max(8, Math.round(size * 0.4)) + "px;");
    setMinSize(size, size);
    setPrefSize(size, size);
    setMaxSize(size, size);
    getChildren().addAll(circle, initials);
  }

  /** Who is shown, or null. */
  public Person person() {
    return person;
  }

  /** Shows {@code person} (null shows nothing). */
  public void setPerson(Person person) {
    this.person = person;
    for (int i = 0; i < PALETTE_SIZE; i++) {
      circle.getStyleClass().remove("avatar-" + i);
    }
    if (person == null) {
      initials.setText("");
      circle.setFill(null);
      return;
    }
    circle.getStyleClass().add("avatar-" + person.colorIndex(PALETTE_SIZE));
    initials.setText(person.initials());
    initials.setVisible(true);
    setAccessibleText(person.fullName());
    String url = person.photoUrl();
    if (url != null && !url.isBlank()) {
      Image cached = images.cached(url, size * 2, size * 2);
      if (cached != null) {
        showPhoto(cached);
        return;
      }
      Person requested = person;
      images
          .load(url, size * 2, size * 2)
          .thenAccept(
              image -> {
                if (this.person == requested) {
                  showPhoto(image);
                }
              });
    }
  }

  private void showPhoto(Image image) {
    for (int i = 0; i < PALETTE_SIZE; i++) {
      circle.getStyleClass().remove("avatar-" + i);
    }
    circle.setFill(new ImagePattern(image));
    initials.setVisible(false);
  }
}
