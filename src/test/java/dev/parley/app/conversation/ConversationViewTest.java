package dev.parley.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.parley.app.FakeUiTimer;
import dev.parley.app.Snapshots;
import dev.parley.app.UiDispatcher;
import dev.parley.app.session.ChatMessage;
import dev.parley.app.session.ConversationSummary;
import dev.parley.app.session.FakeSessionService;
import dev.parley.app.session.Person;
import dev.parley.app.session.PresenceInfo;
import dev.parley.app.session.SendState;
import dev.parley.app.session.SystemEvent;
import dev.parley.app.session.TimelineItem;
import dev.parley.app.ui.ImageLoader;
import dev.parley.client.ChatMessageSegment;
import dev.parley.client.ImageAttachment;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ConversationViewTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/London");
  private static final Instant NOW = Instant.parse("2025-11-25T12:00:00Z");
  private static final String PHOTO = "http://127.0.0.1:1/media/campsite-thumb.png";
  private static final String PHOTO_FULL = "http://127.0.0.1:1/media/campsite.png";
  private static final String BROKEN = "http://127.0.0.1:1/media/missing.png";
  private static Locale savedLocale;

  private final Person alice = FakeSessionService.person("alice", "Alice Smith", false);
  private final Person bob = FakeSessionService.person("bob", "Bob Jones", false);
  private final Person carol = FakeSessionService.person("carol", "Carol King", false);
  private final List<String> opened = new CopyOnWriteArrayList<>();
  private final List<String> profilesShown = new CopyOnWriteArrayList<>();
  private FakeSessionService session;
  private ConversationViewModel vm;
  private ConversationView view;

  @BeforeAll
  static void englishDates() {
    savedLocale = Locale.getDefault();
    Locale.setDefault(Locale.UK);
  }

  @AfterAll
  static void restoreLocale() {
    Locale.setDefault(savedLocale);
  }

  @Start
  void start(Stage stage) throws IOException {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    session = new FakeSessionService();
    session.putImage(PHOTO, png(640, 480));
    session.putImage(PHOTO_FULL, png(1280, 960));
    fillTrip();
    ImageLoader images =
        new ImageLoader(session, UiDispatcher.currentThread(), Runnable::run, 64L << 20);
    vm =
        new ConversationViewModel(
            session, UiDispatcher.currentThread(), new FakeUiTimer(), Clock.fixed(NOW, ZONE));
    TextArea composer = new TextArea();
    composer.setPromptText("Write a message…");
    composer.setPrefRowCount(2);
    view =
        new ConversationView(
            vm, images, composer, opened::add, (node, id) -> profilesShown.add(id));
    Scene scene = new Scene(view, 760, 780);
    scene.getStylesheets().add(getClass().getResource("/dev/parley/app/app.css").toExternalForm());
    stage.setScene(scene);
    stage.show();
    vm.open("trip");
  }

  @Test
  void formattedTextRendersAsStyledTextNodesAndSafeLinks(FxRobot robot) {
    settle(robot);
    Text bold = text(robot, "leave at 8");
    assertThat(bold.getStyleClass()).contains("bold");
    assertThat(bold.getFont().getStyle().toLowerCase(Locale.ROOT)).contains("bold");
    assertThat(text(robot, "maybe 9").getFont().getStyle().toLowerCase(Locale.ROOT))
        .contains("italic");
    assertThat(text(robot, "bring snacks").isStrikethrough()).isTrue();
    assertThat(text(robot, "bring water").isUnderline()).isTrue();
    assertThat(texts(robot).stream().filter(t -> t.getText().equals("\n")).count())
        .isGreaterThanOrEqualTo(2);

    List<Hyperlink> links = links(robot);
    assertThat(links).extracting(Hyperlink::getText).contains("the map");
    assertThat(links).extracting(Hyperlink::getText).doesNotContain("click me", "open file");
    assertThat(text(robot, "click me")).isNotNull();
    assertThat(text(robot, "open file")).isNotNull();
    assertThat(text(robot, "<b>not markup</b>")).isNotNull();

    Hyperlink map =
        links.stream().filter(l -> l.getText().equals("the map")).findFirst().orElseThrow();
    robot.interact(map::fire);
    assertThat(opened).containsExactly("https://maps.example.org/route");
  }

  @Test
  void daySeparatorsSystemLinesAndTheUnreadDividerAreShown(FxRobot robot) {
    settle(robot);
    assertThat(labels(robot, ".day-separator-label")).contains("Yesterday", "Today");
    assertThat(labels(robot, ".system-line-label"))
        .contains("Alice renamed the conversation to “Weekend trip”");
    assertThat(labels(robot, ".unread-divider-label")).containsExactly("Unread messages");
    assertThat(labels(robot, "#conversationTitle")).containsExactly("Weekend trip");
    assertThat(labels(robot, "#conversationSubtitle")).containsExactly("Alice, Bob and Carol");
    assertThat(robot.lookup("#conversationMenu").tryQuery()).isPresent();
    assertThat(view.getHeaderMenu().getId()).isEqualTo("conversationMenu");

    robot.interact(() -> session.setTypingPeople("trip", List.of(alice, bob)));
    assertThat(labels(robot, "#conversationTyping")).containsExactly("Alice and Bob are typing…");
    assertThat(labels(robot, "#conversationSubtitle")).isEmpty();
    Snapshots.save(view.getTop(), "conversation-header-typing");
    robot.interact(() -> session.setTypingPeople("trip", List.of()));
    assertThat(labels(robot, "#conversationSubtitle")).containsExactly("Alice, Bob and Carol");
  }

  @Test
  void picturesLoadBrokenOnesSaySoAndAClickOpensTheViewer(FxRobot robot) {
    settle(robot);
    List<ImageThumbnail> thumbs =
        robot.lookup(".message-image").queryAllAs(ImageThumbnail.class).stream().toList();
    assertThat(thumbs).anyMatch(ImageThumbnail::isLoaded);
    assertThat(thumbs).anyMatch(ImageThumbnail::isBroken);
    assertThat(labels(robot, ".message-image-broken-label")).contains("Image unavailable");
    ImageThumbnail loaded = thumbs.stream().filter(ImageThumbnail::isLoaded).findFirst().get();
    assertThat(loaded.getWidth()).isEqualTo(320);
    assertThat(loaded.getHeight()).isEqualTo(240);

    Snapshots.save(view, "conversation-light");

    robot.clickOn(loaded);
    WaitForAsyncUtils.waitForFxEvents();
    Stage viewer = imageViewer();
    assertThat(viewer.getOwner()).isSameAs(view.getScene().getWindow());
    robot.interact(
        () -> {
          viewer.getScene().getRoot().applyCss();
          viewer.getScene().getRoot().layout();
        });
    WaitForAsyncUtils.waitForFxEvents();
    Snapshots.save(viewer.getScene().getRoot(), "image-viewer-light");
    robot.interact(viewer::requestFocus);
    robot.interact(
        () ->
            viewer
                .getScene()
                .getRoot()
                .fireEvent(
                    new javafx.scene.input.KeyEvent(
                        javafx.scene.input.KeyEvent.KEY_PRESSED,
                        "",
                        "",
                        KeyCode.ESCAPE,
                        false,
                        false,
                        false,
                        false)));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(viewer.isShowing()).isFalse();

    TimelineListView list = robot.lookup("#timeline").queryAs(TimelineListView.class);
    robot.interact(list::jumpToBottom);
    settle(robot);
    Snapshots.save(view, "conversation-light-bottom");
    robot.interact(() -> list.showRowAtTop(0));
    settle(robot);
    Snapshots.save(view, "conversation-light-top");
  }

  @Test
  void theDarkThemeUsesTheSameTokens(FxRobot robot) {
    robot.interact(
        () -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
    settle(robot);
    Snapshots.save(view, "conversation-dark");
    robot.interact(
        () -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
  }

  @Test
  void twoThousandMessagesStayVirtualisedAndScrollingToTheTopLoadsOlderHistory(FxRobot robot) {
    robot.interact(
        () -> {
          fillBig();
          vm.open("big");
        });
    settle(robot);
    TimelineListView list = robot.lookup("#timeline").queryAs(TimelineListView.class);
    assertThat(vm.rows().size()).isGreaterThan(2000);
    assertThat(robot.lookup(".timeline-cell").queryAll()).hasSizeLessThan(80);
    assertThat(list.isAtBottom()).isTrue();
    assertThat(vm.atBottomProperty().get()).isTrue();
    Snapshots.save(view, "conversation-big-bottom");

    robot.interact(() -> wheel(list.flow(), 200));
    settle(robot);
    assertThat(vm.atBottomProperty().get()).isFalse();
    robot.interact(() -> wheel(list.flow(), -2000));
    settle(robot);
    assertThat(vm.atBottomProperty().get()).isTrue();

    int before = vm.rows().size();
    String oldFirst = vm.rows().get(0).key();
    robot.interact(() -> list.showRowAtTop(0));
    settle(robot);

    assertThat(vm.rows().size()).isGreaterThan(before);
    ListCell<TimelineRow> first = list.flow().getFirstVisibleCell();
    assertThat(first.getItem().key()).isEqualTo(oldFirst);
    assertThat(first.getLayoutY()).isBetween(-1.0, 1.0);
    assertThat(robot.lookup(".timeline-cell").queryAll()).hasSizeLessThan(80);
    assertThat(vm.atBottomProperty().get()).isFalse();

    robot.interact(
        () -> session.receive(session.messageFrom(alice, "big", "while scrolled up", NOW)));
    settle(robot);
    assertThat(vm.newMessagesBelowProperty().get()).isEqualTo(1);
    assertThat(labels(robot, "#newMessagesBadge")).containsExactly("1");
    assertThat(robot.lookup("#jumpToNewest").query().isVisible()).isTrue();
    Snapshots.save(view, "conversation-big-scrolled");

    robot.clickOn("#jumpToNewest");
    settle(robot);
    assertThat(list.isAtBottom()).isTrue();
    assertThat(vm.newMessagesBelowProperty().get()).isZero();

    robot.interact(
        () -> session.receive(session.messageFrom(bob, "big", "while at the bottom", NOW)));
    settle(robot);
    assertThat(list.isAtBottom()).isTrue();
    assertThat(list.flow().getLastVisibleCell().getItem().key())
        .isEqualTo(vm.rows().get(vm.rows().size() - 1).key());
  }

  @Test
  void aShortConversationDoesNotFillTheSpaceBelowWithHundredsOfCells(FxRobot robot) {
    robot.interact(
        () -> {
          session.putConversation(
              new ConversationSummary(
                  "short",
                  "Short",
                  false,
                  List.of(FakeSessionService.SELF, alice),
                  NOW,
                  alice,
                  "",
                  0,
                  false,
                  false,
                  false,
                  false));
          session.receive(session.messageFrom(alice, "short", "just one", NOW.minusSeconds(60)));
          vm.open("short");
        });
    settle(robot);
    // The list pads the empty space with empty cells; each is later reused for a real row.
    assertThat(robot.lookup(".timeline-cell").queryAll()).hasSizeLessThan(40);
  }

  @Test
  void hostileMessagesRenderCappedAndQuickly(FxRobot robot) {
    List<ChatMessageSegment> many = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      many.add(
          ChatMessageSegment.builder("w" + i + " ").bold(i % 2 == 0).italic(i % 3 == 0).build());
    }
    long started = System.nanoTime();
    robot.interact(
        () -> {
          session.putConversation(
              new ConversationSummary(
                  "hostile",
                  "Hostile",
                  true,
                  List.of(FakeSessionService.SELF, alice, bob),
                  NOW,
                  null,
                  "",
                  0,
                  false,
                  false,
                  false,
                  false));
          session.receive(
              hostile("h1", alice, List.of(ChatMessageSegment.text("y".repeat(65_536)))));
          session.receive(hostile("h2", bob, many));
          session.receive(
              hostile(
                  "h3",
                  alice,
                  List.of(
                      ChatMessageSegment.text(
                          "before \u202ereversed?\u202c after \u0000\u0007 bell"),
                      ChatMessageSegment.link("\u202egpj.exe", "https://example.org/x"))));
          vm.open("hostile");
        });
    settle(robot);
    assertThat(System.nanoTime() - started).isLessThan(10_000_000_000L);
    assertThat(texts(robot).stream().mapToInt(t -> t.getText().length()).max().orElse(0))
        .isLessThanOrEqualTo(MessageText.PAGE_CHARS);
    assertThat(texts(robot).stream().map(Text::getText))
        .noneMatch(t -> t.indexOf('\u202e') >= 0 || t.indexOf('\u0000') >= 0);
    assertThat(links(robot)).extracting(Hyperlink::getText).contains("gpj.exe");
    Snapshots.save(view, "conversation-hostile");

    TimelineListView list = robot.lookup("#timeline").queryAs(TimelineListView.class);
    robot.interact(() -> list.showRowAtTop(0));
    settle(robot);
    Hyperlink more =
        robot.lookup(".bubble-show-more").queryAllAs(Hyperlink.class).stream()
            .filter(Node::isVisible)
            .findFirst()
            .orElseThrow();
    robot.interact(more::fire);
    WaitForAsyncUtils.waitForFxEvents();
    TimelineRow.Message first = (TimelineRow.Message) vm.rows().get(1);
    assertThat(first.segments().stream().mapToInt(s -> s.text().length()).sum())
        .isEqualTo(2 * MessageText.PAGE_CHARS);
  }

  @Test
  void clickingASendersNameOrAvatarShowsTheirProfile(FxRobot robot) {
    settle(robot);
    MessageRowPane bobsRow =
        robot.lookup(".message-row").queryAllAs(MessageRowPane.class).stream()
            .filter(r -> r.row() != null && r.row().sender().id().equals("bob"))
            .filter(r -> r.row().showSenderName())
            .findFirst()
            .orElseThrow();
    Label name =
        bobsRow.lookupAll(".bubble-name").stream()
            .map(Label.class::cast)
            .filter(Node::isVisible)
            .findFirst()
            .orElseThrow();
    robot.clickOn(name);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(profilesShown).containsExactly("bob");

    MessageRowPane withAvatar =
        robot.lookup(".message-row").queryAllAs(MessageRowPane.class).stream()
            .filter(r -> r.row() != null && r.row().showAvatar() && !r.row().own())
            .filter(r -> onScreen(robot, r))
            .reduce((first, second) -> second)
            .orElseThrow();
    Node avatar =
        withAvatar.getChildrenUnmodifiable().stream()
            .filter(n -> n.getStyleClass().contains("avatar"))
            .findFirst()
            .orElseThrow();
    robot.clickOn(avatar);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(profilesShown).last().isEqualTo(withAvatar.row().sender().id());
    assertThat(avatar.getCursor()).isEqualTo(javafx.scene.Cursor.HAND);
  }

  @Test
  void restingThePointerOnABubbleShowsItsFullTime(FxRobot robot) throws Exception {
    settle(robot);
    MessageRowPane row =
        robot.lookup(".message-row").queryAllAs(MessageRowPane.class).stream()
            .filter(r -> r.row() != null && onScreen(robot, r))
            .findFirst()
            .orElseThrow();
    robot.moveTo(row.bubble());
    robot.moveBy(3, 1); // the tooltip comes while the pointer rests after moving over it
    WaitForAsyncUtils.waitFor(
        5,
        java.util.concurrent.TimeUnit.SECONDS,
        () ->
            Window.getWindows().stream()
                .anyMatch(w -> w instanceof javafx.scene.control.Tooltip t && t.isShowing()));
    String hoveredTime =
        robot.lookup(".message-row").queryAllAs(MessageRowPane.class).stream()
            .filter(r -> r.bubble().isHover())
            .map(r -> r.row().fullTime())
            .findFirst()
            .orElseThrow();
    assertThat(
            Window.getWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.Tooltip t && t.isShowing())
                .map(w -> ((javafx.scene.control.Tooltip) w).getText()))
        .containsExactly(hoveredTime);
  }

  @Test
  void theKeyboardMovesAVisibleFocusThroughMessagesAndEnterOpensLinksAndPictures(FxRobot robot) {
    settle(robot);
    TimelineListView list = robot.lookup("#timeline").queryAs(TimelineListView.class);
    robot.interact(list::requestFocus);
    settle(robot);
    int focused = list.getFocusModel().getFocusedIndex();
    assertThat(focused).isEqualTo(list.flow().getLastVisibleCell().getIndex());
    ListCell<?> ring =
        robot.lookup(".timeline-cell").queryAllAs(ListCell.class).stream()
            .filter(c -> c.getIndex() == focused && c.isFocused())
            .findFirst()
            .orElseThrow();
    assertThat(ring.getBackground().getFills()).hasSize(2);
    assertThat(ring.getAccessibleText()).isNotBlank();

    moveFocusTo(robot, list, "ev-photo");
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    Stage viewer = imageViewer();
    robot.interact(viewer::close);
    robot.interact(list::requestFocus);

    moveFocusTo(robot, list, "ev-plan");
    robot.type(KeyCode.ENTER);
    assertThat(opened).containsExactly("https://maps.example.org/route");
    Snapshots.save(view, "conversation-keyboard-focus");
  }

  /** The image viewer: the one window besides the conversation's. */
  private Stage imageViewer() {
    return (Stage)
        Window.getWindows().stream()
            .filter(w -> w != view.getScene().getWindow())
            .findFirst()
            .orElseThrow();
  }

  /** Presses Up until the message {@code eventId} has the focus. */
  private static void moveFocusTo(FxRobot robot, TimelineListView list, String eventId) {
    for (int i = 0; i < 40; i++) {
      if (list.getFocusModel().getFocusedItem() instanceof TimelineRow.Message m
          && eventId.equals(m.message().eventId())) {
        return;
      }
      robot.type(KeyCode.UP);
    }
    throw new AssertionError("never focused " + eventId);
  }

  @Test
  void preparedWhileHiddenTheCellsAreMadeBeforeTheFirstConversationOpens(FxRobot robot) {
    robot.interact(() -> vm.open(null));
    robot.interact(view::prepareWhileHidden);
    pulse(); // lays out the warm-up rows
    pulse(); // shows the real ones (none)
    ListView<?> timeline = robot.lookup("#timeline").queryAs(ListView.class);
    assertThat(timeline.getItems()).isSameAs(vm.rows()).isEmpty();
    java.util.Set<MessageRowPane> made = messagePanes(robot);
    assertThat(made).as("message rows made while hidden").hasSizeGreaterThan(5);

    robot.interact(() -> vm.open("trip"));
    settle(robot);
    assertThat(timeline.getItems()).isSameAs(vm.rows()).isNotEmpty();
    assertThat(made).as("the first conversation reuses them").containsAll(messagePanes(robot));
    assertThat(robot.lookup(".message-row").queryAllAs(MessageRowPane.class))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.row().key()).doesNotStartWith("warm-up"));
    assertThat(text(robot, "leave at 8")).isNotNull();
  }

  @Test
  void noConversationShowsTheEmptyState(FxRobot robot) {
    robot.interact(() -> vm.open(null));
    assertThat(robot.lookup("#conversationEmpty").tryQuery()).isPresent();
    assertThat(robot.lookup("#timeline").tryQuery()).isEmpty();
    Snapshots.save(view, "conversation-empty");
  }

  private static boolean onScreen(FxRobot robot, Node node) {
    Node list = robot.lookup("#timeline").query();
    return list.localToScene(list.getLayoutBounds())
        .contains(node.localToScene(node.getLayoutBounds()));
  }

  // ---- fixtures ----

  private void fillTrip() {
    session.putConversation(
        new ConversationSummary(
            "trip",
            "Weekend trip",
            true,
            List.of(FakeSessionService.SELF, alice, bob, carol),
            NOW,
            bob,
            "",
            4,
            false,
            false,
            false,
            false));
    Instant yesterday = Instant.parse("2025-11-24T18:00:00Z");
    add(msg(alice, "Are we still on for Saturday?", yesterday));
    add(msg(alice, "The forecast looks good.", yesterday.plusSeconds(40)));
    add(mine("y1", "Yes! Bringing the **tent** and the _big_ stove.", yesterday.plusSeconds(180)));
    add(
        new SystemEvent(
            "trip",
            "sys-1",
            at("09:00"),
            SystemEvent.Kind.RENAME,
            alice,
            "Alice renamed the conversation to “Weekend trip”"));
    add(
        new ChatMessage(
            "trip",
            "ev-plan",
            null,
            bob,
            at("09:05"),
            List.of(
                ChatMessageSegment.text("Plan: "),
                ChatMessageSegment.builder("leave at 8").bold(true).build(),
                ChatMessageSegment.text(", "),
                ChatMessageSegment.builder("maybe 9").italic(true).build(),
                ChatMessageSegment.lineBreak(),
                ChatMessageSegment.builder("bring snacks").strikethrough(true).build(),
                ChatMessageSegment.text(" "),
                ChatMessageSegment.builder("bring water").underline(true).build(),
                ChatMessageSegment.lineBreak(),
                ChatMessageSegment.text("Route: "),
                ChatMessageSegment.link("the map", "https://maps.example.org/route"),
                ChatMessageSegment.text(" — don't "),
                ChatMessageSegment.link("click me", "javascript:alert(1)"),
                ChatMessageSegment.text(" or "),
                ChatMessageSegment.link("open file", "file:///etc/passwd"),
                ChatMessageSegment.text(" "),
                ChatMessageSegment.text("<b>not markup</b>")),
            List.of(),
            false,
            SendState.SENT,
            null));
    add(
        new ChatMessage(
            "trip",
            "ev-photo",
            null,
            bob,
            at("09:06"),
            ChatMessageSegment.fromString("The campsite:"),
            List.of(new ImageAttachment(PHOTO, PHOTO_FULL, "p1", 640, 480, false)),
            false,
            SendState.SENT,
            null));
    add(
        new ChatMessage(
            "trip",
            "ev-broken",
            null,
            bob,
            at("09:07"),
            List.of(),
            List.of(new ImageAttachment(BROKEN, null, "p2", 400, 300, false)),
            false,
            SendState.SENT,
            null));
    add(
        msg(
            alice,
            "Lovely! A longer message to see how wrapping looks in a bubble: we could stop at the"
                + " lake on the way, swim for an hour, and still arrive before it gets dark.",
            at("09:20")));
    add(mine("m1", "See you there 👋", at("09:30")));
    add(
        new ChatMessage(
            "trip",
            null,
            "cg-pending",
            FakeSessionService.SELF,
            at("09:31"),
            ChatMessageSegment.fromString("On my way"),
            List.of(),
            false,
            SendState.PENDING,
            null));
    add(
        new ChatMessage(
            "trip",
            null,
            "cg-failed",
            FakeSessionService.SELF,
            at("09:32"),
            ChatMessageSegment.fromString("This one did not go through"),
            List.of(),
            false,
            SendState.FAILED,
            "network down"));
    session.setReceipts("trip", Map.of("alice", at("09:30"), "carol", at("09:30")));
    session.setTypingPeople("trip", List.of(alice));
    session.setTypingPeople("trip", List.of());
    session.setPresence("alice", new PresenceInfo(true, NOW, ""));
  }

  private void fillBig() {
    session.putConversation(
        new ConversationSummary(
            "big",
            "Big room",
            true,
            List.of(FakeSessionService.SELF, alice, bob, carol),
            NOW,
            null,
            "",
            0,
            false,
            false,
            false,
            false));
    Instant start = Instant.parse("2025-11-10T08:00:00Z");
    Person[] who = {alice, bob, carol, FakeSessionService.SELF};
    for (int i = 0; i < 2000; i++) {
      Person sender = who[(i / 3) % who.length];
      Instant when = start.plusSeconds(300L * i);
      String text = "Message number " + i + (i % 7 == 0 ? " with a little more text to wrap" : "");
      session.receive(
          sender.self()
              ? new ChatMessage(
                  "big",
                  "big-" + i,
                  null,
                  sender,
                  when,
                  ChatMessageSegment.fromString(text),
                  List.of(),
                  false,
                  SendState.SENT,
                  null)
              : session.messageFrom(sender, "big", text, when));
    }
    List<TimelineItem> older = new ArrayList<>();
    Instant olderStart = Instant.parse("2025-11-01T08:00:00Z");
    for (int i = 0; i < 100; i++) {
      older.add(session.messageFrom(alice, "big", "older " + i, olderStart.plusSeconds(60L * i)));
    }
    session.putOlderHistory("big", older);
  }

  private static ChatMessage hostile(String id, Person sender, List<ChatMessageSegment> segments) {
    return new ChatMessage(
        "hostile",
        "ev-" + id,
        null,
        sender,
        at("10:0" + id.charAt(1)),
        segments,
        List.of(),
        false,
        SendState.SENT,
        null);
  }

  private void add(TimelineItem item) {
    session.receive(item);
  }

  private ChatMessage msg(Person sender, String text, Instant when) {
    return session.messageFrom(sender, "trip", text, when);
  }

  private static ChatMessage mine(String id, String text, Instant when) {
    return new ChatMessage(
        "trip",
        "ev-" + id,
        "cg-" + id,
        FakeSessionService.SELF,
        when,
        ChatMessageSegment.fromString(text),
        List.of(),
        false,
        SendState.SENT,
        null);
  }

  private static Instant at(String hhmm) {
    return Instant.parse("2025-11-25T" + hhmm + ":00Z");
  }

  private static byte[] png(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(0x4a90d9), 0, height, new Color(0xbfe3c0)));
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(0x2e7d32));
    int[] xs = {0, width / 3, width / 2, (2 * width) / 3, width};
    int[] ys = {height, height / 2, (2 * height) / 3, height / 3, height};
    g.fillPolygon(xs, ys, xs.length);
    g.setColor(new Color(0xfff59d));
    g.fillOval(width - width / 5, height / 10, width / 8, width / 8);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /**
   * Lets the view settle: a layout pass now (headless pulses may lag on a busy machine), then the
   * work it posted (loading older history, reporting the bottom), then another layout pass.
   */
  private static java.util.Set<MessageRowPane> messagePanes(FxRobot robot) {
    java.util.Set<MessageRowPane> panes =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    robot.lookup(".timeline-cell").queryAllAs(TimelineCell.class).stream()
        .map(TimelineCell::madeMessagePane)
        .filter(java.util.Objects::nonNull)
        .forEach(panes::add);
    return panes;
  }

  /** Waits for the next pulse that lays the scene out. */
  private void pulse() {
    java.util.concurrent.CompletableFuture<Void> laidOut =
        new java.util.concurrent.CompletableFuture<>();
    javafx.application.Platform.runLater(
        () -> {
          Runnable[] once = new Runnable[1];
          once[0] =
              () -> {
                view.getScene().removePostLayoutPulseListener(once[0]);
                laidOut.complete(null);
              };
          view.getScene().addPostLayoutPulseListener(once[0]);
          javafx.application.Platform.requestNextPulse();
        });
    laidOut.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void settle(FxRobot robot) {
    for (int i = 0; i < 3; i++) {
      robot.interact(
          () -> {
            view.applyCss();
            view.layout();
          });
      WaitForAsyncUtils.waitForFxEvents();
    }
  }

  /** What the mouse wheel sends: positive deltas scroll towards older rows. */
  private static void wheel(Node target, double deltaY) {
    target.fireEvent(
        new ScrollEvent(
            ScrollEvent.SCROLL,
            10,
            10,
            10,
            10,
            false,
            false,
            false,
            false,
            false,
            false,
            0,
            deltaY,
            0,
            deltaY,
            ScrollEvent.HorizontalTextScrollUnits.NONE,
            0,
            ScrollEvent.VerticalTextScrollUnits.NONE,
            0,
            0,
            null));
  }

  private static List<Text> texts(FxRobot robot) {
    return robot.lookup(".message-text").queryAllAs(Text.class).stream().toList();
  }

  private static Text text(FxRobot robot, String content) {
    return texts(robot).stream()
        .filter(t -> t.getText().equals(content))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no text node \"" + content + "\""));
  }

  private static List<Hyperlink> links(FxRobot robot) {
    return robot.lookup((Node n) -> n instanceof Hyperlink).queryAllAs(Hyperlink.class).stream()
        .filter(Node::isVisible)
        .toList();
  }

  private static List<String> labels(FxRobot robot, String query) {
    return robot.lookup(query).queryAllAs(Label.class).stream()
        .filter(Node::isVisible)
        .map(Label::getText)
        .collect(Collectors.toList());
  }
}
