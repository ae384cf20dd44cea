package dev.parley.app.shortcuts;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.parley.app.I18n;
import dev.parley.app.Theme;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The "Keyboard shortcuts" sheet (Ctrl+/): every shortcut of the main window, grouped. */
public final class ShortcutSheet {
  static final String STYLE_CLASS = "shortcut-sheet";
  static final String KEYS = "shortcut-keys";
  static final String GROUP = "shortcut-group";

  private final Stage stage = new Stage();

  private ShortcutSheet(Window owner, boolean ctrlEnterSends) {
    I18n text = I18n.of(ShortcutSheet.class);
    GridPane grid = new GridPane();
    grid.setId("shortcutGrid");
    grid.setHgap(16);
    grid.setVgap(8);
    ColumnConstraints keys = new ColumnConstraints();
    keys.setHalignment(HPos.RIGHT);
    grid.getColumnConstraints().addAll(keys, new ColumnConstraints());
    int row = 0;
    Shortcuts.Group group = null;
    for (Shortcuts.Entry entry : Shortcuts.all(ctrlEnterSends)) {
      if (entry.group() != group) {
        group = entry.group();
        Label heading = new Label(text.get("group." + group.name()));
        heading.getStyleClass().addAll(GROUP, Styles.TEXT_BOLD);
        GridPane.setMargin(heading, new Insets(row == 0 ? 0 : 12, 0, 0, 0));
        GridPane.setHalignment(heading, HPos.LEFT);
        grid.add(heading, 0, row++, 2, 1);
      }
      Label key = new Label(entry.keys());
      key.getStyleClass().add(KEYS);
      key.setMinWidth(Region.USE_PREF_SIZE);
      Label description = new Label(text.get("shortcut." + entry.description()));
      description.setWrapText(true);
      key.setAccessibleText(entry.keys() + ": " + description.getText());
      grid.add(key, 0, row);
      grid.add(description, 1, row++);
    }

    ScrollPane scroll = new ScrollPane(grid);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
    Label title = new Label(text.get("title"));
    title.getStyleClass().add(Styles.TITLE_4);
    Button close = new Button(text.get("close"));
    close.setId("shortcutSheetClose");
    close.setDefaultButton(true);
    close.setCancelButton(true);
    close.setOnAction(e -> stage.close());
    HBox buttons = new HBox(close);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    BorderPane root = new BorderPane(scroll, title, null, buttons, null);
    BorderPane.setMargin(scroll, new Insets(12, 0, 12, 0));
    root.setId("shortcutSheet");
    root.getStyleClass().add(STYLE_CLASS);
    root.getStylesheets().add(ShortcutSheet.class.getResource("shortcuts.css").toExternalForm());

    Scene scene = new Scene(root, 600, 640);
    if (owner != null && owner.getScene() != null) {
      scene.getStylesheets().addAll(owner.getScene().getStylesheets());
    }
    if (!scene.getStylesheets().contains(Theme.appStylesheet())) {
      scene.getStylesheets().add(Theme.appStylesheet());
    }
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ESCAPE || Shortcuts.isShortcutSheet(e)) {
            stage.close();
            e.consume();
          }
        });
    stage.setTitle(text.get("title"));
    stage.setScene(scene);
    if (owner != null) {
      stage.initOwner(owner);
      stage.initModality(Modality.WINDOW_MODAL);
    }
  }

  /** Shows the sheet over {@code owner} and returns its window. */
  public static Stage show(Window owner, boolean ctrlEnterSends) {
    ShortcutSheet sheet = new ShortcutSheet(owner, ctrlEnterSends);
    sheet.stage.show();
    return sheet.stage;
  }

  /** A "Keyboard shortcuts" item for a menu. */
  public static MenuItem menuItem(Runnable show) {
    MenuItem item = new MenuItem(I18n.of(ShortcutSheet.class).get("menu"));
    item.setId("shortcutsItem");
    item.setAccelerator(Shortcuts.SHORTCUT_SHEET);
    item.setOnAction(e -> show.run());
    return item;
  }
}
