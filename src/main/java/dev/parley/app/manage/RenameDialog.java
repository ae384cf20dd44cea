package dev.parley.app.manage;

import dev.parley.app.I18n;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

/** "Rename group": one field, checked as it is typed; Enter renames. */
public final class RenameDialog {
  private RenameDialog() {}

  /** Opens over {@code owner} (modal to it); the dialog owns {@code vm} and disposes it. */
  public static Stage show(Window owner, RenameViewModel vm) {
    I18n text = I18n.of(RenameDialog.class);
    Label label = new Label(text.get("rename.label"));
    label.getStyleClass().add(DialogShell.CAPTION);
    TextField name = new TextField();
    name.setId("renameName");
    name.setPromptText(text.get("rename.prompt"));
    name.setAccessibleText(text.get("rename.label"));
    name.textProperty().bindBidirectional(vm.nameProperty());
    label.setLabelFor(name);
    Label hint = new Label(text.get("rename.hint"));
    hint.getStyleClass().add(DialogShell.HINT);
    hint.setWrapText(true);

    DialogShell shell =
        new DialogShell(
            owner,
            "rename",
            text.get("rename.title"),
            380,
            List.of(label, name, hint),
            vm.errorProperty(),
            vm.busyProperty(),
            vm.doneProperty(),
            vm::dispose);
    shell.danger(false);
    shell
        .primary
        .textProperty()
        .bind(
            Bindings.when(vm.removingProperty())
                .then(text.get("rename.remove"))
                .otherwise(text.get("rename.save")));
    shell.primary.disableProperty().bind(vm.canSaveProperty().not());
    shell.primary.setOnAction(e -> vm.save());
    Stage stage = shell.show(name);
    name.selectAll();
    return stage;
  }
}
