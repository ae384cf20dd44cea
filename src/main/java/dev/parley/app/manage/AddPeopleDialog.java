package dev.parley.app.manage;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.parley.app.I18n;
import dev.parley.app.session.Person;
import dev.parley.app.ui.Avatar;
import dev.parley.app.ui.ImageLoader;
import dev.parley.app.ui.PersonCell;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Add people": search, pick (the picked become chips), add. Enter in the search field picks the
 * first result (or says nobody matches), Backspace in the empty field un-picks the last person.
 */
public final class AddPeopleDialog {
  static final String CHIP = "manage-chip";

  private final AddPeopleViewModel vm;
  private final ImageLoader images;
  private final I18n text = I18n.of(AddPeopleDialog.class);
  private final CustomTextField query = new CustomTextField();
  private final ListView<Person> results;
  private final FlowPane chips = new FlowPane(6, 6);
  private final DialogShell shell;

  private AddPeopleDialog(Window owner, AddPeopleViewModel vm, ImageLoader images) {
    this.vm = vm;
    this.images = images;
    ProgressIndicator searching = new ProgressIndicator();
    searching.setPrefSize(16, 16);
    searching.setMaxSize(16, 16);
    searching.visibleProperty().bind(vm.searchingProperty());
    query.setId("addQuery");
    query.setPromptText(text.get("add.prompt"));
    query.setAccessibleText(text.get("add.prompt"));
    query.setLeft(new FontIcon("mdi2m-magnify"));
    query.setRight(searching);
    query.textProperty().bindBidirectional(vm.queryProperty());
    query.addEventFilter(KeyEvent.KEY_PRESSED, this::queryKey);

    chips.setId("addChips");
    chips.visibleProperty().bind(Bindings.isNotEmpty(vm.pickedPeople()));
    chips.managedProperty().bind(chips.visibleProperty());
    vm.pickedPeople().addListener((ListChangeListener<Person>) c -> showChips());

    Label caption = new Label(text.get("add.suggested"));
    caption.getStyleClass().add(DialogShell.CAPTION);
    caption.visibleProperty().bind(vm.queryProperty().isEmpty());
    caption.managedProperty().bind(caption.visibleProperty());

    results = new ListView<>(vm.results());
    results.setId("addResults");
    results.getStyleClass().add("manage-people");
    results.setCellFactory(v -> resultCell());
    results.setFixedCellSize(48);
    results.setPrefHeight(240);
    VBox.setVgrow(results, Priority.ALWAYS);
    Label none = new Label();
    none.textProperty().bind(vm.emptyTextProperty());
    none.getStyleClass().add(Styles.TEXT_MUTED);
    none.setWrapText(true);
    none.setMaxWidth(300);
    results.setPlaceholder(none);
    results.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ENTER
              && results.getSelectionModel().getSelectedItem() != null) {
            pick(results.getSelectionModel().getSelectedItem());
            e.consume();
          }
        });

    shell =
        new DialogShell(
            owner,
            "add",
            text.get("add.title"),
            420,
            List.of(query, chips, caption, results),
            vm.errorProperty(),
            vm.busyProperty(),
            vm.doneProperty(),
            vm::dispose);
    shell.danger(false);
    shell
        .primary
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> vm.addLabel(vm.pickedPeople().size()), vm.pickedPeople()));
    shell.primary.disableProperty().bind(vm.canAddProperty().not());
    shell.primary.setOnAction(e -> vm.add());
    showChips();
  }

  /** Opens over {@code owner} (modal to it); the dialog owns {@code vm} and disposes it. */
  public static Stage show(Window owner, AddPeopleViewModel vm, ImageLoader images) {
    AddPeopleDialog dialog = new AddPeopleDialog(owner, vm, images);
    return dialog.shell.show(dialog.query);
  }

  private void queryKey(KeyEvent e) {
    switch (e.getCode()) {
      case ENTER -> {
        if (!query.getText().isBlank()) {
          vm.pickFirstResult();
          e.consume();
        } else if (vm.canAddProperty().get()) {
          vm.add();
          e.consume();
        }
      }
      case DOWN -> {
        if (!results.getItems().isEmpty()) {
          results.requestFocus();
          results.getSelectionModel().selectFirst();
          e.consume();
        }
      }
      case BACK_SPACE -> {
        if (query.getText().isEmpty() && !vm.pickedPeople().isEmpty()) {
          vm.unpickLast();
          e.consume();
        }
      }
      default -> {}
    }
  }

  private PersonCell resultCell() {
    PersonCell cell = new PersonCell(images);
    cell.addEventHandler(
        MouseEvent.MOUSE_CLICKED,
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && !cell.isEmpty()) {
            pick(cell.getItem());
          }
        });
    return cell;
  }

  private void pick(Person person) {
    if (person != null) {
      vm.pick(person);
      query.requestFocus();
    }
  }

  private void showChips() {
    chips.getChildren().clear();
    for (Person person : vm.pickedPeople()) {
      Avatar avatar = new Avatar(images, 22);
      avatar.setPerson(person);
      Label name = new Label(person.fullName());
      Button remove = new Button(null, new FontIcon("mdi2c-close"));
      remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.ROUNDED, Styles.SMALL);
      remove.setAccessibleText(text.get("add.removeChip", person.fullName()));
      remove.setFocusTraversable(false);
      remove.setOnAction(e -> vm.unpick(person));
      HBox chip = new HBox(6, avatar, name, remove);
      chip.getStyleClass().add(CHIP);
      chip.setAlignment(Pos.CENTER_LEFT);
      chips.getChildren().add(chip);
    }
  }
}
