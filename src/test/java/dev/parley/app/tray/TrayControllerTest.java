package dev.parley.app.tray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.FakeUiTimer;
import dev.parley.app.UiDispatcher;
import dev.parley.app.notifications.NotificationSettingsStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tray's logic without a tray (the tests run headless). */
class TrayControllerTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Instant NOW = ZonedDateTime.of(2026, 11, 24, 14, 30, 0, 0, BERLIN).toInstant();

  @TempDir Path config;

  private final SimpleIntegerProperty unread = new SimpleIntegerProperty(0);
  private final FakeUiTimer timer = new FakeUiTimer();
  private final List<Boolean> implicitExit = new ArrayList<>();
  private final Clock clock = Clock.fixed(NOW, BERLIN);

  private TrayController tray(NotificationSettingsStore store) {
    return new TrayController(
        store,
        unread,
        UiDispatcher.currentThread(),
        timer,
        () -> {},
        () -> {},
        clock,
        implicitExit::add,
        Locale.ENGLISH);
  }

  @Test
  void headlessThereIsNoTrayAndClosingTheWindowQuits() {
    TrayController tray = tray(new NotificationSettingsStore(config));
    tray.start();
    assertThat(tray.available()).isFalse();
    assertThat(tray.trayIcon()).isNull();
    tray.closeToTrayProperty().set(false);
    tray.closeToTrayProperty().set(true);
    assertThat(implicitExit).containsOnly(true);
    tray.close();
  }

  @Test
  void doNotDisturbForAnHourUntilTomorrowMorningAndOff() {
    NotificationSettingsStore store = new NotificationSettingsStore(config);
    TrayController tray = tray(store);
    tray.doNotDisturb(DoNotDisturb.ONE_HOUR);
    assertThat(store.get().doNotDisturbUntil()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    tray.doNotDisturb(DoNotDisturb.UNTIL_TOMORROW);
    assertThat(store.get().doNotDisturbUntil())
        .isEqualTo(ZonedDateTime.of(2026, 11, 25, 8, 0, 0, 0, BERLIN).toInstant());
    tray.doNotDisturb(DoNotDisturb.OFF);
    assertThat(store.get().doNotDisturbUntil()).isNull();
    assertThat(new NotificationSettingsStore(config).get().doNotDisturbUntil())
        .as("saved")
        .isNull();
  }

  @Test
  void theMenuAndTooltipSayWhatIsGoingOn() {
    NotificationSettingsStore store = new NotificationSettingsStore(config);
    TrayController tray = tray(store);
    tray.start();
    assertThat(tray.state())
        .isEqualTo(new TrayMenuModel.State(0, "Parley", "Do not disturb", false));
    unread.set(3);
    tray.doNotDisturb(DoNotDisturb.ONE_HOUR);
    TrayMenuModel.State state = tray.state();
    assertThat(state.unread()).isEqualTo(3);
    assertThat(state.doNotDisturbOn()).isTrue();
    // Newer JDKs put a narrow no-break space before "PM".
    assertThat(state.tooltip())
        .matches("Parley — 3 unread — do not disturb until 3:30[ \\u202f]PM");
    assertThat(state.doNotDisturbTitle()).matches("Do not disturb \\(until 3:30[ \\u202f]PM\\)");
    tray.doNotDisturb(DoNotDisturb.UNTIL_TOMORROW);
    assertThat(tray.state().doNotDisturbTitle())
        .matches("Do not disturb \\(until Wed 8:00[ \\u202f]AM\\)");
  }

  @Test
  void theMenuIsRefreshedWhenDoNotDisturbRunsOut() {
    NotificationSettingsStore store = new NotificationSettingsStore(config);
    TrayController tray = tray(store);
    tray.start();
    tray.doNotDisturb(DoNotDisturb.ONE_HOUR);
    assertThat(timer.pending()).isEqualTo(1);
    tray.doNotDisturb(DoNotDisturb.OFF);
    assertThat(timer.pending()).as("the old end is cancelled").isZero();
    tray.close();
  }
}
