package dev.parley.server.demo;

import static dev.parley.server.demo.DemoWorldFixture.account;
import static dev.parley.server.demo.DemoWorldFixture.bot;
import static dev.parley.server.demo.DemoWorldFixture.config;
import static dev.parley.server.demo.DemoWorldFixture.events;
import static dev.parley.server.demo.DemoWorldFixture.get;
import static dev.parley.server.demo.DemoWorldFixture.isChatFrom;
import static dev.parley.server.demo.DemoWorldFixture.oneToOne;
import static dev.parley.server.demo.DemoWorldFixture.send;
import static dev.parley.server.demo.DemoWorldFixture.signInAsOwner;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.proto.Hangouts.ConversationType;
import dev.parley.proto.Hangouts.CreateConversationRequest;
import dev.parley.proto.Hangouts.CreateConversationResponse;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.InviteeID;
import dev.parley.proto.Hangouts.Segment;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.TypingType;
import dev.parley.server.ParleyServer;
import dev.parley.server.channel.ChannelConfig;
import dev.parley.server.storage.Account;
import dev.parley.server.testing.HangoutsTestClient;
import dev.parley.server.testing.TestChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo world at work on a real server: Parley Bot answering the owner, and friends writing
 * while the owner's client is connected. The bot keeps its production pace; visits come within
 * milliseconds so the test is quick.
 */
class DemoWorldLiveTest {
  private static final DemoTimings FAST_VISITS =
      new DemoTimings(
          DemoTimings.DEFAULT.botReplyMin(),
          DemoTimings.DEFAULT.botReplyMax(),
          Duration.ofMillis(50),
          Duration.ofMillis(150),
          Duration.ofMillis(20),
          Duration.ofMillis(150),
          Duration.ofMillis(250));

  @TempDir static Path dataDir;

  private static ParleyServer server;
  private static HangoutsTestClient owner;
  private static Account bot;
  private static Set<String> people;

