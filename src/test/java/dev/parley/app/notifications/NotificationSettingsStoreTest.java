package dev.parley.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotificationSettingsStoreTest {
  @TempDir Path config;

  @Test
  void withoutAFileTheDefaultsHold() {
    assertThat(new NotificationSettingsStore(config).get())
        .isEqualTo(NotificationSettings.defaults());
  }

  @Test
  void changesAreSavedAndReadBackByTheNextStart() {
    NotificationSettingsStore store = new NotificationSettingsStore(config);
    Instant until = Instant.parse("2026-11-25T08:00:00Z");
    store.update(
        s ->
            s.withPrivacy(NotificationPrivacy.NAME_ONLY)
                .withSound(false)
                .withDoNotDisturbUntil(until));
    assertThat(store.settingsProperty().get().privacy()).isEqualTo(NotificationPrivacy.NAME_ONLY);
    NotificationSettings again = new NotificationSettingsStore(config).get();
    assertThat(again)
        .isEqualTo(new NotificationSettings(true, NotificationPrivacy.NAME_ONLY, false, until));
    store.update(s -> s.withDoNotDisturbUntil(null).withEnabled(false));
    assertThat(new NotificationSettingsStore(config).get())
        .isEqualTo(new NotificationSettings(false, NotificationPrivacy.NAME_ONLY, false, null));
  }

  @Test
  void aDamagedFileReadsAsDefaultsWhereItIsDamaged() throws IOException {
    Files.writeString(
        config.resolve(NotificationSettingsStore.FILE),
        "enabled=false\nprivacy=SHOUTING\ndoNotDisturbUntil=tomorrow\n");
    NotificationSettings s = new NotificationSettingsStore(config).get();
    assertThat(s.enabled()).isFalse();
    assertThat(s.privacy()).isEqualTo(NotificationPrivacy.NAME_AND_TEXT);
    assertThat(s.doNotDisturbUntil()).isNull();
    assertThat(s.sound()).isTrue();
  }

  @Test
  void aSaveThatFailsKeepsTheChangeForThisRun() throws IOException {
    Path notADirectory = config.resolve("file");
    Files.writeString(notADirectory, "x");
    NotificationSettingsStore store = new NotificationSettingsStore(notADirectory);
    store.update(s -> s.withEnabled(false));
    assertThat(store.get().enabled()).isFalse();
  }
}
