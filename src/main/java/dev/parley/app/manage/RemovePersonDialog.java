package dev.parley.app.manage;

import dev.parley.app.I18n;
import dev.parley.app.session.Person;
import dev.parley.app.ui.ImageLoader;
import dev.parley.app.ui.PersonCell;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;

/** "Remove someone": the other members; pick one, Remove. */
public final class RemovePersonDialog {
  private RemovePersonDialog() {}

  /** Opens over {@code owner} (modal to it); the dialog owns {@code vm} and disposes it. */
  public static Stage show(Window owner, RemovePersonViewModel vm, ImageLoader images) {
    I18n text = I18n.of(RemovePersonDialog.class);
    Label caption = new Label(vm.caption());
    caption.setWrapText(true);
    ListView<Person> members = new ListView<>(vm.members());
    members.setId("removeMembers");
    members.getStyleClass().add("manage-people");
    members.setCellFactory(v -> new PersonCell(images));
    members.setFixedCellSize(48);
    members.setPrefHeight(Math.min(5, Math.max(2, vm.members().size())) * 48 + 4);
    members.setAccessibleText(vm.caption());
    vm.chosenProperty().bind(members.getSelectionModel().selectedItemProperty());

    DialogShell shell =
        new DialogShell(
            owner,
            "remove",
            text.get("remove.title"),
            380,
            List.of(caption, members),
            vm.errorProperty(),
            vm.busyProperty(),
            vm.doneProperty(),
            () -> {
              vm.chosenProperty().unbind();
              vm.dispose();
            });
    shell.danger(true);
    shell.primary.setText(text.get("remove.confirm"));
    shell.primary.disableProperty().bind(vm.canRemoveProperty().not());
    shell.primary.setOnAction(e -> vm.remove());
    return shell.show(members);
  }
}
