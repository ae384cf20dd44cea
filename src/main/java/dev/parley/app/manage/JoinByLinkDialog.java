package dev.parley.app.manage;

import dev.parley.app.I18n;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

/** "Join by link": paste a group's link, join, and the group opens. */
public final class JoinByLinkDialog {
  private JoinByLinkDialog() {}

  /**
   * Opens over {@code owner} (modal to it); the dialog owns {@code vm} and disposes it. {@code
   * onJoined} gets the group's id after the window has closed.
   */
  public static Stage show(Window owner, JoinByLinkViewModel vm, Consumer<String> onJoined) {
    I18n text = I18n.of(JoinByLinkDialog.class);
    Label label = new Label(text.get("join.label"));
    label.getStyleClass().add(DialogShell.CAPTION);
    TextField link = new TextField();
    link.setId("joinLink");
    link.setPromptText(text.get("join.prompt"));
    link.setAccessibleText(text.get("join.label"));
    link.textProperty().bindBidirectional(vm.linkProperty());
    label.setLabelFor(link);
    Label hint = new Label(text.get("join.hint"));
    hint.getStyleClass().add(DialogShell.HINT);
    hint.setWrapText(true);

    DialogShell shell =
        new DialogShell(
            owner,
            "join",
            text.get("join.title"),
            420,
            List.of(label, link, hint),
            vm.errorProperty(),
            vm.busyProperty(),
            vm.doneProperty(),
            vm::dispose);
    shell.danger(false);
    shell.primary.setText(text.get("join.join"));
    shell.primary.disableProperty().bind(vm.canJoinProperty().not());
    shell.primary.setOnAction(e -> vm.join());
    vm.joinedConversationIdProperty()
        .addListener(
            (obs, old, id) -> {
              if (id != null) {
                shell.stage.close();
                onJoined.accept(id);
              }
            });
    return shell.show(link);
  }
}
