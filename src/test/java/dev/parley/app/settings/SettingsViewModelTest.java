package dev.parley.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.Theme;
import dev.parley.app.notifications.NotificationPrivacy;
import dev.parley.app.notifications.NotificationSettingsStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  /** Tuesday 24 November 2026, 21:15 in Berlin. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T20:15:00Z"), ZONE);

  @TempDir Path config;
  private AppSettingsStore app;
  private NotificationSettingsStore notifications;
  private final AtomicInteger signOuts = new AtomicInteger();
  private SettingsViewModel vm;
  private Locale locale;

  @BeforeEach
  void createViewModel() {
    locale = Locale.getDefault();
    Locale.setDefault(Locale.UK);
    app = new AppSettingsStore(config);
    notifications = new NotificationSettingsStore(config);
    vm = newViewModel();
  }

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(locale);
  }

  private SettingsViewModel newViewModel() {
    return new SettingsViewModel(
        app,
        notifications,
        new SettingsViewModel.Account("Ada Lovelace", "ada@example.org", "https://chat.example"),
        signOuts::incrementAndGet,
        CLOCK);
  }

  @Test
  void showsTheStoredSettings() {
    app.update(s -> s.withTheme(Theme.Mode.DARK).withFontScale(125));
    SettingsViewModel fresh = newViewModel();
    assertThat(fresh.themeProperty().get()).isEqualTo(Theme.Mode.DARK);
    assertThat(fresh.fontScaleProperty().get()).isEqualTo(125);
    assertThat(fresh.sendKeyProperty().get()).isEqualTo(AppSettings.SendKey.ENTER);
    assertThat(fresh.closeToTrayProperty().get()).isTrue();
    assertThat(fresh.notificationsEnabledProperty().get()).isTrue();
    assertThat(fresh.privacyProperty().get()).isEqualTo(NotificationPrivacy.NAME_AND_TEXT);
    assertThat(fresh.doNotDisturbProperty().get()).isFalse();
    assertThat(fresh.account().email()).isEqualTo("ada@example.org");
  }

  @Test
  void everyChoiceIsSavedAtOnce() {
    vm.themeProperty().set(Theme.Mode.LIGHT);
    vm.fontScaleProperty().set(110);
    vm.sendKeyProperty().set(AppSettings.SendKey.CTRL_ENTER);
    vm.closeToTrayProperty().set(false);
    vm.startMinimisedProperty().set(true);
    vm.languageProperty().set(AppSettings.Language.GERMAN);
    vm.privacyProperty().set(NotificationPrivacy.NOTHING);
    vm.soundProperty().set(false);
    vm.notificationsEnabledProperty().set(false);

    assertThat(new AppSettingsStore(config).get())
        .isEqualTo(
            new AppSettings(
                Theme.Mode.LIGHT,
                110,
                AppSettings.SendKey.CTRL_ENTER,
                false,
                true,
                AppSettings.Language.GERMAN));
    NotificationSettingsStore saved = new NotificationSettingsStore(config);
    assertThat(saved.get().privacy()).isEqualTo(NotificationPrivacy.NOTHING);
    assertThat(saved.get().sound()).isFalse();
    assertThat(saved.get().enabled()).isFalse();
  }

  @Test
  void followsChangesMadeElsewhere() {
    app.update(s -> s.withTheme(Theme.Mode.DARK));
    notifications.update(s -> s.withPrivacy(NotificationPrivacy.NAME_ONLY));
    assertThat(vm.themeProperty().get()).isEqualTo(Theme.Mode.DARK);
    assertThat(vm.privacyProperty().get()).isEqualTo(NotificationPrivacy.NAME_ONLY);
  }

  @Test
  void stopsFollowingOnceDisposed() {
    vm.dispose();
    app.update(s -> s.withTheme(Theme.Mode.DARK));
    assertThat(vm.themeProperty().get()).isEqualTo(Theme.Mode.SYSTEM);
  }

  @Test
  void doNotDisturbUntilAnEarlierTimeOfDayEndsTomorrow() {
    vm.doNotDisturbUntilProperty().set(LocalTime.of(8, 0));
    assertThat(notifications.get().doNotDisturbUntil()).isNull();

    vm.doNotDisturbProperty().set(true);
    assertThat(notifications.get().doNotDisturbUntil())
        .isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
    assertThat(vm.doNotDisturbSummaryProperty().get())
        .isEqualTo("No notifications until 08:00 tomorrow.");
  }

  @Test
  void doNotDisturbUntilALaterTimeOfDayEndsToday() {
    vm.doNotDisturbProperty().set(true);
    vm.doNotDisturbUntilProperty().set(LocalTime.of(23, 30));
    assertThat(notifications.get().doNotDisturbUntil())
        .isEqualTo(Instant.parse("2026-11-24T22:30:00Z"));
    assertThat(vm.doNotDisturbSummaryProperty().get())
        .isEqualTo("No notifications until 23:30 today.");

    vm.doNotDisturbProperty().set(false);
    assertThat(notifications.get().doNotDisturbUntil()).isNull();
    assertThat(vm.doNotDisturbSummaryProperty().get()).isEmpty();
  }

  @Test
  void doNotDisturbFromTheTrayShowsItsEnd() {
    notifications.update(s -> s.withDoNotDisturbUntil(Instant.parse("2026-11-24T21:15:00Z")));
    assertThat(vm.doNotDisturbProperty().get()).isTrue();
    assertThat(vm.doNotDisturbUntilProperty().get()).isEqualTo(LocalTime.of(22, 15));
    assertThat(vm.doNotDisturbTimes()).contains(LocalTime.of(22, 15), LocalTime.of(22, 0));
  }

  @Test
  void anExpiredDoNotDisturbShowsAsOff() {
    notifications.update(s -> s.withDoNotDisturbUntil(Instant.parse("2026-11-24T08:00:00Z")));
    assertThat(newViewModel().doNotDisturbProperty().get()).isFalse();
  }

  @Test
  void aNewLanguageAsksForARestartUntilItIsChosenBack() {
    assertThat(vm.restartNeededProperty().get()).isFalse();
    vm.languageProperty().set(AppSettings.Language.GERMAN);
    assertThat(vm.restartNeededProperty().get()).isTrue();
    vm.languageProperty().set(AppSettings.Language.SYSTEM);
    assertThat(vm.restartNeededProperty().get()).isFalse();
  }

  @Test
  void signOutSignsOut() {
    vm.signOut();
    assertThat(signOuts).hasValue(1);
  }

  @Test
  void theHalfHoursAreOffered() {
    assertThat(vm.doNotDisturbTimes())
        .hasSize(48)
        .startsWith(LocalTime.MIDNIGHT)
        .endsWith(LocalTime.of(23, 30));
  }
}
