package dev.parley.app.notifications;

import static dev.parley.app.notifications.NotificationPolicyTest.ALICE;
import static dev.parley.app.notifications.NotificationPolicyTest.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.UiDispatcher;
import dev.parley.app.session.ChatMessage;
import dev.parley.app.session.ConversationSummary;
import dev.parley.app.session.FakeSessionService;
import dev.parley.app.session.Person;
import dev.parley.app.session.SystemEvent;
import dev.parley.app.session.TimelineItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NotificationsControllerTest {
  static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

  private final FakeSessionService session = new FakeSessionService();
  private final RecordingNotifier notifier = new RecordingNotifier();
  private final TestClock clock = new TestClock(START);
  private final List<String> opened = new ArrayList<>();
  private NotificationSettings settings = NotificationSettings.defaults();
  private NotificationsController controller;

  private NotificationsController start() {
    controller =
        new NotificationsController(
            session,
            notifier,
            () -> settings,
            new NotificationPolicy(Locale.ENGLISH),
            UiDispatcher.currentThread(),
            clock,
            opened::add);
    return controller;
  }

  private ConversationSummary withAlice() {
    ConversationSummary c = NotificationPolicyTest.oneToOne("c1", ALICE);
    session.putConversation(
        new ConversationSummary(
            c.id(),
            null,
            false,
            c.participants(),
            START.minusSeconds(60),
            null,
            "",
            0,
            false,
            false,
            false,
            false));
    return c;
  }

  private ChatMessage from(Person sender, String conversationId, String text, int secondsAfter) {
    return session.messageFrom(sender, conversationId, text, START.plusSeconds(secondsAfter));
  }

  @Test
  void aNewMessageFromSomeoneElseNotifies() {
    withAlice();
    start();
    session.receive(from(ALICE, "c1", "Are you there?", 5));
    Notification n = notifier.assertOne();
    assertThat(n.summary()).isEqualTo("Alice Adams");
    assertThat(n.body()).isEqualTo("Are you there?");
  }

  @Test
  void historyFromBeforeTheStartDoesNotNotify() {
    withAlice();
    start();
    session.receive(session.messageFrom(ALICE, "c1", "old", START.minusSeconds(30)));
    assertThat(notifier.shown).isEmpty();
  }

  @Test
  void olderPagesLoadedLaterDoNotNotify() {
    withAlice();
    start();
    session.receive(from(ALICE, "c1", "new", 10));
    notifier.shown.clear();
    // "Load older" brings items older than what was seen, even if newer than the start.
    session.receive(from(ALICE, "c1", "in between", 5));
    session.receive(from(BOB, "c1", "same moment", 10));
    assertThat(notifier.shown).isEmpty();
  }

  @Test
  void theInitialSyncOfAConversationKnownAtStartDoesNotNotify() {
    session.putConversation(
        new ConversationSummary(
            "c1",
            null,
            false,
            List.of(FakeSessionService.SELF, ALICE),
            START.plusSeconds(3),
            null,
            "",
            1,
            false,
            false,
            false,
            false));
    start();
    // The session re-announces the newest message it already summarised.
    session.receive(from(ALICE, "c1", "already there", 3));
    assertThat(notifier.shown).isEmpty();
  }

  @Test
  void ownMessagesSystemEventsAndQuietConversationsDoNotNotify() {
    withAlice();
    session.putConversation(NotificationPolicyTest.group("g1", "Noisy", true));
    start();
    session.send("c1", "from me", null, null);
    session.receive(
        new SystemEvent(
            "c1", "ev-x", START.plusSeconds(2), SystemEvent.Kind.RENAME, ALICE, "Alice renamed"));
    session.receive(from(BOB, "g1", "quiet please", 3));
    assertThat(notifier.shown).isEmpty();
  }

  @Test
  void theOpenConversationInAFocusedWindowDoesNotNotify() {
    withAlice();
    start();
    controller.openConversationIdProperty().set("c1");
    controller.windowFocusedProperty().set(true);
    session.receive(from(ALICE, "c1", "seen", 1));
    assertThat(notifier.shown).isEmpty();
    controller.windowFocusedProperty().set(false);
    session.receive(from(ALICE, "c1", "not seen", 2));
    assertThat(notifier.assertOne().body()).isEqualTo("not seen");
  }

  @Test
  void lookingAtTheConversationTakesItsNotificationDown() {
    withAlice();
    start();
    session.receive(from(ALICE, "c1", "hello", 1));
    controller.openConversationIdProperty().set("c1");
    assertThat(notifier.closed).as("window not focused yet").isEmpty();
    controller.windowFocusedProperty().set(true);
    assertThat(notifier.closed).containsExactly("c1");
  }

  @Test
  void readingElsewhereTakesTheNotificationDown() {
    ConversationSummary c = withAlice();
    start();
    session.receive(from(ALICE, "c1", "hello", 1));
    session.putConversation(c.withUnreadCount(0));
    assertThat(notifier.closed).containsExactly("c1");
  }

  @Test
  void anotherActiveClientSilencesUntilThisOneIsActiveAgain() {
    withAlice();
    start();
    controller.activeClientChanged(false);
    session.receive(from(ALICE, "c1", "to the phone", 1));
    assertThat(notifier.shown).isEmpty();
    controller.activeClientChanged(true);
    session.receive(from(ALICE, "c1", "to the desktop", 2));
    assertThat(notifier.assertOne().body()).isEqualTo("to the desktop");
  }

  @Test
  void doNotDisturbAndDisabledSilence() {
    withAlice();
    start();
    settings = settings.withDoNotDisturbUntil(START.plus(Duration.ofHours(1)));
    session.receive(from(ALICE, "c1", "shh", 1));
    settings = settings.withDoNotDisturbUntil(null).withEnabled(false);
    session.receive(from(ALICE, "c1", "off", 2));
    assertThat(notifier.shown).isEmpty();
  }

  @Test
  void aMessageInAConversationNotYetKnownWaitsForItsSummary() {
    start();
    session.receive(from(BOB, "g9", "welcome", 1));
    assertThat(notifier.shown).isEmpty();
    session.putConversation(NotificationPolicyTest.group("g9", "New team", false));
    assertThat(notifier.assertOne().summary()).isEqualTo("Bob Brown in New team");
  }

  @Test
  void clickingANotificationOpensItsConversation() {
    withAlice();
    start();
    session.receive(from(ALICE, "c1", "hello", 1));
    notifier.click("c1");
    assertThat(opened).containsExactly("c1");
  }

  @Test
  void theSendersAvatarComesAlong() {
    Person carol = new Person("carol", "Carol C", null, null, "http://img/carol.png", false);
    session.putImage("http://img/carol.png", new byte[] {1, 2, 3});
    session.putConversation(NotificationPolicyTest.oneToOne("c3", carol));
    start();
    session.receive(from(carol, "c3", "hi", 1));
    assertThat(notifier.assertOne().icon()).containsExactly(1, 2, 3);
  }

  @Test
  void aMissingAvatarDoesNotHoldTheNotificationBack() {
    Person dave = new Person("dave", "Dave D", null, null, "http://img/missing.png", false);
    session.putConversation(NotificationPolicyTest.oneToOne("c4", dave));
    start();
    session.receive(from(dave, "c4", "hi", 1));
    assertThat(notifier.assertOne().icon()).isNull();
  }

  @Test
  void afterCloseNothingMoreHappens() {
    withAlice();
    start();
    controller.close();
    session.receive(from(ALICE, "c1", "hello", 1));
    notifier.click("c1");
    assertThat(notifier.shown).isEmpty();
    assertThat(opened).isEmpty();
    assertThat(session.listenerCount()).isZero();
  }

  @Test
  void sendingDoesNotNotifyEvenWhenTheServerEchoesIt() {
    withAlice();
    start();
    session.send("c1", "mine", null, null);
    List<TimelineItem> timeline = session.timeline("c1");
    assertThat(timeline).hasSize(1);
    assertThat(notifier.shown).isEmpty();
  }
}
