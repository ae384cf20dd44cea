package dev.parley.app.manage;

import atlantafx.base.controls.Popover;
import atlantafx.base.theme.Styles;
import dev.parley.app.I18n;
import dev.parley.app.ui.Avatar;
import dev.parley.app.ui.ImageLoader;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Someone's card in a popover by the node that was clicked: avatar, name, address, presence, status
 * message, and "Message" (not on the user's own card). Errors show in the card.
 */
public final class ProfileCard {
  static final String STYLE_CLASS = "manage-profile";
  private static final PseudoClass ONLINE = PseudoClass.getPseudoClass("online");

  private ProfileCard() {}

  /** Builds the card's content (tests and snapshots use it without a popover). */
  static VBox content(ProfileCardViewModel vm, ImageLoader images) {
    I18n text = I18n.of(ProfileCard.class);
    Avatar avatar = new Avatar(images, 64);
    avatar.setPerson(vm.person());
    Label name = new Label(vm.person().fullName());
    name.setId("profileName");
    name.getStyleClass().add(Styles.TITLE_3);
    name.setWrapText(true);
    Label email = new Label(vm.person().email());
    email.setId("profileEmail");
    email.getStyleClass().add(Styles.TEXT_MUTED);
    email.setVisible(!vm.person().email().isEmpty());
    email.setManaged(email.isVisible());
    Label presence = new Label();
    presence.setId("profilePresence");
    presence.getStyleClass().add("manage-profile-presence");
    presence.textProperty().bind(vm.presenceProperty());
    presence.pseudoClassStateChanged(ONLINE, vm.onlineProperty().get());
    vm.onlineProperty()
        .addListener((obs, was, now) -> presence.pseudoClassStateChanged(ONLINE, now));
    Label status = new Label();
    status.setId("profileStatus");
    status.getStyleClass().add("manage-profile-status");
    status.setWrapText(true);
    status.textProperty().bind(vm.statusMessageProperty());
    status.visibleProperty().bind(vm.statusMessageProperty().isNotEmpty());
    status.managedProperty().bind(status.visibleProperty());

    Label error = new Label();
    error.setId("profileError");
    error.getStyleClass().add(DialogShell.ERROR);
    error.setWrapText(true);
    error.setMinHeight(Region.USE_PREF_SIZE);
    error.textProperty().bind(vm.errorProperty());
    error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
    error.managedProperty().bind(error.visibleProperty());

    Node action;
    if (vm.canMessage()) {
      Button message =
          new Button(text.get("profile.message"), new FontIcon("mdi2m-message-outline"));
      message.setId("profileMessage");
      message.getStyleClass().add(Styles.ACCENT);
      message.setDefaultButton(true);
      message.disableProperty().bind(vm.busyProperty());
      message.setOnAction(e -> vm.message());
      ProgressIndicator busy = new ProgressIndicator();
      busy.setPrefSize(18, 18);
      busy.setMaxSize(18, 18);
      busy.visibleProperty().bind(vm.busyProperty());
      busy.managedProperty().bind(vm.busyProperty());
      HBox row = new HBox(8, message, busy);
      row.setAlignment(Pos.CENTER);
      action = row;
    } else {
      Label you = new Label(text.get("profile.you"));
      you.getStyleClass().add(Styles.TEXT_MUTED);
      action = you;
    }

    VBox card = new VBox(6, avatar, name, email, presence, status, error, action);
    card.setAlignment(Pos.TOP_CENTER);
    card.setId("profileCard");
    card.getStyleClass().add(STYLE_CLASS);
    card.setPrefWidth(260);
    card.getStylesheets().add(ProfileCard.class.getResource("manage.css").toExternalForm());
    VBox.setMargin(action, new javafx.geometry.Insets(8, 0, 0, 0));
    return card;
  }

  /**
   * Shows the card by {@code anchor}; it owns {@code vm} and disposes it when it hides, which it
   * does by itself once "Message" opened the conversation.
   */
  public static Popover show(Node anchor, ProfileCardViewModel vm, ImageLoader images) {
    Popover popover = new Popover(content(vm, images));
    popover.setHeaderAlwaysVisible(false);
    popover.setDetachable(false);
    popover.setArrowLocation(Popover.ArrowLocation.TOP_RIGHT);
    popover.setOnHidden(e -> vm.dispose());
    vm.doneProperty()
        .addListener(
            (obs, was, now) -> {
              if (now) {
                popover.hide();
              }
            });
    popover.show(anchor);
    return popover;
  }
}
