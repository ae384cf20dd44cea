package dev.parley.app.newconversation;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.parley.app.I18n;
import dev.parley.app.Theme;
import dev.parley.app.session.Person;
import dev.parley.app.ui.Avatar;
import dev.parley.app.ui.ImageLoader;
import dev.parley.app.ui.PersonCell;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The "New conversation" window: search people, pick them (they become chips), name the group when
 * there are several, create. Enter in the search field picks the first result, or creates when the
 * query is empty; Backspace in the empty field un-picks the last person; Escape cancels.
 */
public final class NewConversationDialog {
  static final String STYLE_CLASS = "new-conversation";
  static final String CHIP = "new-conversation-chip";
  static final String CAPTION = "new-conversation-caption";
  static final String ERROR = "new-conversation-error";
  static final String RESULTS = "new-conversation-results";

  private final NewConversationViewModel vm;
  private final ImageLoader images;
  private final I18n text = I18n.of(NewConversationDialog.class);
  private final Stage stage = new Stage();
  private final CustomTextField query = new CustomTextField();
  private final ListView<Person> results;
  private final FlowPane chips = new FlowPane(6, 6);

  private NewConversationDialog(
      Window owner, NewConversationViewModel vm, ImageLoader images, Consumer<String> onCreated) {
    this.vm = vm;
    this.images = images;
    results = new ListView<>(vm.results());

    Label title = new Label(text.get("title"));
    title.getStyleClass().add(Styles.TITLE_4);

    ProgressIndicator searching = new ProgressIndicator();
    searching.setPrefSize(16, 16);
    searching.setMaxSize(16, 16);
    searching.visibleProperty().bind(vm.searchingProperty());
    query.setId("newConversationQuery");
    query.setPromptText(text.get("search.prompt"));
    query.setAccessibleText(text.get("search.prompt"));
    query.setLeft(new FontIcon("mdi2m-magnify"));
    query.setRight(searching);
    query.textProperty().bindBidirectional(vm.queryProperty());
    query.addEventFilter(KeyEvent.KEY_PRESSED, this::queryKey);

    chips.setId("newConversationChips");
    chips.visibleProperty().bind(Bindings.isNotEmpty(vm.selectedPeople()));
    chips.managedProperty().bind(chips.visibleProperty());
    vm.selectedPeople().addListener((ListChangeListener<Person>) c -> showChips());

    TextField groupName = new TextField();
    groupName.setId("newConversationGroupName");
    groupName.setPromptText(text.get("groupName.prompt"));
    groupName.setAccessibleText(text.get("groupName.prompt"));
    groupName.textProperty().bindBidirectional(vm.groupNameProperty());
    groupName.visibleProperty().bind(vm.groupProperty());
    groupName.managedProperty().bind(vm.groupProperty());

    Label caption = new Label(text.get("results.suggested"));
    caption.getStyleClass().add(CAPTION);
    caption.visibleProperty().bind(vm.queryProperty().isEmpty());
    caption.managedProperty().bind(caption.visibleProperty());

    results.setId("newConversationResults");
    results.getStyleClass().add(RESULTS);
    results.setCellFactory(v -> resultCell());
    results.setFixedCellSize(48);
    results.setPrefHeight(240);
    Label none = new Label();
    none.textProperty()
        .bind(
            Bindings.when(vm.searchingProperty())
                .then(text.get("results.searching"))
                .otherwise(text.get("results.none")));
    none.getStyleClass().add(Styles.TEXT_MUTED);
    results.setPlaceholder(none);
    results.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            pick(results.getSelectionModel().getSelectedItem());
            e.consume();
          }
        });
    VBox.setVgrow(results, Priority.ALWAYS);

    Label error = new Label();
    error.setId("newConversationError");
    error.getStyleClass().add(ERROR);
    error.setWrapText(true);
    error.setMinHeight(Region.USE_PREF_SIZE);
    error.textProperty().bind(vm.errorProperty());
    error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
    error.managedProperty().bind(error.visibleProperty());

    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(20, 20);
    busy.visibleProperty().bind(vm.busyProperty());
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    Button cancel = new Button(text.get("cancel"));
    cancel.setId("newConversationCancel");
    cancel.setCancelButton(true);
    cancel.setOnAction(e -> stage.close());
    Button create = new Button();
    create.setId("newConversationCreate");
    create.getStyleClass().add(Styles.ACCENT);
    create.setDefaultButton(true);
    create
        .textProperty()
        .bind(
            Bindings.when(vm.groupProperty())
                .then(text.get("create.group"))
                .otherwise(text.get("create")));
    create.disableProperty().bind(vm.canCreateProperty().not());
    create.setOnAction(e -> vm.create());
    HBox buttons = new HBox(8, busy, spring, cancel, create);
    buttons.setAlignment(Pos.CENTER_RIGHT);

    VBox root = new VBox(10, title, query, chips, groupName, caption, results, error, buttons);
    root.getStyleClass().add(STYLE_CLASS);
    root.getStylesheets()
        .add(NewConversationDialog.class.getResource("newconversation.css").toExternalForm());

    Scene scene = new Scene(root, 420, 540);
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

    stage.setTitle(text.get("title"));
    stage.setScene(scene);
    stage.setMinWidth(340);
    stage.setMinHeight(360);
    if (owner != null) {
      stage.initOwner(owner);
      stage.initModality(Modality.WINDOW_MODAL);
    }
    vm.createdConversationIdProperty()
        .addListener(
            (obs, old, id) -> {
              if (id != null) {
                stage.close();
                onCreated.accept(id);
              }
            });
    stage.setOnHidden(e -> vm.dispose());
    showChips();
  }

  /**
   * Opens the window over {@code owner} (modal to it) and returns at once. The dialog owns {@code
   * vm} from now on and disposes it when it closes; {@code onCreated} gets the new (or reused)
   * conversation's id after the window has closed; cancelling calls nothing.
   */
  public static Stage show(
      Window owner, NewConversationViewModel vm, ImageLoader images, Consumer<String> onCreated) {
    NewConversationDialog dialog = new NewConversationDialog(owner, vm, images, onCreated);
    dialog.stage.show();
    dialog.query.requestFocus();
    return dialog.stage;
  }

  private void queryKey(KeyEvent e) {
    switch (e.getCode()) {
      case ENTER -> {
        if (!query.getText().isBlank() && vm.addFirstResult()) {
          e.consume();
        } else if (vm.canCreateProperty().get()) {
          vm.create();
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
        if (query.getText().isEmpty() && !vm.selectedPeople().isEmpty()) {
          vm.removeLast();
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
      vm.add(person);
      query.requestFocus();
    }
  }

  private void showChips() {
    chips.getChildren().clear();
    for (Person person : vm.selectedPeople()) {
      Avatar avatar = new Avatar(images, 22);
      avatar.setPerson(person);
      Label name = new Label(person.fullName());
      Button remove = new Button(null, new FontIcon("mdi2c-close"));
      remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.ROUNDED, Styles.SMALL);
      remove.setAccessibleText(text.get("remove", person.fullName()));
      remove.setFocusTraversable(false);
      remove.setOnAction(e -> vm.remove(person));
      HBox chip = new HBox(6, avatar, name, remove);
      chip.getStyleClass().add(CHIP);
      chip.setAlignment(Pos.CENTER_LEFT);
      chips.getChildren().add(chip);
    }
  }
}
