package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SmokeFxTest {
  private Button button;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    button = new Button("Hello");
    button.setOnAction(e -> button.setText("Clicked"));
    stage.setScene(new Scene(new VBox(button), 300, 200));
    stage.show();
  }

  @Test
  void clickingTheButtonChangesItsText(FxRobot robot) {
    robot.clickOn(button);
    assertThat(button.getText()).isEqualTo("Clicked");
    assertThat(Snapshots.save(button.getScene().getRoot(), "smoke")).exists();
  }
}
