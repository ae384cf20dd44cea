package dev.parley.app.manage;

import atlantafx.base.theme.Styles;
import dev.parley.app.I18n;
import dev.parley.app.Theme;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The frame every management dialog shares: a title, the dialog's own content, the error in words
 * under it (never an exception dialog), a busy spinner, Cancel and the action button. Escape or
 * Cancel closes; the dialog closes by itself when its request is done.
 */
final class DialogShell {
  static final String STYLE_CLASS = "manage-dialog";
  static final String TITLE = "manage-title";
  static final String ERROR = "manage-error";
  static final String HINT = "manage-hint";
  static final String CAPTION = "manage-caption";

  final Stage stage = new Stage();
  final Button primary = new Button();
  final Label error = new Label();
  private final VBox root;
  private boolean resizePending;

  /**
   * @param id the prefix of the nodes' ids ({@code renameDialog}, {@code renameConfirm}, {@code
   *     renameCancel}, {@code renameError})
   * @param content the dialog's own nodes, between the title and the error
   */
  DialogShell(
      Window owner,
      String id,
      String title,
      double width,
      List<Node> content,
      ReadOnlyStringProperty errorText,
      ReadOnlyBooleanProperty busy,
      ReadOnlyBooleanProperty done,
      Runnable onHidden) {
    I18n text = I18n.of(DialogShell.class);
    Label heading = new Label(title);
    heading.getStyleClass().addAll(Styles.TITLE_4, TITLE);
    heading.setWrapText(true);

    error.setId(id + "Error");
    error.getStyleClass().add(ERROR);
    error.setWrapText(true);
    error.setMinHeight(Region.USE_PREF_SIZE);
    error.textProperty().bind(errorText);
    error.visibleProperty().bind(errorText.isNotEmpty());
    error.managedProperty().bind(error.visibleProperty());
    error.textProperty().addListener((obs, old, now) -> resize());
    error.visibleProperty().addListener((obs, old, now) -> resize());

    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(20, 20);
    spinner.setMaxSize(20, 20);
    spinner.visibleProperty().bind(busy);
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    Button cancel = new Button(text.get("cancel"));
    cancel.setId(id + "Cancel");
    cancel.setCancelButton(true);
    cancel.setOnAction(e -> stage.close());
    primary.setId(id + "Confirm");
    primary.setDefaultButton(true);
    HBox buttons = new HBox(8, spinner, spring, cancel, primary);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    buttons.getStyleClass().add("manage-buttons");

    List<Node> children = new ArrayList<>();
    children.add(heading);
    children.addAll(content);
    children.add(error);
    children.add(buttons);
    root = new VBox(12);
    root.getChildren().setAll(children);
    root.setId(id + "Dialog");
    root.getStyleClass().add(STYLE_CLASS);
    root.setPrefWidth(width);
    root.getStylesheets().add(DialogShell.class.getResource("manage.css").toExternalForm());

    Scene scene = new Scene(root);
    if (owner != null && owner.getScene() != null) {
      scene.getStylesheets().addAll(owner.getScene().getStylesheets());
    }
    if (!scene.getStylesheets().contains(Theme.appStylesheet())) {
      scene.getStylesheets().add(Theme.appStylesheet());
    }
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            stage.close();
            e.consume();
          }
        });
    stage.setTitle(title);
    stage.setScene(scene);
    if (owner != null) {
      stage.initOwner(owner);
      stage.initModality(Modality.WINDOW_MODAL);
    }
    done.addListener(
        (obs, was, now) -> {
          if (now) {
            stage.close();
          }
        });
    stage.setOnHidden(e -> onHidden.run());
  }

  /** Marks the action button as destructive (red) or the usual accent. */
  void danger(boolean danger) {
    primary.getStyleClass().add(danger ? Styles.DANGER : Styles.ACCENT);
  }

  /** The dialog's root, for tests and snapshots. */
  VBox root() {
    return root;
  }

  /** Shows the window, sized to its content, and focuses {@code focus} (or the action button). */
  Stage show(Node focus) {
    stage.sizeToScene();
    stage.show();
    (focus == null ? primary : focus).requestFocus();
    return stage;
  }

  /**
   * Grows the window when the error appears or wraps onto more lines, once the error's visibility
   * bindings have settled; never shrinks it under the user's hands.
   */
  private void resize() {
    if (resizePending) {
      return;
    }
    resizePending = true;
    Platform.runLater(
        () -> {
          resizePending = false;
          Scene scene = stage.getScene();
          if (!stage.isShowing() || scene == null) {
            return;
          }
          double needed = root.prefHeight(scene.getWidth());
          if (needed > scene.getHeight()) {
            stage.setHeight(stage.getHeight() + needed - scene.getHeight());
          }
        });
  }
}