  @BeforeAll
  static void startDemoServer() throws Exception {
    ChannelConfig quickToNoticeDisconnects =
        ChannelConfig.defaults()
            .withTimings(Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(30))
            .withUnreachableGrace(Duration.ZERO);
    server = ParleyServer.start(config(dataDir).withChannel(quickToNoticeDisconnects), FAST_VISITS);
    owner = signInAsOwner(server);
    bot = bot(server);
    people =
        DemoCast.PEOPLE.stream()
            .map(p -> account(server, p.email()).id())
            .collect(Collectors.toSet());
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void parleyBotRepeatsAMessageInBoldWithinASecondOrSo() {
    String conversation = oneToOne(server, bot);

    Event sent =
        send(
            owner,
            conversation,
            List.of(DemoText.text("Hello ", false, false), DemoText.text("Parley", false, true)));
    Event reply = awaitBotMessage(conversation, sent.getTimestamp(), "You said: Hello Parley");

    List<Segment> segments = reply.getChatMessage().getMessageContent().getSegmentList();
    assertThat(segments.subList(1, segments.size()))
        .allSatisfy(s -> assertThat(s.getFormatting().getBold()).isTrue());
    assertThat(segments.get(2).getFormatting().getItalic()).isTrue();
    assertThat(reply.getTimestamp() - sent.getTimestamp()).isLessThan(TimeUnit.SECONDS.toMicros(3));
  }

  @Test
  void slashImageGetsAGeneratedPictureTheOwnerCanOpen() {
    String conversation = oneToOne(server, bot);

    Event sent = send(owner, conversation, DemoText.segments("/image"));
    Event reply = awaitBotMessage(conversation, sent.getTimestamp(), null);

    assertThat(reply.getChatMessage().getMessageContent().getAttachmentList()).hasSize(1);
    String photoId =
        reply
            .getChatMessage()
            .getMessageContent()
            .getAttachment(0)
            .getEmbedItem()
            .getPlusPhoto()
            .getPhotoId();
    assertThat(get(owner, "/media/" + photoId)).isEqualTo(200);
  }

  @Test
  void parleyBotAnswersInGroupConversationsToo() {
    CreateConversationRequest create =
        CreateConversationRequest.newBuilder()
            .setType(ConversationType.CONVERSATION_TYPE_GROUP)
            .setName("Bot playground")
            .setClientGeneratedId(System.nanoTime())
            .addInviteeId(InviteeID.newBuilder().setGaiaId(bot.id()))
            .addInviteeId(
                InviteeID.newBuilder().setGaiaId(account(server, "maya@parley.local").id()))
            .build();
    String group =
        owner
            .rpc(
                "conversations/createconversation",
                create,
                CreateConversationResponse.getDefaultInstance())
            .getConversation()
            .getConversationId()
            .getId();

    Event sent = send(owner, group, DemoText.segments("hi everyone"));

    awaitBotMessage(group, sent.getTimestamp(), "You said: hi everyone");
  }

  @Test
  void parleyBotAnswersEachMessageOnceAndNeverItself() {
    String conversation = oneToOne(server, bot);
    long since = 0;
    for (String text : List.of("one", "two", "three")) {
      Event sent = send(owner, conversation, DemoText.segments(text));
      since = since == 0 ? sent.getTimestamp() : since;
      awaitBotMessage(conversation, sent.getTimestamp(), "You said: " + text);
    }

    assertThat(botMessagesAfter(conversation, since))
        .extracting(e -> plainText(e))
        .containsExactly("You said: one", "You said: two", "You said: three");
  }

  @Test
  void friendsWriteSoonAfterTheOwnerConnectsAndStopOnceTheOwnerIsGone() {
    long before = server.store().read(tx -> tx.lastTimestamp());
    assertThat(visitsSince(before)).as("nobody writes while the owner is away").isZero();

    try (TestChannel channel = owner.openChannel()) {
      StateUpdate first =
          channel.await(
              u -> u.hasEventNotification() && isVisit(u.getEventNotification().getEvent()),
              Duration.ofSeconds(10));
      String visitor = first.getEventNotification().getEvent().getSenderId().getGaiaId();
      assertThat(channel.drain())
          .as("the visitor was typing first")
          .anyMatch(
              u ->
                  u.getTypingNotification().getType() == TypingType.TYPING_TYPE_STARTED
                      && u.getTypingNotification().getSenderId().getGaiaId().equals(visitor));

      Await.until("more visits follow", () -> visitsSince(before) >= 3);
    }

    long visits =
        Await.steady(
            "visits stop after the owner's client went away",
            Duration.ofSeconds(1),
            () -> visitsSince(before));
    assertThat(visits).isGreaterThanOrEqualTo(3);
  }

  private boolean isVisit(Event e) {
    return e.hasChatMessage() && people.contains(e.getSenderId().getGaiaId());
  }

  private long visitsSince(long timestamp) {
    long count = 0;
    for (DemoPerson person : DemoCast.PEOPLE) {
      count +=
          events(server, oneToOne(server, account(server, person.email()))).stream()
              .filter(e -> e.getTimestamp() > timestamp && isVisit(e))
              .count();
    }
    return count;
  }

  /** The first message of the bot after {@code timestamp} (with that text, unless null). */
  private static Event awaitBotMessage(String conversation, long timestamp, String text) {
    Await.until(
        "Parley Bot answers " + (text == null ? "" : "\"" + text + "\""),
        Duration.ofSeconds(5),
        () ->
            botMessagesAfter(conversation, timestamp).stream()
                .anyMatch(e -> text == null || plainText(e).equals(text)));
    return botMessagesAfter(conversation, timestamp).stream()
        .filter(e -> text == null || plainText(e).equals(text))
        .findFirst()
        .orElseThrow();
  }

  private static List<Event> botMessagesAfter(String conversation, long timestamp) {
    return events(server, conversation).stream()
        .filter(e -> e.getTimestamp() > timestamp && isChatFrom(e, bot.id()))
        .toList();
  }

  private static String plainText(Event e) {
    return DemoBot.plainText(e.getChatMessage().getMessageContent().getSegmentList());
  }
}
