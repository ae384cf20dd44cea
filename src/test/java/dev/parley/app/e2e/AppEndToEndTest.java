package dev.parley.app.e2e;

import static dev.parley.app.e2e.AppWindow.lookup;
import static dev.parley.app.e2e.AppWindow.ownMessage;
import static dev.parley.app.e2e.AppWindow.rows;
import static dev.parley.app.e2e.AppWindow.scene;
import static dev.parley.app.e2e.AppWindow.timeline;
import static dev.parley.app.e2e.AppWindow.timelineContains;
import static dev.parley.app.e2e.AppWindow.unread;
import static dev.parley.app.e2e.Waits.onFx;
import static dev.parley.app.e2e.Waits.untilFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.ParleyApp;
import dev.parley.app.Snapshots;
import dev.parley.app.conversation.TimelineRow;
import dev.parley.app.session.SendState;
import dev.parley.server.storage.Account;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The whole app, headless, against a real server on loopback: signing in through the welcome
 * screen, unread counts, sending with markup, another person's messages and pictures arriving,
 * older history, and the server disappearing and coming back while the user writes.
 */
class AppEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private LiveServer server;
  private LibraryUser alice;
  private LibraryUser bob;
  private Application app;
  private final FxRobot robot = new FxRobot();
  private String oneToOne;
  private String team;
  private String samId;
  private String carolId;

  @BeforeEach
  void startServerAndSeed() throws Exception {
    server = new LiveServer(dir.resolve("server"));
    Account sam = server.createAccount("sam@parley.test", "Sam Taylor");
    Account ann = server.createAccount("alice@parley.test", "Alice Ng");
    Account bert = server.createAccount("bob@parley.test", "Bob Stone");
    carolId = server.createAccount("carol@parley.test", "Carol Reed").id();
    samId = sam.id();
    alice = new LibraryUser(server.url(), "alice@parley.test", dir.resolve("tokens"));
    bob = new LibraryUser(server.url(), "bob@parley.test", dir.resolve("tokens"));
    oneToOne = alice.oneToOne(sam.id());
    for (int i = 1; i <= 3; i++) {
      alice.send(oneToOne, "hello " + i);
    }
    team = bob.group("Team", List.of(sam.id(), ann.id()));
    for (int i = 1; i <= 120; i++) {
      bob.send(team, "history " + i);
    }
    bob.send(team, "newest team message");
    alice.send(oneToOne, "last one from alice");

    FxToolkit.registerPrimaryStage();
    app = FxToolkit.setupApplication(ParleyApp.class, "--home", dir.resolve("home").toString());
  }

  @AfterEach
  void stopEverything() throws Exception {
    if (app != null) {
      FxToolkit.cleanupApplication(app);
      FxToolkit.cleanupStages();
    }
    if (alice != null) {
      alice.close();
    }
    if (bob != null) {
      bob.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aPersonSignsInChatsAndLosesNoWordWhenTheServerGoesAway() throws Exception {
    signInThroughTheWelcomeScreen();
    Snapshots.save(scene().getRoot(), "e2e-main-window");

    // The list shows both conversations with their unread counts, newest first.
    untilFx(WAIT, "both conversations listed", () -> rows().size() == 2);
    untilFx(WAIT, "unread counts counted", () -> unread("Alice Ng") == 4 && unread("Team") >= 50);
    assertThat(onFx(() -> rows().get(0).title())).isEqualTo("Alice Ng");

    // Open the one-to-one, send markup: it shows bold at once and becomes sent.
    open("Alice Ng");
    typeAndSend("**hi** there");
    untilFx(
        WAIT,
        "own message sent",
        () -> ownMessage("hi there").filter(m -> m.state() == SendState.SENT).isPresent());
    untilFx(WAIT, "'hi' rendered bold", () -> boldTextShown("hi"));
    Waits.until(WAIT, "alice received it", () -> alice.received.contains("hi there"));
    untilFx(WAIT, "opening and answering marks it read", () -> unread("Alice Ng") == 0);

    // Another person writes in the other conversation: its badge grows and it moves to the top.
    alice.send(team, "ping from alice");
    untilFx(WAIT, "team moves to the top", () -> rows().get(0).title().equals("Team"));
    untilFx(WAIT, "team badge grows", () -> unread("Team") >= 51);

    // A picture from the other person appears as a thumbnail.
    alice.sendImage(oneToOne, png(), "look");
    untilFx(WAIT, "thumbnail loaded", this::thumbnailShown);
    Snapshots.save(scene().getRoot(), "e2e-conversation-with-image");

    // Scrolling to the top of a long conversation loads older messages.
    open("Team");
    untilFx(WAIT, "team timeline shown", () -> timelineContains("newest team message"));
    int before = onFx(() -> timeline().getItems().size());
    for (int i = 0; i < 20 && !onFx(() -> timelineContains("history 1")); i++) {
      onFx(
          () -> {
            timeline().scrollTo(0);
            return null;
          });
      untilFx(
          WAIT,
          "more rows or the start",
          () -> timeline().getItems().size() > before || timelineContains("history 1"));
    }
    untilFx(WAIT, "the first message of the history", () -> timelineContains("history 1"));

    // The server goes away: the banner says so; a message written meanwhile is delivered once.
    open("Alice Ng");
    server.stop();
    untilFx(
        WAIT,
        "connection banner shown",
        () -> lookup("#connectionBanner").map(Node::isVisible).orElse(false));
    Snapshots.save(scene().getRoot(), "e2e-offline");
    typeAndSend("written while offline");
    untilFx(WAIT, "pending while offline", () -> ownMessage("written while offline").isPresent());
    server.start();
    untilFx(
        Duration.ofSeconds(90),
        "banner hidden again",
        () -> !lookup("#connectionBanner").map(Node::isVisible).orElse(true));
    untilFx(
        WAIT,
        "offline message sent",
        () ->
            ownMessage("written while offline")
                .filter(m -> m.state() == SendState.SENT)
                .isPresent());
    Waits.until(WAIT, "alice got it", () -> alice.received.contains("written while offline"));
    // Give a duplicate every chance to show up before counting.
    alice.send(oneToOne, "sync point");
    untilFx(WAIT, "sync point arrived", () -> timelineContains("sync point"));
    assertThat(alice.received.stream().filter("written while offline"::equals).count())
        .isEqualTo(1);
    assertThat(
            onFx(
                () ->
                    timeline().getItems().stream()
                        .filter(
                            r ->
                                r instanceof TimelineRow.Message m
                                    && m.message().plainText().equals("written while offline"))
                        .count()))
        .isEqualTo(1);
  }

  // ---- steps ----

  @Test
  void theTeamIsManagedFromItsMenuAndTheOthersSeeEveryChange() throws Exception {
    signInThroughTheWelcomeScreen();
    untilFx(WAIT, "both conversations listed", () -> rows().size() == 2);
    open("Team");

    // Rename: Bob sees it, the header and the timeline say so.
    robot.clickOn("#conversationMenu");
    robot.clickOn("Rename…");
    TextField name = robot.lookup("#renameName").queryAs(TextField.class);
    robot.interact(name::clear);
    robot.clickOn(name).write("Weekend crew");
    robot.clickOn("#renameConfirm");
    Waits.until(
        WAIT, "bob sees the rename", () -> bob.changes.contains("rename Team → Weekend crew"));
    untilFx(WAIT, "the header follows", () -> title().equals("Weekend crew"));
    untilFx(WAIT, "a rename line", () -> systemLineContains("Weekend crew"));

    // Add people: search, pick, add; Bob sees Carol join.
    robot.clickOn("#conversationMenu");
    robot.clickOn("Add people…");
    robot.clickOn("#addQuery").write("Carol");
    robot.clickOn(searchResult("Carol Reed"));
    robot.clickOn("#addConfirm");
    Waits.until(
        WAIT, "bob sees carol join", () -> bob.changes.contains("join " + team + " " + carolId));
    try {
      untilFx(WAIT, "a join line", () -> systemLineContains("Carol"));
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage() + "; the system lines: " + onFx(this::systemLines), e);
    }

    // Leave: confirmed, Bob sees Sam go, the group leaves the list.
    robot.clickOn("#conversationMenu");
    robot.clickOn("Leave group…");
    robot.clickOn("#confirmConfirm");
    Waits.until(
        WAIT, "bob sees sam leave", () -> bob.changes.contains("leave " + team + " " + samId));
    untilFx(
        WAIT,
        "the group leaves the list",
        () -> rows().stream().noneMatch(r -> r.title().equals("Weekend crew")));

    // Join by link: Bob shares the group's link; Sam pastes it and is back in.
    String link = bob.shareLink(team);
    robot.clickOn("#accountMenu");
    robot.clickOn("Join by link…");
    robot.clickOn("#joinLink").write(link);
    robot.clickOn("#joinConfirm");
    Waits.until(
        WAIT, "bob sees sam join", () -> bob.changes.contains("join " + team + " " + samId));
    untilFx(WAIT, "the group is open again", () -> title().equals("Weekend crew"));
    untilFx(WAIT, "at its newest row", this::newestRowInSight);
    Snapshots.save(scene().getRoot(), "e2e-managed");
  }

  private boolean newestRowInSight() {
    var flow = (javafx.scene.control.skin.VirtualFlow<?>) timeline().lookup(".virtual-flow");
    var last = flow == null ? null : flow.getLastVisibleCell();
    return last != null && last.getIndex() == timeline().getItems().size() - 1;
  }

  private String title() {
    return lookup("#conversationTitle").map(n -> ((Label) n).getText()).orElse("");
  }

  private List<String> systemLines() {
    return timeline().getItems().stream()
        .filter(r -> r instanceof TimelineRow.SystemLine)
        .map(r -> ((TimelineRow.SystemLine) r).text())
        .toList();
  }

  private boolean systemLineContains(String text) {
    return timeline().getItems().stream()
        .anyMatch(r -> r instanceof TimelineRow.SystemLine l && l.text().contains(text));
  }

  private void signInThroughTheWelcomeScreen() throws Exception {
    untilFx(WAIT, "welcome screen", () -> lookup("#chooseConnect").isPresent());
    robot.clickOn("#chooseConnect");
    untilFx(WAIT, "connect form", () -> lookup("#serverField").isPresent());
    robot.clickOn("#serverField").write(server.url());
    robot.clickOn("#emailField").write("sam@parley.test");
    robot.clickOn("#passwordField").write(dev.parley.server.testing.ServerFixture.PASSWORD);
    Snapshots.save(scene().getRoot(), "e2e-sign-in");
    robot.clickOn("#submitButton");
    untilFx(WAIT, "conversation list", () -> lookup("#conversationList").isPresent());
  }

  private void open(String title) throws Exception {
    AppWindow.open(title, WAIT);
  }

  /**
   * The node showing {@code name}, looked up on the FX thread: results replaced while a robot walks
   * the scene graph from the test thread can leave it holding nodes that were just detached.
   */
  private Node searchResult(String name) throws InterruptedException {
    Node[] found = new Node[1];
    untilFx(
        WAIT,
        name + " found",
        () -> {
          found[0] =
              robot
                  .lookup(name)
                  .match(n -> n.getScene() != null && n.isVisible())
                  .tryQuery()
                  .orElse(null);
          return found[0] != null;
        });
    return found[0];
  }

  private void typeAndSend(String text) {
    robot.clickOn("#composerInput").write(text).type(KeyCode.ENTER);
  }

  // ---- reading the window ----

  private boolean boldTextShown(String word) {
    return timeline().lookupAll("Text").stream()
        .anyMatch(
            n ->
                n instanceof Text t
                    && t.getText().equals(word)
                    && t.getFont().getStyle().toLowerCase().contains("bold"));
  }

  private boolean thumbnailShown() {
    return timeline().lookupAll("ImageView").stream()
        .anyMatch(
            n ->
                n instanceof ImageView v
                    && v.getImage() != null
                    && v.getImage().getWidth() > 1
                    && v.isVisible());
  }

  private static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(java.awt.Color.ORANGE);
    g.fillRect(0, 0, 64, 48);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
