package dev.parley.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.session.ChatMessage;
import dev.parley.app.session.ConversationSummary;
import dev.parley.app.session.FakeSessionService;
import dev.parley.app.session.Person;
import dev.parley.app.session.SendState;
import dev.parley.client.ChatMessageSegment;
import dev.parley.client.ImageAttachment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationPolicyTest {
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final Person ALICE = FakeSessionService.person("alice", "Alice Adams", false);
  static final Person BOB = FakeSessionService.person("bob", "Bob Brown", false);
  static final NotificationPolicy.Situation AWAY =
      new NotificationPolicy.Situation(null, false, true);

  private final NotificationPolicy policy = new NotificationPolicy(Locale.ENGLISH);
  private final NotificationSettings settings = NotificationSettings.defaults();

  static ConversationSummary oneToOne(String id, Person other) {
    return new ConversationSummary(
        id,
        null,
        false,
        List.of(FakeSessionService.SELF, other),
        NOW,
        null,
        "",
        1,
        false,
        false,
        false,
        false);
  }

  static ConversationSummary group(String id, String name, boolean quiet) {
    return new ConversationSummary(
        id,
        name,
        true,
        List.of(FakeSessionService.SELF, ALICE, BOB),
        NOW,
        null,
        "",
        1,
        quiet,
        false,
        false,
        false);
  }

  static ChatMessage message(Person sender, String conversationId, String text) {
    return new ChatMessage(
        conversationId,
        "ev-1",
        null,
        sender,
        NOW,
        ChatMessageSegment.fromString(text),
        List.of(),
        false,
        SendState.SENT,
        null);
  }

  private Optional<Notification> decide(ChatMessage m, ConversationSummary s) {
    return decide(m, s, AWAY, settings);
  }

  private Optional<Notification> decide(
      ChatMessage m,
      ConversationSummary s,
      NotificationPolicy.Situation situation,
      NotificationSettings with) {
    return policy.decide(m, s, situation, with, NOW);
  }

  @Test
  void oneToOneMessageShowsTheSenderAndTheText() {
    Notification n = decide(message(ALICE, "c1", "Lunch at noon?"), oneToOne("c1", ALICE)).get();
    assertThat(n.conversationId()).isEqualTo("c1");
    assertThat(n.summary()).isEqualTo("Alice Adams");
    assertThat(n.body()).isEqualTo("Lunch at noon?");
    assertThat(n.sound()).isTrue();
  }

  @Test
  void groupMessageNamesTheGroupToo() {
    Notification n = decide(message(BOB, "g1", "Tickets booked"), group("g1", "Trip", false)).get();
    assertThat(n.summary()).isEqualTo("Bob Brown in Trip");
  }

  @Test
  void unknownConversationCountsAsOneToOne() {
    assertThat(decide(message(BOB, "new", "hi"), null).get().summary()).isEqualTo("Bob Brown");
  }

  @Test
  void ownMessagesAndUnsentOnesDoNotNotify() {
    ChatMessage own = message(FakeSessionService.SELF, "c1", "mine");
    assertThat(decide(own, oneToOne("c1", ALICE))).isEmpty();
    ChatMessage pending = message(ALICE, "c1", "x").withState(SendState.PENDING, null);
    assertThat(decide(pending, oneToOne("c1", ALICE))).isEmpty();
  }

  @Test
  void quietConversationsDoNotNotify() {
    assertThat(decide(message(BOB, "g1", "spam"), group("g1", "Noisy", true))).isEmpty();
  }

  @Test
  void theConversationOnScreenInAFocusedWindowDoesNotNotify() {
    ChatMessage m = message(ALICE, "c1", "hi");
    ConversationSummary s = oneToOne("c1", ALICE);
    assertThat(decide(m, s, new NotificationPolicy.Situation("c1", true, true), settings))
        .isEmpty();
    assertThat(decide(m, s, new NotificationPolicy.Situation("c1", false, true), settings))
        .as("window not focused")
        .isPresent();
    assertThat(decide(m, s, new NotificationPolicy.Situation("c2", true, true), settings))
        .as("another conversation open")
        .isPresent();
  }

  @Test
  void nothingWhileAnotherOfTheUsersClientsIsActive() {
    assertThat(
            decide(
                message(ALICE, "c1", "hi"),
                oneToOne("c1", ALICE),
                new NotificationPolicy.Situation(null, false, false),
                settings))
        .isEmpty();
  }

  @Test
  void nothingWhenDisabledOrDuringDoNotDisturb() {
    ChatMessage m = message(ALICE, "c1", "hi");
    ConversationSummary s = oneToOne("c1", ALICE);
    assertThat(decide(m, s, AWAY, settings.withEnabled(false))).isEmpty();
    assertThat(decide(m, s, AWAY, settings.withDoNotDisturbUntil(NOW.plusSeconds(60)))).isEmpty();
    assertThat(decide(m, s, AWAY, settings.withDoNotDisturbUntil(NOW))).as("ended").isPresent();
  }

  @Test
  void nameOnlyPrivacyHidesTheText() {
    Notification n =
        decide(
                message(BOB, "g1", "secret"),
                group("g1", "Trip", false),
                AWAY,
                settings.withPrivacy(NotificationPrivacy.NAME_ONLY))
            .get();
    assertThat(n.summary()).isEqualTo("Bob Brown in Trip");
    assertThat(n.body()).isEqualTo("New message");
  }

  @Test
  void nothingPrivacyShowsOnlyNewMessage() {
    Notification n =
        decide(
                message(BOB, "g1", "secret"),
                group("g1", "Trip", false),
                AWAY,
                settings.withPrivacy(NotificationPrivacy.NOTHING).withSound(false))
            .get();
    assertThat(n.summary()).isEqualTo("New message");
    assertThat(n.body()).isEmpty();
    assertThat(n.sound()).isFalse();
    assertThat(n.conversationId()).as("a click still opens it").isEqualTo("g1");
  }

  @Test
  void photosWithoutTextSaySo() {
    ImageAttachment photo = new ImageAttachment("http://x/p1.jpg", null, "p1", 640, 480, false);
    ChatMessage one = withImages(message(ALICE, "c1", ""), List.of(photo));
    assertThat(decide(one, oneToOne("c1", ALICE)).get().body()).isEqualTo("sent a photo");
    ChatMessage two = withImages(message(ALICE, "c1", ""), List.of(photo, photo));
    assertThat(decide(two, oneToOne("c1", ALICE)).get().body()).isEqualTo("sent 2 photos");
    ChatMessage captioned = withImages(message(ALICE, "c1", "Look"), List.of(photo));
    assertThat(decide(captioned, oneToOne("c1", ALICE)).get().body()).isEqualTo("Look");
    ChatMessage urlAsText = withImages(message(ALICE, "c1", "http://x/p1.jpg"), List.of(photo));
    assertThat(decide(urlAsText, oneToOne("c1", ALICE)).get().body())
        .as("the image's own URL is not text")
        .isEqualTo("sent a photo");
  }

  @Test
  void meActionsStartWithTheSendersFirstName() {
    ChatMessage m =
        new ChatMessage(
            "c1",
            "ev",
            null,
            ALICE,
            NOW,
            ChatMessageSegment.fromString("waves"),
            List.of(),
            true,
            SendState.SENT,
            null);
    assertThat(decide(m, oneToOne("c1", ALICE)).get().body()).isEqualTo("Alice waves");
  }

  @Test
  void controlCharactersAndDirectionOverridesAreStrippedAndSpacesCollapsed() {
    assertThat(NotificationPolicy.clean("a\u0007b\u202Ec \t\t d\n\n\ne\u0000", 200))
        .isEqualTo("abc d\ne");
    assertThat(NotificationPolicy.clean("  \n padded \n ", 200)).isEqualTo("padded");
  }

  @Test
  void longTextIsCutToTwoHundredCharactersWithAnEllipsis() {
    String body = decide(message(ALICE, "c1", "x".repeat(500)), oneToOne("c1", ALICE)).get().body();
    assertThat(body).hasSize(NotificationPolicy.MAX_BODY).endsWith("…");
    assertThat(NotificationPolicy.clean("y".repeat(200), 200)).isEqualTo("y".repeat(200));
  }

  @Test
  void cuttingNeverSplitsAnEmoji() {
    String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // one grapheme
    String cut = NotificationPolicy.clean(family.repeat(10), 5);
    assertThat(cut).isEqualTo(family.repeat(4) + "…");
    String flagsAndAccents = "🇩🇪🇫🇷e\u0301👍🏽❤️x";
    assertThat(NotificationPolicy.clean(flagsAndAccents, 6)).isEqualTo(flagsAndAccents);
    assertThat(NotificationPolicy.clean(flagsAndAccents, 5)).isEqualTo("🇩🇪🇫🇷e\u0301👍🏽…");
  }

  @Test
  void doNotDisturbEndsAtItsInstant() {
    NotificationSettings dnd = settings.withDoNotDisturbUntil(NOW.plus(Duration.ofHours(1)));
    assertThat(dnd.doNotDisturbAt(NOW)).isTrue();
    assertThat(dnd.doNotDisturbAt(NOW.plus(Duration.ofHours(1)))).isFalse();
    assertThat(settings.doNotDisturbAt(NOW)).isFalse();
  }

  private static ChatMessage withImages(ChatMessage m, List<ImageAttachment> images) {
    return new ChatMessage(
        m.conversationId(),
        m.eventId(),
        m.clientGeneratedId(),
        m.sender(),
        m.timestamp(),
        m.segments(),
        images,
        m.meAction(),
        m.state(),
        m.failure());
  }
}
