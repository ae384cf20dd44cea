package dev.parley.app.conversation;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.parley.app.I18n;
import dev.parley.app.imageviewer.ImageViewerWindow;
import dev.parley.app.ui.Avatar;
import dev.parley.app.ui.ImageLoader;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The open conversation: header (avatar, title, presence or who is typing, the conversation menu),
 * the virtualised timeline with a "jump to newest" button over it, and the composer at the bottom.
 * Builds nodes, binds and delegates; all state lives in {@link ConversationViewModel}.
 */
public final class ConversationView extends BorderPane {
  private final ConversationViewModel vm;
  private final ImageLoader images;
  private final I18n text = I18n.of(ConversationView.class);
  private final MenuButton menu = new MenuButton();
  private final TimelineListView timeline;
  private final StackPane body;
  private final VBox empty;
  private final HBox header;
  private final Node composer;
  private final BiConsumer<Node, String> showProfile;
  private boolean warmingUp;

  /**
   * @param showProfile shows a person's card by the name or avatar that was clicked
   */
  public ConversationView(
      ConversationViewModel vm,
      ImageLoader images,
      Node composer,
      Consumer<String> openLink,
      BiConsumer<Node, String> showProfile) {
    this.vm = Objects.requireNonNull(vm, "vm");
    this.images = Objects.requireNonNull(images, "images");
    this.composer = Objects.requireNonNull(composer, "composer");
    Objects.requireNonNull(openLink, "openLink");
    this.showProfile = Objects.requireNonNull(showProfile, "showProfile");
    getStyleClass().add("conversation");
    getStylesheets().add(ConversationView.class.getResource("conversation.css").toExternalForm());

    header = buildHeader();
    TimelineContext context =
        new TimelineContext(
            images, text, openLink, this::openImage, vm::retry, vm::showMore, showProfile);
    timeline =
        new TimelineListView(
            new TimelineListView.Listener() {
              @Override
              public void reachedTop() {
                if (!warmingUp) {
                  vm.loadOlder();
                }
              }

              @Override
              public void atBottomChanged(boolean atBottom) {
                if (!warmingUp) {
                  vm.setAtBottom(atBottom);
                }
              }
            });
    timeline.setId("timeline");
    timeline.getStyleClass().add("timeline");
    timeline.setCellFactory(list -> new TimelineCell(context));
    timeline.addEventHandler(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ENTER
              && timeline.getFocusModel().getFocusedItem() instanceof TimelineRow.Message m
              && MessageActivation.activate(m.message(), context)) {
            e.consume();
          }
        });
    timeline.setItems(vm.rows());
    Label noMessages = new Label(text.get("empty.timeline"));
    noMessages.getStyleClass().add("timeline-placeholder");
    timeline.setPlaceholder(noMessages);

    ProgressIndicator loading = new ProgressIndicator();
    loading.getStyleClass().add("timeline-loading");
    loading.setMaxSize(22, 22);
    loading.visibleProperty().bind(vm.loadingOlderProperty());
    StackPane.setAlignment(loading, Pos.TOP_CENTER);
    StackPane.setMargin(loading, new Insets(8));

    Node jump = buildJumpButton();
    body = new StackPane(timeline, loading, jump);
    body.getStyleClass().add("conversation-body");

    empty = buildEmptyState();

    vm.conversationIdProperty().addListener((obs, old, id) -> conversationOpened(id));
    conversationOpened(vm.conversationIdProperty().get());

    addEventFilter(MouseEvent.MOUSE_PRESSED, e -> vm.userInteracted());
    addEventFilter(ScrollEvent.SCROLL, e -> vm.userInteracted());
    addEventFilter(KeyEvent.KEY_PRESSED, e -> vm.userInteracted());
  }

  /**
   * Puts the header, timeline and composer in place while no conversation is open, for a view the
   * window keeps hidden until one is: the next pulse styles them and makes their skins, which was
   * about half the work of opening the first conversation.
   */
  public void prepareWhileHidden() {
    if (vm.conversationIdProperty().get() != null || getScene() == null) {
      return;
    }
    setTop(header);
    setCenter(body);
    setBottom(composer);
    // Rows like a conversation's make the timeline's cells now; after that pulse the list holds
    // the conversation's rows again, and keeps the cells for the first conversation opened.
    warmingUp = true;
    timeline.setItems(FXCollections.observableList(WarmUpRows.sample()));
    Scene scene = getScene();
    Runnable[] done = new Runnable[1];
    done[0] =
        () -> {
          scene.removePostLayoutPulseListener(done[0]);
          endWarmUp();
        };
    scene.addPostLayoutPulseListener(done[0]);
  }

  private void endWarmUp() {
    if (warmingUp) {
      timeline.setItems(vm.rows());
      warmingUp = false;
    }
  }

  /** The conversation menu (placeholder for management actions the shell adds). */
  public MenuButton getHeaderMenu() {
    return menu;
  }

  private void conversationOpened(String id) {
    endWarmUp();
    boolean open = id != null;
    setTop(open ? header : null);
    setCenter(open ? body : empty);
    setBottom(open ? composer : null);
    if (open) {
      int target = vm.initialScrollIndex();
      if (target >= 0 && target < vm.rows().size() - 1 && isDivider(target)) {
        timeline.showRowAtTop(target);
      } else {
        timeline.jumpToBottom();
      }
    }
  }

  private boolean isDivider(int index) {
    return vm.rows().get(index) instanceof TimelineRow.UnreadDivider;
  }

  private HBox buildHeader() {
    Avatar avatar = new Avatar(images, 36);
    avatar.setPerson(vm.avatarProperty().get());
    vm.avatarProperty().addListener((obs, old, person) -> avatar.setPerson(person));

    Label title = new Label();
    title.setId("conversationTitle");
    title.getStyleClass().add("conversation-title");
    title.textProperty().bind(vm.titleProperty());

    Label subtitle = new Label();
    subtitle.setId("conversationSubtitle");
    subtitle.getStyleClass().add("conversation-subtitle");
    subtitle.textProperty().bind(vm.subtitleProperty());

    Label typing = new Label();
    typing.setId("conversationTyping");
    typing.getStyleClass().add("conversation-typing");
    typing.textProperty().bind(vm.typingTextProperty());
    var someoneTyping = vm.typingTextProperty().isNotEmpty();
    typing.visibleProperty().bind(someoneTyping);
    typing.managedProperty().bind(someoneTyping);
    subtitle.visibleProperty().bind(someoneTyping.not());
    subtitle.managedProperty().bind(someoneTyping.not());

    VBox titles = new VBox(1, title, subtitle, typing);
    titles.setAlignment(Pos.CENTER_LEFT);
    titles.setMinWidth(0);
    HBox.setHgrow(titles, Priority.ALWAYS);

    menu.setId("conversationMenu");
    menu.setGraphic(new FontIcon("mdi2d-dots-vertical"));
    menu.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Tweaks.NO_ARROW);
    menu.setAccessibleText(text.get("menu.conversation"));

    avatar.getStyleClass().add("clickable");
    title.getStyleClass().add("clickable");
    avatar.setOnMouseClicked(e -> showHeaderProfile(avatar));
    title.setOnMouseClicked(e -> showHeaderProfile(avatar));

    HBox bar = new HBox(12, avatar, titles, menu);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("conversation-header");
    return bar;
  }

  private void showHeaderProfile(Node anchor) {
    String personId = vm.headerPersonId();
    if (personId != null) {
      showProfile.accept(anchor, personId);
    }
  }

  private Node buildJumpButton() {
    Button button = new Button(null, new FontIcon("mdi2c-chevron-down"));
    button.setId("jumpToNewest");
    button.getStyleClass().addAll(Styles.BUTTON_CIRCLE, "jump-button");
    button.setAccessibleText(text.get("jump.newest"));
    button.setFocusTraversable(false);
    button.setOnAction(
        e -> {
          vm.jumpToNewest();
          timeline.jumpToBottom();
        });

    Label badge = new Label();
    badge.setId("newMessagesBadge");
    badge.getStyleClass().add("jump-badge");
    badge.textProperty().bind(vm.newMessagesBelowProperty().asString());
    var hasNew = vm.newMessagesBelowProperty().greaterThan(0);
    badge.visibleProperty().bind(hasNew);
    badge.setMouseTransparent(true);
    StackPane.setAlignment(badge, Pos.TOP_CENTER);
    badge.setTranslateY(-10);

    StackPane jump = new StackPane(button, badge);
    jump.getStyleClass().add("jump");
    jump.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    jump.visibleProperty().bind(Bindings.or(vm.atBottomProperty().not(), hasNew));
    jump.setPickOnBounds(false);
    StackPane.setAlignment(jump, Pos.BOTTOM_RIGHT);
    StackPane.setMargin(jump, new Insets(0, 20, 16, 0));
    return jump;
  }

  private VBox buildEmptyState() {
    FontIcon icon = new FontIcon("mdi2m-message-text-outline");
    icon.getStyleClass().add("conversation-empty-icon");
    Label label = new Label(text.get("empty.title"));
    label.getStyleClass().add("conversation-empty-label");
    VBox box = new VBox(12, icon, label);
    box.setAlignment(Pos.CENTER);
    box.getStyleClass().add("conversation-empty");
    box.setId("conversationEmpty");
    return box;
  }

  private void openImage(String url) {
    if (getScene() == null) {
      return;
    }
    ImageViewerWindow.show(getScene().getWindow(), vm.imageViewer(url), images);
  }
}
