package dev.parley.app.manage;

import dev.parley.app.manage.ConversationActionsViewModel.Action;
import dev.parley.app.manage.ConversationActionsViewModel.Notice;
import dev.parley.app.session.ConversationSummary;
import dev.parley.app.ui.ImageLoader;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Fills the conversation header's menu from {@link ConversationActionsViewModel}: rebuilt each time
 * it opens (and when another conversation opens, so it is never empty), quick actions run, the
 * others open their dialog over the window. A notice ("Muted.") shows for a moment under the
 * button.
 */
final class ConversationMenu {
  static final String NOTICE = "manage-notice";
  static final String NOTICE_ERROR = "manage-notice-error";
  private static final String ERROR_STYLE =
      "-fx-background-color: -color-danger-emphasis; -fx-text-fill: -color-fg-emphasis;";

  private final MenuButton button;
  private final ConversationActionsViewModel vm;
  private final ImageLoader images;
  private final Tooltip notice = new Tooltip();
  private final BiConsumer<Node, String> showProfile;

  /**
   * @param showProfile shows a person's card by a node
   */
  ConversationMenu(
      MenuButton button,
      ConversationActionsViewModel vm,
      ImageLoader images,
      BiConsumer<Node, String> showProfile) {
    this.button = button;
    this.showProfile = showProfile;
    this.vm = vm;
    this.images = images;
    notice.getStyleClass().add(NOTICE);
    notice.setWrapText(true);
    notice.setMaxWidth(320);
    notice.setShowDelay(Duration.ZERO);
    notice.setAutoHide(true);
    notice.setId("manageNotice");
    button.setOnShowing(e -> rebuild());
    vm.conversationIdProperty().addListener((obs, old, id) -> rebuild());
    vm.noticeProperty().addListener((obs, old, now) -> showNotice(now));
    rebuild();
  }

  /** The items for the conversation as it is now. */
  void rebuild() {
    List<List<Action>> sections = vm.sections();
    button.getItems().clear();
    for (List<Action> section : sections) {
      if (!button.getItems().isEmpty()) {
        button.getItems().add(new SeparatorMenuItem());
      }
      for (Action action : section) {
        button.getItems().add(item(action));
      }
    }
    button.setDisable(sections.isEmpty());
  }

  /** The latest notice, for tests. */
  Tooltip notice() {
    return notice;
  }

  private MenuItem item(Action action) {
    MenuItem item = new MenuItem(vm.label(action));
    item.setId(id(action));
    String icon = icon(action);
    if (icon != null) {
      item.setGraphic(new FontIcon(icon));
    }
    item.setOnAction(e -> perform(action));
    return item;
  }

  /** {@code ADD_PEOPLE} as {@code manageAddPeople}. */
  static String id(Action action) {
    StringBuilder id = new StringBuilder("manage");
    for (String word : action.name().toLowerCase(Locale.ROOT).split("_")) {
      id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return id.toString();
  }

  private void perform(Action action) {
    Window owner = button.getScene() == null ? null : button.getScene().getWindow();
    switch (action) {
      case PROFILE -> {
        ConversationSummary c = vm.summary();
        if (c != null && c.otherPerson() != null) {
          showProfile.accept(button, c.otherPerson().id());
        }
      }
      case RENAME -> RenameDialog.show(owner, vm.rename());
      case ADD_PEOPLE -> AddPeopleDialog.show(owner, vm.addPeople(), images);
      case REMOVE_PERSON -> RemovePersonDialog.show(owner, vm.removePerson(), images);
      case LEAVE, DELETE_HISTORY, HISTORY_OFF, HISTORY_ON ->
          ConfirmDialog.show(owner, vm.confirm(action));
      default -> vm.run(action);
    }
  }

  private void showNotice(Notice now) {
    if (now == null) {
      notice.hide();
      return;
    }
    notice.setText(now.text());
    notice.getStyleClass().remove(NOTICE_ERROR);
    // A tooltip takes its scene's stylesheets, not this feature's: the error look is inline, in
    // theme tokens.
    notice.setStyle(now.error() ? ERROR_STYLE : "");
    if (now.error()) {
      notice.getStyleClass().add(NOTICE_ERROR);
    }
    if (button.getScene() == null || button.getScene().getWindow() == null) {
      return;
    }
    Bounds at = button.localToScreen(button.getBoundsInLocal());
    if (at == null) {
      return;
    }
    notice.show(button, at.getMinX(), at.getMaxY() + 4);
    // Right-aligned under the button once its width is known.
    notice.setAnchorX(Math.max(0, at.getMaxX() - notice.getWidth()));
  }

  private static String icon(Action action) {
    return switch (action) {
      case PROFILE -> "mdi2a-account-circle-outline";
      case RENAME -> "mdi2p-pencil-outline";
      case ADD_PEOPLE -> "mdi2a-account-plus-outline";
      case REMOVE_PERSON -> "mdi2a-account-minus-outline";
      case MUTE -> "mdi2b-bell-off-outline";
      case UNMUTE -> "mdi2b-bell-outline";
      case HISTORY_OFF -> "mdi2h-history";
      case HISTORY_ON -> "mdi2h-history";
      case LINK_SHARING_ON -> "mdi2l-link-variant";
      case COPY_LINK -> "mdi2c-content-copy";
      case LINK_SHARING_OFF -> "mdi2l-link-variant-off";
      case LEAVE -> "mdi2e-exit-to-app";
      case DELETE_HISTORY -> "mdi2d-delete-outline";
    };
  }
}
