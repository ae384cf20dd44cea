package dev.parley.app.manage;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.parley.app.FakeUiTimer;
import dev.parley.app.FxUiDispatcher;
import dev.parley.app.Snapshots;
import dev.parley.app.Theme;
import dev.parley.app.session.FakeSessionService;
import dev.parley.app.session.PresenceInfo;
import dev.parley.app.session.SystemEvent;
import dev.parley.app.ui.ImageLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The header menu and its dialogs, headless, over the fake session. */
@ExtendWith(ApplicationExtension.class)
class ManageDialogsFxTest {
  private final FakeSessionService session = Fixtures.session();
  private final FakeUiTimer timer = new FakeUiTimer();
  private final SimpleStringProperty open = new SimpleStringProperty("trip");
  private final AtomicReference<String> opened = new AtomicReference<>();
  private MenuButton headerMenu;
  private MenuButton accountMenu;
  private ManageUi manage;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    FxUiDispatcher ui = new FxUiDispatcher();
    ImageLoader images = new ImageLoader(session, ui, Runnable::run, 1 << 20);
    manage = new ManageUi(session, ui, timer, images, opened::set);
    headerMenu = new MenuButton("Conversation");
    headerMenu.setId("conversationMenu");
    accountMenu = new MenuButton("Account");
    accountMenu.setId("accountMenu");
    accountMenu.getItems().addAll(manage.joinByLinkItem(), manage.statusItem());
    manage.attach(headerMenu, open);
    BorderPane root = new BorderPane();
    root.setTop(new HBox(8, accountMenu, headerMenu));
    Scene scene = new Scene(root, 640, 480);
    scene.getStylesheets().add(Theme.appStylesheet());
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void closeDialogs(FxRobot robot) {
    robot.interact(
        () -> {
          for (Window w : Window.getWindows().toArray(new Window[0])) {
            if (w instanceof Stage s && s.getOwner() != null) {
              s.close();
            }
          }
          Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        });
  }

  private void dark(FxRobot robot) {
    robot.interact(
        () -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
    WaitForAsyncUtils.waitForFxEvents();
  }

  private Node dialog(FxRobot robot, String id) {
    WaitForAsyncUtils.waitForFxEvents();
    return robot.lookup("#" + id + "Dialog").query();
  }

  private boolean showing(FxRobot robot, String id) {
    return robot.lookup("#" + id + "Dialog").tryQuery().isPresent();
  }

  @Test
  void renamingFromTheHeaderMenuRenamesAndCloses(FxRobot robot) {
    robot.clickOn("#conversationMenu");
    robot.clickOn("Rename…");
    Node rename = dialog(robot, "rename");
    TextField name = robot.lookup("#renameName").queryAs(TextField.class);
    assertThat(name.getText()).isEqualTo("Trip");

    robot.interact(() -> name.setText("x".repeat(10_000)));
    Label error = robot.lookup("#renameError").queryAs(Label.class);
    assertThat(error.isVisible()).isTrue();
    assertThat(error.getText()).startsWith("A name can be at most");
    assertThat(robot.lookup("#renameConfirm").queryButton().isDisabled()).isTrue();
    Snapshots.save(rename, "manage-rename-error-light");

    robot.interact(name::clear);
    robot.clickOn(name).write("Lisbon 2024");
    Snapshots.save(rename, "manage-rename-light");
    dark(robot);
    Snapshots.save(rename, "manage-rename-dark");
    robot.clickOn("#renameConfirm");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(showing(robot, "rename")).isFalse();
    assertThat(session.managed).containsExactly("rename trip Lisbon 2024");
    assertThat(session.timeline("trip"))
        .anyMatch(i -> i instanceof SystemEvent e && e.kind() == SystemEvent.Kind.RENAME);
  }

  @Test
  void theMenuIsRebuiltFromTheConversationsStateWhenItOpens(FxRobot robot) {
    robot.clickOn("#conversationMenu");
    robot.clickOn("Mute notifications");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(session.conversation("trip").orElseThrow().quiet()).isTrue();
    assertThat(manage.menu().notice().isShowing()).isTrue();
    assertThat(manage.menu().notice().getText()).startsWith("Muted.");
    Snapshots.save(manage.menu().notice().getScene().getRoot(), "manage-notice-light");
    robot.interact(() -> timer.advance(Duration.ofSeconds(5)));
    assertThat(manage.menu().notice().isShowing()).isFalse();

    robot.clickOn("#conversationMenu");
    assertThat(headerMenu.getItems())
        .extracting(MenuItem::getText)
        .contains("Unmute notifications");
    robot.clickOn("Unmute notifications");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(session.conversation("trip").orElseThrow().quiet()).isFalse();

    robot.interact(() -> open.set("chat"));
    assertThat(headerMenu.getItems())
        .extracting(MenuItem::getText)
        .doesNotContain("Leave group…", "Remove someone…", "Rename…")
        .contains("Delete conversation…");
    robot.interact(() -> open.set(null));
    assertThat(headerMenu.isDisabled()).isTrue();
  }

  @Test
  void addPeopleDialogSearchesAndAdds(FxRobot robot) {
    robot.clickOn("#conversationMenu");
    robot.clickOn("Add people…");
    Node add = dialog(robot, "add");
    robot.clickOn("#addQuery").write("zelda");
    robot.interact(() -> timer.advance(Duration.ofMillis(300)));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup(".list-view .placeholder .label").tryQuery()).isPresent();
    Snapshots.save(add, "manage-add-none-light");

    robot.interact(() -> robot.lookup("#addQuery").queryAs(TextField.class).clear());
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("Carol Diaz");
    WaitForAsyncUtils.waitForFxEvents();
    Snapshots.save(add, "manage-add-light");
    dark(robot);
    Snapshots.save(add, "manage-add-dark");
    robot.clickOn("#addConfirm");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(showing(robot, "add")).isFalse();
    assertThat(session.managed).containsExactly("add trip carol");
  }

