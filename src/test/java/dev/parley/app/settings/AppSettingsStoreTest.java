package dev.parley.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppSettingsStoreTest {
  @TempDir Path config;

  @Test
  void withoutAFileTheDefaultsHold() {
    assertThat(new AppSettingsStore(config).get()).isEqualTo(AppSettings.defaults());
  }

  @Test
  void settingsSurviveARestart() {
    AppSettingsStore store = new AppSettingsStore(config);
    AppSettings chosen =
        new AppSettings(
            Theme.Mode.DARK,
            125,
            AppSettings.SendKey.CTRL_ENTER,
            false,
            true,
            AppSettings.Language.GERMAN);
    store.update(s -> chosen);
    assertThat(store.get()).isEqualTo(chosen);

    AppSettingsStore afterRestart = new AppSettingsStore(config);
    assertThat(afterRestart.get()).isEqualTo(chosen);
    assertThat(afterRestart.languageAtStart()).isEqualTo(AppSettings.Language.GERMAN);
    assertThat(config.resolve(AppSettingsStore.FILE + ".tmp")).doesNotExist();
  }

  @Test
  void theLanguageOfThisRunStaysWhenTheChoiceChanges() {
    AppSettingsStore store = new AppSettingsStore(config);
    store.update(s -> s.withLanguage(AppSettings.Language.GERMAN));
    assertThat(store.languageAtStart()).isEqualTo(AppSettings.Language.SYSTEM);
  }

  @Test
  void updatesAreAnnouncedOnlyWhenSomethingChanged() {
    AppSettingsStore store = new AppSettingsStore(config);
    List<AppSettings> seen = new ArrayList<>();
    store.settingsProperty().addListener((o, was, now) -> seen.add(now));
    store.update(s -> s.withFontScale(110));
    store.update(s -> s.withFontScale(110));
    assertThat(seen).extracting(AppSettings::fontScale).containsExactly(110);
  }

  @Test
  void aDamagedFileReadsAsDefaults() throws IOException {
    Files.write(config.resolve(AppSettingsStore.FILE), new byte[] {'a', '=', '\\', 'u', '1'});
    assertThat(new AppSettingsStore(config).get()).isEqualTo(AppSettings.defaults());
  }

  @Test
  void aDamagedValueFallsBackToItsDefaultAlone() throws IOException {
    Files.writeString(
        config.resolve(AppSettingsStore.FILE),
        "theme=PURPLE\nfontScale=huge\nsendKey=CTRL_ENTER\ncloseToTray=maybe\n"
            + "startMinimised=true\nlanguage=KLINGON\n");
    assertThat(new AppSettingsStore(config).get())
        .isEqualTo(
            AppSettings.defaults()
                .withSendKey(AppSettings.SendKey.CTRL_ENTER)
                .withStartMinimised(true));
  }

  @Test
  void theTextSizeStaysWithinItsRange() {
    assertThat(AppSettings.defaults().withFontScale(400).fontScale())
        .isEqualTo(AppSettings.MAX_FONT_SCALE);
    assertThat(AppSettings.defaults().withFontScale(10).fontScale())
        .isEqualTo(AppSettings.MIN_FONT_SCALE);
    assertThat(AppSettings.defaults().withFontScale(150).fontSize()).isEqualTo(21.0);
  }

  @Test
  void aChosenLanguageKeepsTheSystemsCountryForDatesAndTimes() {
    Locale germanyEnglish = AppSettings.Language.ENGLISH.locale(Locale.GERMANY);
    assertThat(germanyEnglish.getLanguage()).isEqualTo("en");
    assertThat(germanyEnglish.getCountry()).isEqualTo("DE");
    assertThat(AppSettings.Language.GERMAN.locale(Locale.GERMANY)).isEqualTo(Locale.GERMANY);
    assertThat(AppSettings.Language.SYSTEM.locale(Locale.US)).isEqualTo(Locale.US);
    assertThat(AppSettings.Language.GERMAN.locale(Locale.US).getLanguage()).isEqualTo("de");
  }
}
