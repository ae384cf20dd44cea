package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PulseTimerGateTest {
  /** Records what the gate asks of the timer. */
  static final class RecordingPulseTimer implements PulseTimerGate.PulseTimer {
    final List<Boolean> asked = new ArrayList<>();

    @Override
    public void setRunning(boolean running) {
      asked.add(running);
    }

    boolean running() {
      return asked.get(asked.size() - 1);
    }
  }

  private final RecordingPulseTimer timer = new RecordingPulseTimer();
  // Stands in for Window.getWindows(), which lists the windows showing.
  private final ObservableList<Window> showing = FXCollections.observableArrayList();

  @Test
  void theTimerRunsOnlyWhileSomeWindowIsOnScreen() {
    Stage main = onFx(() -> shown(new Stage()));
    PulseTimerGate gate = onFx(() -> new PulseTimerGate(timer, showing));
    assertThat(timer.running()).isTrue();

    onFx(() -> setIconified(main, true));
    assertThat(timer.running()).as("minimised").isFalse();
    onFx(() -> setIconified(main, false));
    assertThat(timer.running()).as("restored").isTrue();

    Stage viewer = onFx(() -> shown(new Stage()));
    onFx(() -> hidden(main));
    assertThat(timer.running()).as("another window still shows").isTrue();
    onFx(() -> hidden(viewer));
    assertThat(timer.running()).as("all hidden, as in the tray").isFalse();

    onFx(() -> shown(main));
    assertThat(timer.running()).as("brought back from the tray").isTrue();
    onFx(() -> hidden(main));
    onFx(
        () -> {
          gate.close();
          return null;
        });
    assertThat(timer.running()).as("left running as JavaFX expects").isTrue();
    int asked = timer.asked.size();
    onFx(() -> shown(main));
    onFx(() -> hidden(main));
    assertThat(timer.asked).as("no longer watching").hasSize(asked);
  }

  @Test
  void reachesThisJavaFxsPulseTimer() {
    // A canary for JavaFX upgrades: the gate reaches into the toolkit by reflection.
    Optional<PulseTimerGate> gate = onFx(PulseTimerGate::forToolkit);
    assertThat(gate).isPresent();
    onFx(
        () -> {
          gate.get().close();
          return null;
        });
  }

  private Stage shown(Stage stage) {
    if (stage.getScene() == null) {
      stage.setScene(new Scene(new Pane(), 200, 100));
    }
    stage.show();
    showing.add(stage);
    return stage;
  }

  private Stage hidden(Stage stage) {
    stage.hide();
    showing.remove(stage);
    return stage;
  }

  private Stage setIconified(Stage stage, boolean iconified) {
    stage.setIconified(iconified);
    return stage;
  }

  private static <T> T onFx(Callable<T> task) {
    return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(task));
  }
}
