package dev.parley.app.e2e;

import static dev.parley.app.e2e.AppWindow.lookup;
import static dev.parley.app.e2e.AppWindow.messages;
import static dev.parley.app.e2e.AppWindow.ownMessage;
import static dev.parley.app.e2e.AppWindow.rows;
import static dev.parley.app.e2e.AppWindow.scene;
import static dev.parley.app.e2e.AppWindow.timelineContains;
import static dev.parley.app.e2e.AppWindow.unread;
import static dev.parley.app.e2e.Waits.onFx;
import static dev.parley.app.e2e.Waits.untilFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.ParleyApp;
import dev.parley.app.Snapshots;
import dev.parley.app.session.SendState;
import dev.parley.server.storage.Account;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A later start paints the conversation list saved at the last run before signing in finishes, also
 * when the server cannot be reached; what is written meanwhile is sent once it can.
 */
class SavedListStartTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private LiveServer server;
  private LibraryUser alice;
  private Application app;
  private final FxRobot robot = new FxRobot();
  private String oneToOne;
  private Path home;

  @BeforeEach
  void startServerAndSeed() throws Exception {
    server = new LiveServer(dir.resolve("server"));
    Account sam = server.createAccount("sam@parley.test", "Sam Taylor");
    server.createAccount("alice@parley.test", "Alice Ng");
    alice = new LibraryUser(server.url(), "alice@parley.test", dir.resolve("tokens"));
    oneToOne = alice.oneToOne(sam.id());
    alice.send(oneToOne, "hello 1");
    alice.send(oneToOne, "hello 2");
    home = dir.resolve("home");
    TestAccounts.signedInEarlier(server.url(), "sam@parley.test", home);
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void stopEverything() throws Exception {
    stopApp();
    FxToolkit.cleanupStages();
    if (alice != null) {
      alice.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theSavedListShowsWhileTheServerIsDownAndWhatIsWrittenIsSentOnceItIsBack() throws Exception {
    // The first start signs in silently; the list is saved when the app stops.
    startApp();
    untilFx(WAIT, "listed from the server", () -> unread("Alice Ng") == 2);
    untilFx(WAIT, "the list at its default width", () -> Math.abs(listWidth() - 320) < 1);
    // The list is made wider by dragging the divider; the next start remembers it.
    robot.drag(lookup(".split-pane-divider").orElseThrow()).dropBy(80, 0);
    double widened = onFx(this::listWidth);
    assertThat(widened).isGreaterThan(380);
    stopApp();
    assertThat(home.resolve("data").resolve("conversation-list.bin")).isRegularFile();

    server.stop();
    startApp();
    untilFx(WAIT, "the saved list shown", () -> unread("Alice Ng") == 2);
    untilFx(WAIT, "the list as wide as it was", () -> Math.abs(listWidth() - widened) < 1);
    untilFx(WAIT, "told it is reconnecting", () -> bannerText().startsWith("Reconnecting"));
    Snapshots.save(scene().getRoot(), "e2e-saved-list-offline");

    AppWindow.open("Alice Ng", WAIT);
    robot.clickOn("#composerInput").write("written while away").type(KeyCode.ENTER);
    untilFx(
        WAIT,
        "shown as pending",
        () ->
            ownMessage("written while away")
                .map(m -> m.state() == SendState.PENDING)
                .orElse(false));

    server.start();
    alice.send(oneToOne, "back again");
    robot.clickOn("#retryNow");
    untilFx(WAIT, "the timeline read from the server", () -> timelineContains("back again"));
    untilFx(
        WAIT,
        "the message sent",
        () -> ownMessage("written while away").map(m -> m.state() == SendState.SENT).orElse(false));
    Waits.until(WAIT, "alice got it", () -> alice.received.contains("written while away"));
    untilFx(WAIT, "the list from the server", () -> rows().get(0).title().equals("Alice Ng"));
    assertThat(onFx(() -> lookup("#connectionBanner").orElseThrow().isVisible())).isFalse();
    assertThat(alice.received.stream().filter("written while away"::equals)).hasSize(1);
    assertThat(onFx(() -> ownMessages("written while away"))).isEqualTo(1);
  }

  // ---- set-up ----

  private void startApp() throws Exception {
    app = FxToolkit.setupApplication(ParleyApp.class, "--home", home.toString());
    untilFx(WAIT, "conversation list", () -> lookup("#conversationList").isPresent());
  }

  private void stopApp() throws Exception {
    if (app != null) {
      FxToolkit.cleanupApplication(app);
      app = null;
    }
  }

  private double listWidth() {
    javafx.scene.control.SplitPane split =
        (javafx.scene.control.SplitPane) lookup(".split-pane").orElseThrow();
    return split.getDividerPositions()[0] * split.getWidth();
  }

  private String bannerText() {
    return lookup("#connectionBanner").filter(Node::isVisible).isPresent()
        ? ((Label) lookup("#connectionMessage").orElseThrow()).getText()
        : "";
  }

  private long ownMessages(String text) {
    return messages().stream().filter(m -> m.own() && m.plainText().equals(text)).count();
  }
}
