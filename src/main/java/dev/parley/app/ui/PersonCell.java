package dev.parley.app.ui;

import dev.parley.app.session.Person;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Someone in a list (search results, members): avatar, name and address; nodes built once and
 * refilled. Style classes {@code person-cell}, {@code person-cell-name}, {@code person-cell-email}.
 */
public final class PersonCell extends ListCell<Person> {
  public static final String STYLE_CLASS = "person-cell";
  public static final String NAME = "person-cell-name";
  public static final String EMAIL = "person-cell-email";

  private final Avatar avatar;
  private final Label name = new Label();
  private final Label email = new Label();
  private final HBox box;

  public PersonCell(ImageLoader images) {
    getStyleClass().add(STYLE_CLASS);
    setPrefWidth(0);
    avatar = new Avatar(images, 32);
    name.getStyleClass().add(NAME);
    email.getStyleClass().add(EMAIL);
    VBox lines = new VBox(1, name, email);
    lines.setAlignment(Pos.CENTER_LEFT);
    lines.setMinWidth(0);
    box = new HBox(10, avatar, lines);
    box.setAlignment(Pos.CENTER_LEFT);
    setText(null);
  }

  @Override
  protected void updateItem(Person person, boolean empty) {
    super.updateItem(person, empty);
    if (empty || person == null) {
      setGraphic(null);
      setAccessibleText(null);
      return;
    }
    avatar.setPerson(person);
    name.setText(person.fullName());
    email.setText(person.email());
    email.setVisible(!person.email().isEmpty());
    email.setManaged(!person.email().isEmpty());
    setAccessibleText(
        person.email().isEmpty() ? person.fullName() : person.fullName() + ", " + person.email());
    setGraphic(box);
  }
}
