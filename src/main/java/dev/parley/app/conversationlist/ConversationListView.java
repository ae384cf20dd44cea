package dev.parley.app.conversationlist;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.parley.app.I18n;
import dev.parley.app.ui.ImageLoader;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The sidebar's list: a search field with the archived toggle and "new conversation" above, the
 * conversations below. The ViewModel owns the selection (an id); the list only shows it, and
 * reports the user's clicks and arrow keys back.
 */
public final class ConversationListView extends BorderPane {
  public static final String STYLE_CLASS = "conversation-list-view";

  /** A row's height at the base text size. */
  static final double ROW_HEIGHT = 64;

  private static final double BASE_FONT = 14;
  static final String HEADER = "conversation-list-header";
  static final String LIST = "conversation-list";
  static final String ARCHIVED_TOGGLE = "conversation-list-archived-toggle";
  static final String PLACEHOLDER = "conversation-list-placeholder";
  static final String PLACEHOLDER_ICON = "conversation-list-placeholder-icon";

  private final ConversationListViewModel vm;
  private final I18n text = I18n.of(ConversationListView.class);
  private final CustomTextField filter = new CustomTextField();
  private final ListView<ConversationRow> list;
  private Runnable onNewConversation = () -> {};
  private Runnable onOpen = () -> {};

  /** True while the list's items change or the view itself moves the selection. */
  private boolean syncing;

