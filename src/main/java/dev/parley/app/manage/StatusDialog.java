package dev.parley.app.manage;

import dev.parley.app.I18n;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** "Set status": the status message and Available or Busy. */
public final class StatusDialog {
  private StatusDialog() {}

  /** Opens over {@code owner} (modal to it); the dialog owns {@code vm} and disposes it. */
  public static Stage show(Window owner, StatusViewModel vm) {
    I18n text = I18n.of(StatusDialog.class);
    Label label = new Label(text.get("status.label"));
    label.getStyleClass().add(DialogShell.CAPTION);
    TextField message = new TextField();
    message.setId("statusMessage");
    message.setPromptText(text.get("status.prompt"));
    message.setAccessibleText(text.get("status.label"));
    message.textProperty().bindBidirectional(vm.messageProperty());
    label.setLabelFor(message);
    Label hint = new Label(text.get("status.hint"));
    hint.getStyleClass().add(DialogShell.HINT);
    hint.setWrapText(true);

    ToggleGroup group = new ToggleGroup();
    RadioButton available = new RadioButton(text.get("status.available"));
    available.setId("statusAvailable");
    available.setToggleGroup(group);
    RadioButton busy = new RadioButton(text.get("status.busy"));
    busy.setId("statusBusy");
    busy.setToggleGroup(group);
    available.selectedProperty().bindBidirectional(vm.availableProperty());
    busy.setSelected(!vm.availableProperty().get());
    vm.availableProperty().addListener((obs, was, now) -> busy.setSelected(!now));
    VBox choices = new VBox(8, available, busy);

    DialogShell shell =
        new DialogShell(
            owner,
            "status",
            text.get("status.title"),
            400,
            List.of(label, message, hint, choices),
            vm.errorProperty(),
            vm.busyProperty(),
            vm.doneProperty(),
            vm::dispose);
    shell.danger(false);
    shell.primary.setText(text.get("status.save"));
    shell.primary.disableProperty().bind(vm.canSaveProperty().not());
    shell.primary.setOnAction(e -> vm.save());
    return shell.show(message);
  }
}