  @Test
  void leavingAsksAndAFailureStaysInTheDialog(FxRobot robot) {
    session.failManagement = new dev.parley.client.NetworkException("down");
    robot.clickOn("#conversationMenu");
    robot.clickOn("Leave group…");
    Node confirm = dialog(robot, "confirm");
    robot.clickOn("#confirmConfirm");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(showing(robot, "confirm")).isTrue();
    assertThat(robot.lookup("#confirmError").queryAs(Label.class).getText())
        .startsWith("Cannot reach the server");
    Snapshots.save(confirm, "manage-leave-error-light");
    dark(robot);
    Snapshots.save(confirm, "manage-leave-error-dark");

    session.failManagement = null;
    robot.clickOn("#confirmConfirm");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(showing(robot, "confirm")).isFalse();
    assertThat(session.conversation("trip")).isEmpty();
  }

  @Test
  void theProfileCardOpensTheOneToOneAndTheStatusDialogSaves(FxRobot robot) {
    session.setPresence("carol", new PresenceInfo(true, Instant.now(), "Climbing this weekend"));
    robot.interact(() -> open.set("chat"));
    robot.clickOn("#conversationMenu");
    robot.clickOn("View profile…");
    WaitForAsyncUtils.waitForFxEvents();
    Node card = robot.lookup("#profileCard").query();
    assertThat(robot.lookup("#profilePresence").queryAs(Label.class).getText()).isEqualTo("Online");
    WaitForAsyncUtils.sleep(600, java.util.concurrent.TimeUnit.MILLISECONDS); // the fade-in
    Snapshots.save(card.getScene().getRoot(), "manage-profile-light");
    dark(robot);
    Snapshots.save(card.getScene().getRoot(), "manage-profile-dark");
    robot.clickOn("#profileMessage");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(opened.get()).isNotNull();
    assertThat(session.created).containsExactly(java.util.List.of("carol"));

    robot.clickOn("#accountMenu");
    robot.clickOn("Set status…");
    Node status = dialog(robot, "status");
    robot.clickOn("#statusMessage").write("In a meeting");
    robot.clickOn("#statusBusy");
    Snapshots.save(status, "manage-status-dark");
    robot.clickOn("#statusConfirm");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(showing(robot, "status")).isFalse();
    assertThat(session.managed).containsExactly("status In a meeting", "available false");
  }

  @Test
  void joiningByABadLinkSaysSoAndAGoodOneOpensTheGroup(FxRobot robot) {
    session.putJoinable(Fixtures.sharing(Fixtures.summary("club", "Book club", true)));
    robot.clickOn("#accountMenu");
    robot.clickOn("Join by link…");
    Node join = dialog(robot, "join");
    robot.clickOn("#joinLink").write("https://example.org/invite/abc");
    robot.clickOn("#joinConfirm");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#joinError").queryAs(Label.class).getText())
        .startsWith("That isn’t a group link");
    Snapshots.save(join, "manage-join-error-light");

    TextField link = robot.lookup("#joinLink").queryAs(TextField.class);
    robot.interact(() -> link.setText(FakeSessionService.joinLink("club")));
    robot.clickOn("#joinConfirm");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(showing(robot, "join")).isFalse();
    assertThat(opened.get()).isEqualTo("club");
  }
}