  public ConversationListView(ConversationListViewModel vm, ImageLoader images) {
    this.vm = vm;
    getStyleClass().add(STYLE_CLASS);
    getStylesheets()
        .add(ConversationListView.class.getResource("conversationlist.css").toExternalForm());
    setTop(header());

    // Registered before the ListView's selection model listens: selection changes caused by the
    // items moving are not the user's and must not reach the ViewModel.
    vm.rows().addListener((ListChangeListener<ConversationRow>) c -> syncing = true);
    list = new ListView<>(vm.rows());
    vm.rows()
        .addListener(
            (ListChangeListener<ConversationRow>)
                c -> {
                  syncing = false;
                  showSelection(false);
                });
    list.setId("conversationList");
    list.getStyleClass().addAll(LIST, Tweaks.EDGE_TO_EDGE);
    list.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
    list.setFixedCellSize(ROW_HEIGHT);
    list.setCellFactory(v -> cell(images));
    list.setPlaceholder(placeholder());
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, row) -> {
              if (!syncing && row != null) {
                vm.select(row.id());
              } else if (!syncing) {
                showSelection(false);
              }
            });
    vm.selectedConversationIdProperty().addListener((obs, old, id) -> showSelection(true));
    list.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          switch (e.getCode()) {
            case ENTER -> {
              if (vm.selectedConversationIdProperty().get() != null) {
                onOpen.run();
              }
              e.consume();
            }
            case ESCAPE -> {
              if (!filter.getText().isEmpty()) {
                filter.clear();
                e.consume();
              }
            }
            default -> {}
          }
        });
    list.accessibleTextProperty()
        .bind(
            Bindings.createStringBinding(() -> text.get("a11y.list", vm.rows().size()), vm.rows()));
    setCenter(list);
    showSelection(true);
  }

  /** Called when "new conversation" is clicked. */
  public void setOnNewConversation(Runnable action) {
    onNewConversation = action == null ? () -> {} : action;
  }

  /**
   * Called when the user opens the selected conversation (Enter, or a click): the shell moves the
   * focus to the composer.
   */
  public void setOnOpen(Runnable action) {
    onOpen = action == null ? () -> {} : action;
  }

  /** Focuses the search field with its text selected (Ctrl+K). */
  public void focusFilter() {
    filter.requestFocus();
    filter.selectAll();
  }

  /** Focuses the list itself. */
  public void focusList() {
    list.requestFocus();
  }

  private HBox header() {
    FontIcon magnify = new FontIcon("mdi2m-magnify");
    Button clear = iconButton("mdi2c-close-circle", text.get("filter.clear"));
    clear.setId("conversationFilterClear");
    clear.setFocusTraversable(false);
    clear.getStyleClass().add(Styles.SMALL);
    clear.visibleProperty().bind(filter.textProperty().isNotEmpty());
    clear.setOnAction(e -> filter.clear());
    filter.setId("conversationFilter");
    filter.setPromptText(text.get("filter.prompt"));
    filter.setAccessibleText(text.get("filter.prompt"));
    filter.setLeft(magnify);
    filter.setRight(clear);
    filter.textProperty().bindBidirectional(vm.filterProperty());
    filter.addEventFilter(KeyEvent.KEY_PRESSED, this::filterKey);
    HBox.setHgrow(filter, Priority.ALWAYS);

    ToggleButton archived = new ToggleButton(null, new FontIcon("mdi2a-archive-outline"));
    archived.setId("showArchived");
    archived.getStyleClass().addAll(Styles.BUTTON_ICON, ARCHIVED_TOGGLE);
    archived.selectedProperty().bindBidirectional(vm.showArchivedProperty());
    Tooltip archivedTip = new Tooltip();
    archivedTip
        .textProperty()
        .bind(
            Bindings.when(archived.selectedProperty())
                .then(text.get("archived.hide"))
                .otherwise(text.get("archived.show")));
    archived.setTooltip(archivedTip);
    archived.accessibleTextProperty().bind(archivedTip.textProperty());

    Button create = iconButton("mdi2s-square-edit-outline", text.get("newConversation"));
    create.setId("newConversation");
    create.setOnAction(e -> onNewConversation.run());

    HBox header = new HBox(4, filter, archived, create);
    header.getStyleClass().add(HEADER);
    header.setAlignment(Pos.CENTER_LEFT);
    return header;
  }

  private static Button iconButton(String icon, String label) {
    Button button = new Button(null, new FontIcon(icon));
    button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
    button.setTooltip(new Tooltip(label));
    button.setAccessibleText(label);
    return button;
  }

  /** Arrows move the selection and Enter opens it while typing; Escape clears the search. */
  private void filterKey(KeyEvent e) {
    switch (e.getCode()) {
      case DOWN -> {
        vm.selectNext();
        e.consume();
      }
      case UP -> {
        vm.selectPrevious();
        e.consume();
      }
      case ENTER -> {
        if (list.getSelectionModel().getSelectedItem() == null) {
          vm.selectIndex(0);
        }
        if (list.getSelectionModel().getSelectedItem() != null) {
          onOpen.run();
        }
        e.consume();
      }
      case ESCAPE -> {
        if (!filter.getText().isEmpty()) {
          filter.clear();
          e.consume();
        }
      }
      default -> {}
    }
  }

  private ConversationCell cell(ImageLoader images) {
    ConversationCell cell = new ConversationCell(images);
    // Rows are a fixed height for fast scrolling; that height follows the text size setting
    // (the cell's font comes from the window's root, where the setting lands).
    cell.fontProperty()
        .addListener(
            (obs, old, font) ->
                list.setFixedCellSize(
                    Math.max(ROW_HEIGHT, Math.ceil(ROW_HEIGHT * font.getSize() / BASE_FONT))));
    cell.addEventHandler(
        MouseEvent.MOUSE_CLICKED,
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && !cell.isEmpty() && cell.getItem() != null) {
            vm.select(cell.getItem().id());
            onOpen.run();
          }
        });
    return cell;
  }

  private VBox placeholder() {
    FontIcon icon = new FontIcon("mdi2m-message-text-outline");
    icon.getStyleClass().add(PLACEHOLDER_ICON);
    Label label = new Label();
    label.setId("conversationListPlaceholder");
    label.setWrapText(true);
    label.textProperty().bind(vm.placeholderProperty());
    VBox box = new VBox(8, icon, label);
    box.getStyleClass().add(PLACEHOLDER);
    box.setAlignment(Pos.CENTER);
    return box;
  }

  /** Makes the list show the ViewModel's selection; scrolls to it when it was the VM that moved. */
  private void showSelection(boolean reveal) {
    String id = vm.selectedConversationIdProperty().get();
    int index = -1;
    for (int i = 0; id != null && i < vm.rows().size(); i++) {
      if (vm.rows().get(i).id().equals(id)) {
        index = i;
        break;
      }
    }
    boolean was = syncing;
    syncing = true;
    try {
      if (index < 0) {
        list.getSelectionModel().clearSelection();
      } else if (list.getSelectionModel().getSelectedIndex() != index) {
        list.getSelectionModel().clearAndSelect(index);
      }
      if (index >= 0) {
        list.getFocusModel().focus(index);
      }
    } finally {
      syncing = was;
    }
    if (reveal && index >= 0) {
      reveal(index);
    }
  }

  /** Scrolls just enough to show row {@code index} whole, unlike ListView.scrollTo. */
  private void reveal(int index) {
    if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
      IndexedCell<?> first = flow.getFirstVisibleCell();
      IndexedCell<?> last = flow.getLastVisibleCell();
      if (first != null && last != null && index > first.getIndex() && index < last.getIndex()) {
        return;
      }
      flow.scrollTo(index);
    } else {
      list.scrollTo(index);
    }
  }
}
