package dev.parley.app.manage;

import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A question before leaving, deleting or turning history off; the failure stays in it. */
public final class ConfirmDialog {
  private ConfirmDialog() {}

  /** Opens over {@code owner} (modal to it); the dialog owns {@code vm} and disposes it. */
  public static Stage show(Window owner, ConfirmViewModel vm) {
    Label message = new Label(vm.message());
    message.setId("confirmMessage");
    message.setWrapText(true);
    message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    DialogShell shell =
        new DialogShell(
            owner,
            "confirm",
            vm.title(),
            400,
            List.of(message),
            vm.errorProperty(),
            vm.busyProperty(),
            vm.doneProperty(),
            vm::dispose);
    shell.danger(vm.danger());
    shell.primary.setText(vm.confirmLabel());
    shell.primary.disableProperty().bind(vm.canConfirmProperty().not());
    shell.primary.setOnAction(e -> vm.confirm());
    return shell.show(null);
  }
}
