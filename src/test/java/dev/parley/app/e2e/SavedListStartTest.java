package dev.parley.app.e2e;

import static dev.parley.app.e2e.Waits.onFx;
import static dev.parley.app.e2e.Waits.untilFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.ParleyApp;
import dev.parley.app.Snapshots;
import dev.parley.app.conversation.TimelineRow;
import dev.parley.app.conversationlist.ConversationRow;
import dev.parley.app.session.ChatMessage;
import dev.parley.app.session.SendState;
import dev.parley.client.Auth;
import dev.parley.client.CredentialsPrompt;
import dev.parley.client.RefreshTokenCache;
import dev.parley.server.storage.Account;
import dev.parley.server.testing.ServerFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
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
    signedInEarlier(server.url(), home);
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
    stopApp();
    assertThat(home.resolve("data").resolve("conversation-list.bin")).isRegularFile();

    server.stop();
    startApp();
    untilFx(WAIT, "the saved list shown", () -> unread("Alice Ng") == 2);
    untilFx(WAIT, "told it is reconnecting", () -> bannerText().startsWith("Reconnecting"));
    Snapshots.save(scene().getRoot(), "e2e-saved-list-offline");

    open("Alice Ng");
    robot.clickOn("#composerInput").write("written while away").type(KeyCode.ENTER);
    untilFx(
        WAIT,
        "shown as pending",
        () ->
            ownMessage("written while away") != null
                && ownMessage("written while away").state() == SendState.PENDING);

    server.start();
    alice.send(oneToOne, "back again");
    robot.clickOn("#retryNow");
    untilFx(WAIT, "the timeline read from the server", () -> timelineContains("back again"));
    untilFx(
        WAIT,
        "the message sent",
        () ->
            ownMessage("written while away") != null
                && ownMessage("written while away").state() == SendState.SENT);
    Waits.until(WAIT, "alice got it", () -> alice.received.contains("written while away"));
    untilFx(WAIT, "the list from the server", () -> rows().get(0).title().equals("Alice Ng"));
    assertThat(onFx(() -> lookup("#connectionBanner").isVisible())).isFalse();
    assertThat(alice.received.stream().filter("written while away"::equals)).hasSize(1);
    assertThat(onFx(() -> ownMessages("written while away"))).isEqualTo(1);
  }

  // ---- set-up ----

  /** What signing in once leaves behind: the saved account and its refresh token. */
  private static void signedInEarlier(String url, Path home) throws Exception {
    Files.createDirectories(home.resolve("config"));
    Files.writeString(
        home.resolve("config").resolve("account.properties"),
        "kind=REMOTE\nserver=" + url.replace(":", "\\:") + "\nemail=sam@parley.test\n");
    CredentialsPrompt prompt =
        new CredentialsPrompt() {
          @Override
          public String email() {
            return "sam@parley.test";
          }

          @Override
          public String password() {
            return ServerFixture.PASSWORD;
          }

          @Override
          public String verificationCode() {
            return null;
          }
        };
    Auth.getAuth(url, prompt, new RefreshTokenCache(home.resolve("data").resolve("refresh-token")));
  }

  private void startApp() throws Exception {
    app = FxToolkit.setupApplication(ParleyApp.class, "--home", home.toString());
    untilFx(WAIT, "conversation list", () -> scene().getRoot().lookup("#conversationList") != null);
  }

  private void stopApp() throws Exception {
    if (app != null) {
      FxToolkit.cleanupApplication(app);
      app = null;
    }
  }

  private void open(String title) throws Exception {
    int index =
        onFx(
            () ->
                IntStream.range(0, rows().size())
                    .filter(i -> rows().get(i).title().equals(title))
                    .findFirst()
                    .orElse(-1));
    assertThat(index).as("row " + title).isNotNegative();
    onFx(
        () -> {
          conversationList().getSelectionModel().select(index);
          return null;
        });
    untilFx(
        WAIT,
        "conversation " + title + " open",
        () -> ((Label) lookup("#conversationTitle")).getText().equals(title));
  }

  // ---- reading the window (on the FX thread) ----

  private Scene scene() {
    return onFx(
        () ->
            Window.getWindows().stream()
                .filter(w -> w instanceof Stage && w.isShowing())
                .findFirst()
                .orElseThrow()
                .getScene());
  }

  private Node lookup(String selector) {
    return scene().getRoot().lookup(selector);
  }

  @SuppressWarnings("unchecked")
  private ListView<ConversationRow> conversationList() {
    return (ListView<ConversationRow>) lookup("#conversationList");
  }

  @SuppressWarnings("unchecked")
  private List<TimelineRow> timelineRows() {
    return ((ListView<TimelineRow>) lookup("#timeline")).getItems();
  }

  private List<ConversationRow> rows() {
    return conversationList().getItems();
  }

  private int unread(String title) {
    return rows().stream()
        .filter(r -> r.title().equals(title))
        .mapToInt(ConversationRow::unreadCount)
        .findFirst()
        .orElse(-1);
  }

  private String bannerText() {
    Node banner = lookup("#connectionBanner");
    return banner != null && banner.isVisible()
        ? ((Label) lookup("#connectionMessage")).getText()
        : "";
  }

  private List<ChatMessage> messages() {
    return timelineRows().stream()
        .filter(r -> r instanceof TimelineRow.Message)
        .map(r -> ((TimelineRow.Message) r).message())
        .toList();
  }

  private ChatMessage ownMessage(String text) {
    return messages().stream()
        .filter(m -> m.own() && m.plainText().equals(text))
        .findFirst()
        .orElse(null);
  }

  private long ownMessages(String text) {
    return messages().stream().filter(m -> m.own() && m.plainText().equals(text)).count();
  }

  private boolean timelineContains(String text) {
    return messages().stream().anyMatch(m -> m.plainText().equals(text));
  }
}
