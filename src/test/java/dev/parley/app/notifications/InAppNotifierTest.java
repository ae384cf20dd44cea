package dev.parley.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.FxUiDispatcher;
import dev.parley.app.Snapshots;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class InAppNotifierTest {
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(new Scene(new StackPane(new Label("the app")), 800, 600));
    stage.setX(0);
    stage.setY(0);
    stage.show();
  }

  @Test
  void thePopupAppearsTopRightAndAClickOpensTheConversation(FxRobot robot) throws Exception {
    InAppNotifier notifier = new InAppNotifier(new FxUiDispatcher(), () -> stage);
    List<String> opened = new CopyOnWriteArrayList<>();
    notifier.onActivated(opened::add);
    notifier.show(new Notification("trip", "Bob Brown in Trip", "Tickets are booked", null, true));

    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> robot.lookup("Tickets are booked").tryQuery().isPresent());
    Node text = robot.lookup("Tickets are booked").query();
    assertThat(text.getScene().getWindow()).as("a popup of its own").isNotSameAs(stage);
    // Top right: clear of the composer at the bottom.
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> !Double.isNaN(text.getScene().getWindow().getY()));
    WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS); // the slide-in
    Bounds onScreen = text.localToScreen(text.getBoundsInLocal());
    assertThat(onScreen.getCenterX()).isGreaterThan(stage.getX() + stage.getWidth() / 2);
    assertThat(onScreen.getCenterY()).isLessThan(stage.getY() + stage.getHeight() / 2);
    Snapshots.save(text.getScene().getRoot(), "in-app-notification");

    robot.clickOn(text);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !opened.isEmpty());
    assertThat(opened).containsExactly("trip");
  }

  @Test
  void nothingShowsWhileTheWindowIsHidden(FxRobot robot) throws Exception {
    robot.interact(stage::hide);
    new InAppNotifier(new FxUiDispatcher(), () -> stage)
        .show(new Notification("trip", "Bob", "Hidden away", null, true));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("Hidden away").tryQuery()).isEmpty();
  }
}
