package dev.parley.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.parley.app.Snapshots;
import dev.parley.app.Theme;
import dev.parley.app.notifications.NotificationSettingsStore;
import dev.parley.app.shortcuts.ShortcutSheet;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.RadioButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SettingsWindowTest {
  @TempDir Path config;
  private Stage owner;
  private final AtomicReference<Stage> window = new AtomicReference<>();
  private Appearance appearance;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    owner = stage;
    Scene scene = new Scene(new StackPane(), 600, 400);
    scene.getStylesheets().add(Theme.appStylesheet());
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void closeAndLightAgain(FxRobot robot) {
    robot.interact(
        () -> {
          if (window.get() != null) {
            window.get().close();
          }
          if (appearance != null) {
            appearance.stop();
          }
          Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        });
  }

  @Test
  void choosingDarkSwitchesTheThemeAndSavesIt(FxRobot robot) {
    AppSettingsStore store = new AppSettingsStore(config);
    store.update(s -> s.withTheme(Theme.Mode.LIGHT));
    Theme theme = new Theme(false);
    robot.interact(
        () -> {
          appearance = Appearance.follow(store, theme);
          window.set(
              SettingsWindow.show(
                  owner,
                  new SettingsViewModel(
                      store,
                      new NotificationSettingsStore(config),
                      new SettingsViewModel.Account(
                          "Ada Lovelace", "ada@example.org", "https://chat.example.org"),
                      () -> {},
                      Clock.systemDefaultZone())));
        });
    assertThat(robot.lookup("#settingsAccountEmail").queryLabeled().getText())
        .isEqualTo("ada@example.org");

    robot.clickOn("Appearance");
    WaitForAsyncUtils.waitForFxEvents();
    RadioButton light = robot.lookup("#settingsTheme_LIGHT").queryAs(RadioButton.class);
    assertThat(light.isSelected()).isTrue();
    Snapshots.save(window.get().getScene().getRoot(), "settings-light");

    robot.clickOn("#settingsTheme_DARK");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(theme.dark()).isTrue();
    assertThat(Application.getUserAgentStylesheet())
        .isEqualTo(new PrimerDark().getUserAgentStylesheet());
    assertThat(store.get().theme()).isEqualTo(Theme.Mode.DARK);
    assertThat(new AppSettingsStore(config).get().theme()).isEqualTo(Theme.Mode.DARK);
    Snapshots.save(window.get().getScene().getRoot(), "settings-dark");

    robot.interact(() -> store.update(s -> s.withFontScale(125)));
    assertThat(window.get().getScene().getRoot().getStyle()).contains("-fx-font-size: 17.5px");
    assertThat(owner.getScene().getRoot().getStyle()).contains("-fx-font-size: 17.5px");

    robot.clickOn("Notifications");
    WaitForAsyncUtils.waitForFxEvents();
    Snapshots.save(window.get().getScene().getRoot(), "settings-notifications-dark");

    robot.type(javafx.scene.input.KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window.get().isShowing()).isFalse();
  }

  @Test
  void theShortcutSheetListsTheShortcuts(FxRobot robot) {
    robot.interact(() -> window.set(ShortcutSheet.show(owner, false)));
    assertThat(robot.lookup(".shortcut-keys").queryAll()).hasSizeGreaterThan(10);
    Snapshots.save(window.get().getScene().getRoot(), "shortcuts-light");
    robot.type(javafx.scene.input.KeyCode.ESCAPE);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window.get().isShowing()).isFalse();
  }
}
