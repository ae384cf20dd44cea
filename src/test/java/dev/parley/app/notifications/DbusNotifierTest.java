package dev.parley.app.notifications;

import static dev.parley.app.notifications.NotificationPolicyTest.ALICE;
import static dev.parley.app.notifications.NotificationPolicyTest.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.UiDispatcher;
import dev.parley.app.notifications.PrivateDesktop.NotifyCall;
import dev.parley.app.session.ChatMessage;
import dev.parley.app.session.FakeSessionService;
import dev.parley.app.session.Person;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications through a real notification daemon: dunst on a session bus and an X server of the
 * test's own ({@link PrivateDesktop}), watched with dbus-monitor. Messages come from "a second
 * client" through the fake session; {@link DbusNotifierEndToEndTest} does the same with a real
 * server.
 */
class DbusNotifierTest {
  @TempDir static Path dir;
  static PrivateDesktop desktop;

  private final ExecutorService uiThread = Executors.newSingleThreadExecutor();
  private final UiDispatcher ui = uiThread::execute;
  private final FakeSessionService session = new FakeSessionService();
  private final RecordingNotifier fallback = new RecordingNotifier();
  private final List<String> opened = new CopyOnWriteArrayList<>();
  private DbusNotifier notifier;
  private NotificationsController controller;
  private int callsBefore;

  @BeforeAll
  static void startDesktop() throws Exception {
    PrivateDesktop.assumeToolsInstalled();
    desktop = PrivateDesktop.start(dir);
  }

  @AfterAll
  static void stopDesktop() {
    if (desktop != null) {
      desktop.close();
    }
  }

  @BeforeEach
  void connect() throws Exception {
    desktop.dunstctl("close-all");
    callsBefore = desktop.notifyCalls().size();
    notifier = DbusNotifier.connect(desktop.busAddress(), fallback);
    assertThat(notifier.ready().get(15, TimeUnit.SECONDS)).as("connected to dunst").isTrue();
    onUi(
        () -> {
          session.putConversation(NotificationPolicyTest.group("trip", "Trip", false));
          session.putConversation(NotificationPolicyTest.group("noisy", "Noisy", true));
          session.putConversation(NotificationPolicyTest.oneToOne("alice", ALICE));
          controller =
              new NotificationsController(
                  session,
                  notifier,
                  NotificationSettings::defaults,
                  new NotificationPolicy(Locale.ENGLISH),
                  ui,
                  java.time.Clock.systemUTC(),
                  opened::add);
          return null;
        });
  }

  @AfterEach
  void close() throws Exception {
    onUi(
        () -> {
          controller.close();
          return null;
        });
    notifier.close();
    uiThread.shutdown();
    assertThat(fallback.shown).as("nothing fell back").isEmpty();
  }

  @Test
  void aMessageFromASecondClientReachesTheDaemonOnceAndAQuietConversationNotAtAll()
      throws Exception {
    receive(message(BOB, "trip", "Tickets are booked"));
    receive(message(ALICE, "noisy", "Nobody hears this"));
    // A third message as a barrier: the notifier works in order, so once it has arrived, the
    // quiet one would have arrived before it.
    receive(message(ALICE, "alice", "Lunch?"));

    List<NotifyCall> calls = newCalls(2);
    assertThat(calls).hasSize(2);
    NotifyCall trip = calls.get(0);
    assertThat(trip.appName()).isEqualTo("Parley");
    assertThat(trip.summary()).isEqualTo("Bob Brown in Trip");
    assertThat(trip.body()).isEqualTo("Tickets are booked");
    assertThat(trip.replacesId()).isZero();
    assertThat(trip.raw()).contains("string \"default\"").contains("string \"im.received\"");
    assertThat(calls.get(1).summary()).isEqualTo("Alice Adams");
    assertThat(calls.get(1).body()).isEqualTo("Lunch?");
    assertThat(desktop.notifyCalls().toString()).doesNotContain("Nobody hears this");
    PrivateDesktop.await(() -> displayed() == 2, "dunst shows both");
    desktop.screenshot(dir.resolve("dunst.png"));
    copyScreenshot("dbus-notifier-dunst.png");
  }

