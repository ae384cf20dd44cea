package dev.parley.app.mainwindow;

import atlantafx.base.theme.Styles;
import dev.parley.app.I18n;
import dev.parley.app.connection.ConnectionBannerView;
import dev.parley.app.conversation.ConversationView;
import dev.parley.app.conversationlist.ConversationListView;
import dev.parley.app.conversationlist.ConversationListViewModel;
import dev.parley.app.session.Person;
import dev.parley.app.ui.Avatar;
import dev.parley.app.ui.ImageLoader;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's layout: the connection banner on top, the conversation list on the left (with
 * the account bar above it), the open conversation on the right, or an empty state.
 */
public final class MainWindowView extends BorderPane {
  private final SplitPane split;
  private final StackPane right;

  /** The conversation list's width until the user drags the divider. */
  public static final double DEFAULT_LIST_WIDTH = 320;

  /** The narrowest the conversation list gets. */
  public static final double MIN_LIST_WIDTH = 240;

  private final ConversationListViewModel listVm;
  private final DoubleProperty listWidth = new SimpleDoubleProperty(DEFAULT_LIST_WIDTH);
  private boolean draggingDivider;

  public MainWindowView(
      MainWindowViewModel vm,
      ConnectionBannerView banner,
      ConversationListView list,
      ConversationListViewModel listVm,
      ImageLoader images,
      Runnable toggleTheme,
      Runnable newConversation,
      Runnable quit) {
    setId("mainWindow");
    getStylesheets().add(MainWindowView.class.getResource("mainwindow.css").toExternalForm());
    I18n text = I18n.of(MainWindowView.class);

    Avatar self = new Avatar(images, 32);
    self.setPerson(vm.selfProperty().get());
    vm.selfProperty().addListener((obs, was, is) -> self.setPerson(is));
    Label name = new Label();
    name.textProperty().bind(vm.selfProperty().map(Person::fullName));
    name.getStyleClass().add(Styles.TEXT_BOLD);
    Label server = new Label();
    server.textProperty().bind(vm.serverUrlProperty());
    server.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    VBox who = new VBox(0, name, server);
    HBox.setHgrow(who, Priority.ALWAYS);
    who.setMinWidth(0);
    MenuButton menu = new MenuButton();
    menu.setId("accountMenu");
    menu.setGraphic(new FontIcon("mdi2m-menu"));
    menu.getStyleClass().addAll(Styles.FLAT, Styles.BUTTON_ICON, "no-arrow");
    menu.setAccessibleText(text.get("menu.account"));
    MenuItem newItem = new MenuItem(text.get("menu.newConversation"));
    newItem.setOnAction(e -> newConversation.run());
    MenuItem theme = new MenuItem(text.get("menu.theme.dark"));
    theme.setOnAction(e -> toggleTheme.run());
    MenuItem signOut = new MenuItem(text.get("menu.signOut"));
    signOut.setId("signOut");
    signOut.setOnAction(e -> vm.signOut());
    MenuItem quitItem = new MenuItem(text.get("menu.quit"));
    quitItem.setOnAction(e -> quit.run());
    menu.getItems()
        .addAll(
            newItem, theme, new SeparatorMenuItem(), signOut, new SeparatorMenuItem(), quitItem);
    HBox accountBar = new HBox(10, self, who, menu);
    accountBar.setAlignment(Pos.CENTER_LEFT);
    accountBar.getStyleClass().add("account-bar");

    VBox.setVgrow(list, Priority.ALWAYS);
    VBox left = new VBox(accountBar, list);
    left.getStyleClass().add("sidebar");
    left.setMinWidth(MIN_LIST_WIDTH);
    left.setPrefWidth(DEFAULT_LIST_WIDTH);

    this.listVm = listVm;
    Node empty = emptyState(text);
    empty.visibleProperty().bind(listVm.selectedConversationIdProperty().isNull());
    right = new StackPane(empty);
    right.setMinWidth(360);

    split = new SplitPane(left, right);
    split.setOrientation(Orientation.HORIZONTAL);
    SplitPane.setResizableWithParent(left, false);
    // The list keeps its width in pixels. A divider set as a share of the width once took effect
    // at the first layout, before the window had its remembered size, so the list started squeezed
    // to its minimum width.
    split.widthProperty().addListener((obs, was, width) -> placeDivider());
    listWidth.addListener((obs, was, width) -> placeDivider());
    // Where a drag of the divider ends is the width to keep (not where a window too narrow for
    // both sides pushed it).
    split.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> draggingDivider = onDivider(e.getTarget()));
    split.addEventFilter(
        MouseEvent.MOUSE_RELEASED,
        e -> {
          if (draggingDivider) {
            draggingDivider = false;
            listWidth.set(split.getDividerPositions()[0] * split.getWidth());
          }
        });
    setTop(banner);
    setCenter(split);
  }

  /**
   * Puts the open conversation's view in place, shown while a conversation is selected. It comes
   * after the window is first painted (see SessionUi): the list shows sooner without it.
   */
  public void setConversationView(ConversationView conversation) {
    conversation.visibleProperty().bind(listVm.selectedConversationIdProperty().isNotNull());
    right.getChildren().setAll(right.getChildren().get(0), conversation);
  }

  /** The divider between the list and the conversation. */
  public SplitPane splitPane() {
    return split;
  }

  /**
   * Where the divider after the conversation list sits, in pixels from the left: kept as the window
   * resizes, remembered by the app.
   */
  public DoubleProperty listWidthProperty() {
    return listWidth;
  }

  private boolean onDivider(Object target) {
    for (Node n = target instanceof Node node ? node : null;
        n != null && n != split;
        n = n.getParent()) {
      if (n.getStyleClass().contains("split-pane-divider")) {
        return true;
      }
    }
    return false;
  }

  private void placeDivider() {
    double width = split.getWidth();
    if (width > 0) {
      split.setDividerPositions(Math.min(listWidth.get(), width) / width);
    }
  }

  private static Node emptyState(I18n text) {
    FontIcon icon = new FontIcon("mdi2m-message-text-outline");
    icon.getStyleClass().add("empty-icon");
    Label title = new Label(text.get("empty.title"));
    title.getStyleClass().add(Styles.TITLE_4);
    Label detail = new Label(text.get("empty.detail"));
    detail.getStyleClass().add(Styles.TEXT_MUTED);
    VBox box = new VBox(8, icon, title, detail);
    box.setAlignment(Pos.CENTER);
    box.getStyleClass().add("empty-state");
    Region filler = new Region();
    return new StackPane(filler, box);
  }
}
