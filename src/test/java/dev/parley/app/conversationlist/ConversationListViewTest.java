package dev.parley.app.conversationlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.parley.app.FakeUiTimer;
import dev.parley.app.FxUiDispatcher;
import dev.parley.app.Snapshots;
import dev.parley.app.Theme;
import dev.parley.app.UiDispatcher;
import dev.parley.app.session.ConversationSummary;
import dev.parley.app.session.FakeSessionService;
import dev.parley.app.session.Person;
import dev.parley.app.ui.ImageLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ConversationListViewTest {
  static final Instant NOW = Instant.parse("2026-11-24T14:30:00Z");
  static final Person ME = FakeSessionService.SELF;
  static final Person ALICE = person("alice", "Alice Martin", null);
  static final Person BOB = person("bob", "Bob Chen", null);
  static final Person ZOE = person("zoe", "Zoë Roux", "http://test/zoe.png");
  static final Person DMITRI = person("dmitri", "Dmitri Volkov", null);
  static final Person PRIYA = person("priya", "Priya Natarajan", null);
  static final Person OMAR = person("omar", "Omar Haddad", null);

  private final FakeSessionService session = new FakeSessionService();
  private final FakeUiTimer timer = new FakeUiTimer();
  private final AtomicInteger opened = new AtomicInteger();
  private ConversationListViewModel vm;
  private ConversationListView view;
  private ListView<ConversationRow> list;

  static Person person(String id, String name, String photo) {
    return new Person(id, name, null, id + "@example.org", photo, false);
  }

  static ConversationSummary conv(
      String id,
      String name,
      List<Person> others,
      String at,
      Person sender,
      String preview,
      int unread,
      boolean quiet,
      boolean archived) {
    List<Person> everyone = new ArrayList<>();
    everyone.add(ME);
    everyone.addAll(others);
    boolean group = name != null || others.size() > 1;
    return new ConversationSummary(
        id,
        name,
        group,
        everyone,
        Instant.parse(at),
        sender,
        preview,
        unread,
        quiet,
        archived,
        false,
        false);
  }

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    session.putImage("http://test/zoe.png", portrait());
    session.putConversation(
        conv(
            "alice",
            null,
            List.of(ALICE),
            "2026-11-24T14:28:00Z",
            ALICE,
            "Are we still on for lunch tomorrow?",
            2,
            false,
            false));
    session.putConversation(
        conv(
            "design",
            "Design team",
            List.of(ALICE, BOB, PRIYA),
            "2026-11-24T13:10:00Z",
            BOB,
            "Pushed the new mockups to the shared folder, have a look when you can",
            5,
            true,
            false));
    session.putConversation(
        conv(
            "bob",
            null,
            List.of(BOB),
            "2026-11-24T09:05:00Z",
            ME,
            "Sounds good, see you then!",
            0,
            false,
            false));
    session.putConversation(
        conv(
            "zoe",
            null,
            List.of(ZOE),
            "2026-11-23T19:40:00Z",
            ZOE,
            "Merci, à demain !",
            0,
            false,
            false));
    session.putConversation(
        conv(
            "trip",
            null,
            List.of(ALICE, DMITRI),
            "2026-11-20T08:00:00Z",
            DMITRI,
            "I'll bring the projector",
            1,
            false,
            false));
    session.putConversation(
        conv(
            "family",
            "Family",
            List.of(OMAR, PRIYA),
            "2026-11-12T18:00:00Z",
            OMAR,
            "Photos from the weekend",
            120,
            false,
            false));
    session.putConversation(
        conv(
            "planning",
            "Quarterly planning — infrastructure, billing and support rotation",
            List.of(PRIYA, OMAR, BOB),
            "2026-11-05T10:00:00Z",
            null,
            "Priya renamed the conversation",
            0,
            false,
            false));
    session.putConversation(
        conv(
            "priya",
            null,
            List.of(PRIYA),
            "2026-10-30T10:00:00Z",
            PRIYA,
            "Thanks for the review!",
            0,
            true,
            false));
    session.putConversation(
        conv(
            "old",
            "Old project",
            List.of(BOB, DMITRI),
            "2025-06-01T10:00:00Z",
            BOB,
            "Archiving this",
            0,
            false,
            true));

    UiDispatcher ui = new FxUiDispatcher();
    ImageLoader images = new ImageLoader(session, ui, Runnable::run, 8 << 20);
    vm =
        new ConversationListViewModel(
            session, ui, timer, Clock.fixed(NOW, ZoneOffset.UTC), Locale.UK);
    view = new ConversationListView(vm, images);
    view.setOnOpen(opened::incrementAndGet);
    list = lookup(view, "#conversationList");
    Scene scene = new Scene(view, 360, 640);
    scene.getStylesheets().add(Theme.appStylesheet());
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void lightAgain() {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
  }

  @SuppressWarnings("unchecked")
  private static <T extends Node> T lookup(Node root, String selector) {
    return (T) root.lookup(selector);
  }

  private ConversationCell cellFor(FxRobot robot, String id) {
    Set<Node> cells = robot.lookup(".conversation-cell").queryAll();
    return cells.stream()
        .map(ConversationCell.class::cast)
        .filter(c -> c.getItem() != null && c.getItem().id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cell for " + id));
  }

  private static Label label(ConversationCell cell, String styleClass) {
    return (Label) cell.lookup("." + styleClass);
  }

  private List<String> ids() {
    return list.getItems().stream().map(ConversationRow::id).toList();
  }

  @Test
  void rowsShowTitlesTimesBadgesAndBoldWhenUnread(FxRobot robot) {
    assertThat(ids())
        .containsExactly("alice", "design", "bob", "zoe", "trip", "family", "planning", "priya");

    ConversationCell alice = cellFor(robot, "alice");
    assertThat(label(alice, ConversationCell.TITLE).getText()).isEqualTo("Alice Martin");
    assertThat(label(alice, ConversationCell.TIME).getText()).isEqualTo("2 min");
    assertThat(label(alice, ConversationCell.BADGE).getText()).isEqualTo("2");
    assertThat(label(alice, ConversationCell.BADGE).isVisible()).isTrue();
    assertThat(alice.getPseudoClassStates()).contains(ConversationCell.UNREAD);
    assertThat(label(alice, ConversationCell.TITLE).getFont().getStyle())
        .containsIgnoringCase("bold");
    assertThat(alice.getAccessibleText())
        .isEqualTo("Alice Martin, 2 unread, last message: Are we still on for lunch tomorrow?");

    ConversationCell bob = cellFor(robot, "bob");
    assertThat(label(bob, ConversationCell.BADGE).isVisible()).isFalse();
    assertThat(label(bob, ConversationCell.TITLE).getFont().getStyle())
        .doesNotContainIgnoringCase("bold");
    assertThat(label(bob, ConversationCell.PREFIX).getText()).isEqualTo("You:");

    ConversationCell design = cellFor(robot, "design");
    assertThat(design.getPseudoClassStates()).contains(ConversationCell.QUIET);
    assertThat(design.lookup("." + ConversationCell.QUIET_ICON).isVisible()).isTrue();
    assertThat(label(design, ConversationCell.PREFIX).getText()).isEqualTo("Bob:");

    assertThat(label(cellFor(robot, "family"), ConversationCell.BADGE).getText()).isEqualTo("99+");
  }

  @Test
  void theTextSizeSettingScalesTheRowsTextAndHeight(FxRobot robot) {
    ConversationCell alice = cellFor(robot, "alice");
    double title = label(alice, ConversationCell.TITLE).getFont().getSize();
    double preview = label(alice, ConversationCell.PREVIEW).getFont().getSize();
    assertThat(title).isEqualTo(14);

    // The settings' text size lands as -fx-font-size on the window's root (Appearance).
    robot.interact(() -> view.setStyle("-fx-font-size: 21px;"));
    WaitForAsyncUtils.waitForFxEvents();
    alice = cellFor(robot, "alice");
    assertThat(label(alice, ConversationCell.TITLE).getFont().getSize())
        .isCloseTo(title * 1.5, within(0.1));
    assertThat(label(alice, ConversationCell.PREVIEW).getFont().getSize())
        .isCloseTo(preview * 1.5, within(0.1));
    assertThat(list.getFixedCellSize()).isEqualTo(ConversationListView.ROW_HEIGHT * 1.5);
    // The badge is not cut to an ellipsis: its shown text is the whole count.
    Label familyBadge = label(cellFor(robot, "family"), ConversationCell.BADGE);
    assertThat(((javafx.scene.text.Text) familyBadge.lookup(".text")).getText()).isEqualTo("99+");
    Snapshots.save(view, "conversation-list-150");
    robot.interact(() -> view.setStyle(""));
  }

  @Test
  void typingInTheFilterNarrowsTheListAndEscapeClearsIt(FxRobot robot) {
    robot.clickOn("#conversationFilter").write("priya");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(ids()).containsExactly("design", "family", "planning", "priya");

    robot.write("x");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(ids()).isEmpty();
    Label placeholder = robot.lookup("#conversationListPlaceholder").queryAs(Label.class);
    assertThat(placeholder.getText()).isEqualTo("No matches for “priyax”");
    assertThat(placeholder.isVisible()).isTrue();

    robot.type(KeyCode.ESCAPE);
    assertThat(vm.filterProperty().get()).isEmpty();
    assertThat(ids()).hasSize(8);
  }

  @Test
  void arrowsInTheFilterMoveTheSelectionAndEnterOpens(FxRobot robot) {
    robot.clickOn("#conversationFilter").write("a");
    robot.type(KeyCode.DOWN, KeyCode.DOWN);
    assertThat(vm.selectedConversationIdProperty().get()).isEqualTo(list.getItems().get(1).id());
    robot.type(KeyCode.ENTER);
    assertThat(opened.get()).isEqualTo(1);
  }

  @Test
  void downAndEnterInTheListSelectAndOpen(FxRobot robot) {
    robot.interact(() -> vm.select("alice"));
    robot.interact(view::focusList);
    robot.type(KeyCode.DOWN);
    assertThat(vm.selectedConversationIdProperty().get()).isEqualTo("design");
    assertThat(list.getSelectionModel().getSelectedItem().id()).isEqualTo("design");
    robot.type(KeyCode.ENTER);
    assertThat(opened.get()).isEqualTo(1);
  }

  @Test
  void clickingARowSelectsAndOpensIt(FxRobot robot) {
    robot.clickOn(cellFor(robot, "zoe"));
    assertThat(vm.selectedConversationIdProperty().get()).isEqualTo("zoe");
    assertThat(opened.get()).isEqualTo(1);
  }

  @Test
  void aNewMessageMovesItsRowToTheTopAndKeepsTheSelection(FxRobot robot) {
    robot.interact(() -> vm.select("bob"));
    robot.interact(
        () ->
            session.putConversation(
                conv(
                    "family",
                    "Family",
                    List.of(OMAR, PRIYA),
                    "2026-11-24T14:30:00Z",
                    PRIYA,
                    "Dinner on Sunday?",
                    121,
                    false,
                    false)));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(ids().get(0)).isEqualTo("family");
    assertThat(vm.selectedConversationIdProperty().get()).isEqualTo("bob");
    assertThat(list.getSelectionModel().getSelectedItem().id()).isEqualTo("bob");
    assertThat(label(cellFor(robot, "family"), ConversationCell.PREVIEW).getText())
        .isEqualTo("Dinner on Sunday?");

    robot.interact(
        () ->
            session.putConversation(
                conv(
                    "bob",
                    null,
                    List.of(BOB),
                    "2026-11-24T14:30:30Z",
                    BOB,
                    "On my way",
                    1,
                    false,
                    false)));
    assertThat(ids().subList(0, 2)).containsExactly("bob", "family");
    assertThat(list.getSelectionModel().getSelectedItem().id()).isEqualTo("bob");
  }

  @Test
  void theArchivedToggleShowsArchivedConversations(FxRobot robot) {
    robot.clickOn("#showArchived");
    assertThat(ids()).contains("old");
    robot.clickOn("#showArchived");
    assertThat(ids()).doesNotContain("old");
  }

  @Test
  void snapshotsInLightAndDark(FxRobot robot) {
    robot.interact(() -> vm.select("bob"));
    robot.moveTo(list).moveBy(0, 300);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(Snapshots.save(view, "conversation-list-light")).exists();
    robot.interact(
        () -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(Snapshots.save(view, "conversation-list-dark")).exists();
    robot.interact(() -> vm.filterProperty().set("nobody"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(Snapshots.save(view, "conversation-list-empty-dark")).exists();

    robot.interact(
        () -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    robot.interact(() -> vm.filterProperty().set(""));
    robot.clickOn("#showArchived");
    robot.interact(() -> vm.select("old"));
    robot.interact(view::focusList);
    robot.moveTo(cellFor(robot, "zoe"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(Snapshots.save(view, "conversation-list-archived-light")).exists();
  }

  /** A small generated "photo" for one avatar. */
  private static byte[] portrait() {
    WritableImage image = new WritableImage(80, 80);
    for (int y = 0; y < 80; y++) {
      for (int x = 0; x < 80; x++) {
        image.getPixelWriter().setColor(x, y, Color.hsb(200 + x, 0.5, 0.5 + y / 200.0));
      }
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
