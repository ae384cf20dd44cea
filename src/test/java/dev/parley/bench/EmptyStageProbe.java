package dev.parley.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

/** The floor for {@link UiBench}: JVM start to the first pulse that lays out an empty stage. */
public final class EmptyStageProbe {
  private EmptyStageProbe() {}

  public static void main(String[] args) throws Exception {
    CountDownLatch painted = new CountDownLatch(1);
    long[] at = new long[1];
    Platform.startup(
        () -> {
          Stage stage = new Stage();
          Scene scene = new Scene(new Pane(), 1100, 720);
          scene.addPostLayoutPulseListener(
              () -> {
                if (painted.getCount() > 0) {
                  at[0] = System.currentTimeMillis();
                  painted.countDown();
                }
              });
          stage.setScene(scene);
          stage.show();
        });
    painted.await();
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.printf(Locale.ROOT, "empty_stage_painted: %d ms%n", at[0] - jvmStart);
    Platform.exit();
    System.exit(0);
  }
}
