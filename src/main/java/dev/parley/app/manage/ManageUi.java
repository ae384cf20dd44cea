package dev.parley.app.manage;

import dev.parley.app.I18n;
import dev.parley.app.UiDispatcher;
import dev.parley.app.UiTimer;
import dev.parley.app.session.SessionService;
import dev.parley.app.ui.ImageLoader;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Conversation management as the shell wires it: the header menu of the open conversation, and
 * "Join by link…" for the account menu. Lives as long as the session's UI.
 */
public final class ManageUi {
  private final SessionService session;
  private final UiDispatcher ui;
  private final ImageLoader images;
  private final Consumer<String> open;
  private final ConversationActionsViewModel actions;
  private ObservableValue<String> openConversation;
  private ConversationMenu menu;

  /**
   * @param open opens a conversation by id (after joining one)
   */
  public ManageUi(
      SessionService session,
      UiDispatcher ui,
      UiTimer timer,
      ImageLoader images,
      Consumer<String> open) {
    this.session = Objects.requireNonNull(session, "session");
    this.ui = Objects.requireNonNull(ui, "ui");
    this.images = Objects.requireNonNull(images, "images");
    this.open = Objects.requireNonNull(open, "open");
    this.actions =
        new ConversationActionsViewModel(
            session,
            ui,
            timer,
            text -> Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, text)));
  }

  /** Fills {@code headerMenu} with the actions of {@code conversationId}'s conversation. */
  public void attach(MenuButton headerMenu, ObservableValue<String> conversationId) {
    openConversation = conversationId;
    actions.conversationIdProperty().bind(conversationId);
    menu = new ConversationMenu(headerMenu, actions, images, this::showProfile);
  }

  /** Shows someone's profile card by {@code anchor} (a name or an avatar that was clicked). */
  public void showProfile(Node anchor, String personId) {
    ProfileCard.show(
        anchor,
        new ProfileCardViewModel(session, ui, Clock.systemDefaultZone(), personId, open),
        images);
  }

  /** "Set status…" for the account menu: the status message and Available or Busy. */
  public MenuItem statusItem() {
    MenuItem item = new MenuItem(I18n.of(ManageUi.class).get("menu.status"));
    item.setId("setStatus");
    item.setGraphic(new FontIcon("mdi2a-account-edit-outline"));
    item.setOnAction(e -> StatusDialog.show(owner(item), new StatusViewModel(session, ui)));
    return item;
  }

  private static Window owner(MenuItem item) {
    return item.getParentPopup() == null ? null : item.getParentPopup().getOwnerWindow();
  }

  /** "Join by link…", which opens the dialog over the menu's window and then the group joined. */
  public MenuItem joinByLinkItem() {
    MenuItem item = new MenuItem(I18n.of(ManageUi.class).get("menu.joinByLink"));
    item.setId("joinByLink");
    item.setGraphic(new FontIcon("mdi2l-link-variant-plus"));
    item.setOnAction(
        e -> {
          JoinByLinkDialog.show(owner(item), new JoinByLinkViewModel(session, ui), open);
        });
    return item;
  }

  /** The header menu's filler (tests). */
  ConversationMenu menu() {
    return menu;
  }

  /** The actions' ViewModel (tests). */
  ConversationActionsViewModel actions() {
    return actions;
  }

  public void dispose() {
    if (openConversation != null) {
      actions.conversationIdProperty().unbind();
    }
    actions.dispose();
  }
}