  @Test
  void aNewerMessageReplacesTheNotificationOfItsConversation() throws Exception {
    receive(message(BOB, "trip", "first"));
    NotifyCall first = newCalls(1).get(0);
    PrivateDesktop.await(() -> displayed() == 1, "the first one shown");
    receive(message(ALICE, "trip", "second"));
    NotifyCall second = newCalls(2).get(1);
    assertThat(first.replacesId()).isZero();
    assertThat(second.replacesId()).as("replaces_id of the first").isPositive();
    assertThat(second.summary()).isEqualTo("Alice Adams in Trip");
    Thread.sleep(200);
    assertThat(displayed()).as("one notification for the conversation").isEqualTo(1);
  }

  @Test
  void clickingTheNotificationOpensItsConversation() throws Exception {
    receive(message(BOB, "trip", "click me"));
    newCalls(1);
    PrivateDesktop.await(() -> displayed() == 1, "shown");
    // dunst's "action": the default action of the newest notification, as a click does.
    desktop.dunstctl("action", "0");
    PrivateDesktop.await(() -> opened.contains("trip"), "the conversation opened");
    assertThat(opened).containsExactly("trip");
  }

  @Test
  void readingTheConversationTakesTheNotificationDown() throws Exception {
    receive(message(BOB, "trip", "read me"));
    newCalls(1);
    PrivateDesktop.await(() -> displayed() == 1, "shown");
    onUi(
        () -> {
          controller.openConversationIdProperty().set("trip");
          controller.windowFocusedProperty().set(true);
          return null;
        });
    PrivateDesktop.await(() -> displayed() == 0, "taken down");
  }

  @Test
  void theSendersAvatarGoesAlongAsAPngFile() throws Exception {
    BufferedImage avatar = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    avatar.setRGB(3, 3, 0xFF0000);
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(avatar, "jpg", jpeg);
    Person carol = new Person("carol", "Carol Cole", null, null, "http://img/carol", false);
    onUi(
        () -> {
          session.putImage("http://img/carol", jpeg.toByteArray());
          session.putConversation(NotificationPolicyTest.oneToOne("carol", carol));
          return null;
        });
    receive(message(carol, "carol", "Look at me"));
    NotifyCall call = newCalls(1).get(0);
    assertThat(call.appIcon()).startsWith("file:/");
    assertThat(call.raw()).contains("string \"image-path\"");
    Path file = Path.of(java.net.URI.create(call.appIcon()));
    assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(32);
    assertThat(Files.readAllBytes(file)).startsWith(0x89, 'P', 'N', 'G');
  }

  @Test
  void aBusWithoutANotificationDaemonHandsNotificationsToTheFallback() throws Exception {
    RecordingNotifier otherFallback = new RecordingNotifier();
    DbusNotifier bare = DbusNotifier.connect(desktop.startBareBus(), otherFallback);
    assertThat(bare.ready().get(15, TimeUnit.SECONDS)).isFalse();
    assertThat(bare.available()).isFalse();
    Notification n = new Notification("trip", "Bob Brown in Trip", "hi", null, true);
    bare.show(n);
    bare.close("trip");
    PrivateDesktop.await(() -> !otherFallback.closed.isEmpty(), "the fallback used");
    assertThat(otherFallback.shown).containsExactly(n);
    bare.close();
  }

  private int displayed() {
    try {
      return desktop.displayed();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private List<NotifyCall> newCalls(int count) throws InterruptedException {
    List<NotifyCall> all = desktop.awaitNotifyCalls(callsBefore + count);
    return all.subList(callsBefore, all.size());
  }

  private ChatMessage message(Person sender, String conversationId, String text) {
    return session.messageFrom(sender, conversationId, text, Instant.now().plusSeconds(1));
  }

  private void receive(ChatMessage m) throws Exception {
    onUi(
        () -> {
          session.receive(m);
          return null;
        });
  }

  private <T> T onUi(Callable<T> task) throws Exception {
    return uiThread.submit(task).get(15, TimeUnit.SECONDS);
  }

  /** Keeps the screenshot where a developer finds it: the build's snapshot directory. */
  private static void copyScreenshot(String name) throws Exception {
    String snapshots = System.getProperty("parley.snapshotDir");
    Path shot = dir.resolve("dunst.png");
    if (snapshots != null && Files.isRegularFile(shot)) {
      Files.createDirectories(Path.of(snapshots));
      Files.copy(shot, Path.of(snapshots, name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
