package dev.parley.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.FakeUiTimer;
import dev.parley.app.UiDispatcher;
import dev.parley.app.session.ChatMessage;
import dev.parley.app.session.ConversationSummary;
import dev.parley.app.session.FakeSessionService;
import dev.parley.app.session.ListSnapshot;
import dev.parley.app.session.Person;
import dev.parley.app.session.PresenceInfo;
import dev.parley.app.session.SendState;
import dev.parley.app.session.StartingSession;
import dev.parley.app.session.SystemEvent;
import dev.parley.app.session.TimelineItem;
import dev.parley.client.ChatMessageSegment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConversationViewModelTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/London");

  /** Tuesday 25 November 2025, noon in London. */
  private static final Instant NOW = Instant.parse("2025-11-25T12:00:00Z");

  private static Locale savedLocale;

  private final FakeSessionService session = new FakeSessionService();
  private final FakeUiTimer timer = new FakeUiTimer();
  private final Person alice = FakeSessionService.person("alice", "Alice Smith", false);
  private final Person bob = FakeSessionService.person("bob", "Bob Jones", false);
  private final Person carol = FakeSessionService.person("carol", "Carol King", false);
  private final Person dave = FakeSessionService.person("dave", "Dave Brown", false);
  private final Person erin = FakeSessionService.person("erin", "Erin White", false);
  private ConversationViewModel vm;

  @BeforeAll
  static void englishDates() {
    savedLocale = Locale.getDefault();
    Locale.setDefault(Locale.UK);
  }

  @AfterAll
  static void restoreLocale() {
    Locale.setDefault(savedLocale);
  }

  @BeforeEach
  void createViewModel() {
    vm =
        new ConversationViewModel(
            session, UiDispatcher.currentThread(), timer, Clock.fixed(NOW, ZONE), Runnable::run);
  }

  @AfterEach
  void dispose() {
    vm.dispose();
  }

  @Test
  void aConversationOpenedFromTheSavedListIsReadAgainWhenTheSessionIsReady() {
    ConversationSummary saved = summary("g", "Trip", true, 1, alice);
    StartingSession starting =
        new StartingSession(
            new ListSnapshot("k", FakeSessionService.SELF, "", List.of(saved)), () -> {});
    ConversationViewModel early =
        new ConversationViewModel(
            starting, UiDispatcher.currentThread(), timer, Clock.fixed(NOW, ZONE), Runnable::run);
    early.open("g");
    assertThat(early.titleProperty().get()).isEqualTo("Trip");
    assertThat(early.rows()).isEmpty();

    session.putConversation(summary("g", "Trip renamed", true, 1, alice));
    receive("g", alice, "from the server", at("10:00"));
    starting.ready(session);

    assertThat(early.titleProperty().get()).isEqualTo("Trip renamed");
    assertThat(early.rows())
        .filteredOn(r -> r instanceof TimelineRow.Message)
        .extracting(r -> ((TimelineRow.Message) r).message().plainText())
        .containsExactly("from the server");
    early.dispose();
  }

  // ---- grouping, separators, divider ----

  @Test
  void messagesOfOneSenderWithinFiveMinutesFormOneGroup() {
    group("g", 0);
    receive("g", alice, "one", at("10:00"));
    receive("g", alice, "two", at("10:03"));
    receive("g", alice, "three", at("10:09"));
    receive("g", bob, "four", at("10:10"));
    receive("g", alice, "five", at("10:11"));
    vm.open("g");

    List<TimelineRow.Message> messages = messages();
    assertThat(messages)
        .extracting(TimelineRow.Message::firstInGroup)
        .containsExactly(true, false, true, true, true);
    assertThat(messages)
        .extracting(TimelineRow.Message::lastInGroup)
        .containsExactly(false, true, true, true, true);
    assertThat(messages)
        .extracting(TimelineRow.Message::showSenderName)
        .containsExactly(true, false, true, true, true);
    assertThat(messages)
        .extracting(TimelineRow.Message::showAvatar)
        .containsExactly(true, false, true, true, true);
    assertThat(messages.get(0).time()).isEqualTo("10:00");
    assertThat(messages.get(0).fullTime()).isEqualTo("Tuesday, 25 November 2025, 10:00");
  }

  @Test
  void appendingToAGroupMovesTheTimeToTheNewLastMessage() {
    group("g", 0);
    receive("g", alice, "one", at("10:00"));
    vm.open("g");
    receive("g", alice, "two", at("10:01"));

    assertThat(messages())
        .extracting(TimelineRow.Message::lastInGroup)
        .containsExactly(false, true);
    assertThat(messages())
        .extracting(TimelineRow.Message::firstInGroup)
        .containsExactly(true, false);
  }

  @Test
  void aSystemEventBetweenTwoMessagesStartsANewGroup() {
    group("g", 0);
    receive("g", alice, "before", at("10:00"));
    session.receive(
        new SystemEvent("g", "sys-1", at("10:01"), SystemEvent.Kind.RENAME, bob, "Bob renamed it"));
    receive("g", alice, "after", at("10:02"));
    vm.open("g");

    assertThat(vm.rows().get(2)).isInstanceOf(TimelineRow.SystemLine.class);
    assertThat(((TimelineRow.SystemLine) vm.rows().get(2)).text()).isEqualTo("Bob renamed it");
    assertThat(messages())
        .extracting(TimelineRow.Message::firstInGroup)
        .containsExactly(true, true);
  }

  @Test
  void oneToOneConversationsShowNoSenderNames() {
    direct("d", alice, 0);
    receive("d", alice, "hi", at("10:00"));
    vm.open("d");

    assertThat(messages().get(0).showSenderName()).isFalse();
    assertThat(messages().get(0).showAvatar()).isTrue();
  }

  @Test
  void daySeparatorsSayTodayYesterdayOrTheDate() {
    group("g", 0);
    receive("g", alice, "long ago", Instant.parse("2024-03-01T09:00:00Z"));
    receive("g", alice, "sunday", Instant.parse("2025-11-23T09:00:00Z"));
    receive("g", alice, "yesterday", Instant.parse("2025-11-24T09:00:00Z"));
    receive("g", alice, "today", Instant.parse("2025-11-25T09:00:00Z"));
    receive("g", bob, "today too", Instant.parse("2025-11-25T09:30:00Z"));
    vm.open("g");

    assertThat(separators())
        .containsExactly("Friday 1 March 2024", "Sunday 23 November", "Yesterday", "Today");
    assertThat(vm.rows().get(0)).isInstanceOf(TimelineRow.DaySeparator.class);
  }

  @Test
  void aMessageOnANewDayStartsANewGroupAfterASeparator() {
    group("g", 0);
    receive("g", alice, "late", Instant.parse("2025-11-24T23:58:00Z"));
    receive("g", alice, "early", Instant.parse("2025-11-25T00:01:00Z"));
    vm.open("g");

    assertThat(vm.rows()).hasSize(4);
    assertThat(messages())
        .extracting(TimelineRow.Message::firstInGroup)
        .containsExactly(true, true);
  }

  @Test
  void separatorsAreRewordedAfterMidnight() {
    Instant beforeMidnight = Instant.parse("2025-11-25T23:59:30Z");
    ConversationViewModel late =
        new ConversationViewModel(
            session, UiDispatcher.currentThread(), timer, new SteppingClock(beforeMidnight));
    group("g", 0);
    receive("g", alice, "hi", Instant.parse("2025-11-25T09:00:00Z"));
    late.open("g");
    assertThat(((TimelineRow.DaySeparator) late.rows().get(0)).label()).isEqualTo("Today");

    SteppingClock.now = beforeMidnight.plus(Duration.ofMinutes(2));
    timer.advance(Duration.ofMinutes(1));

    assertThat(((TimelineRow.DaySeparator) late.rows().get(0)).label()).isEqualTo("Yesterday");
    late.dispose();
  }

  @Test
  void theUnreadDividerPrecedesTheFirstOfTheLastUnreadMessagesFromOthers() {
    group("g", 2);
    receive("g", alice, "read", at("10:00"));
    receive("g", FakeSessionService.SELF, "mine", at("10:01"));
    ChatMessage firstUnread = receive("g", alice, "unread 1", at("10:02"));
    receive("g", FakeSessionService.SELF, "mine again", at("10:03"));
    receive("g", bob, "unread 2", at("10:04"));
    vm.open("g");

    int divider = indexOf(TimelineModel.UNREAD_KEY);
    assertThat(divider).isPositive();
    assertThat(vm.rows().get(divider + 1).key()).isEqualTo(firstUnread.key());
    assertThat(vm.initialScrollIndex()).isEqualTo(divider);
    assertThat(((TimelineRow.Message) vm.rows().get(divider + 1)).firstInGroup()).isTrue();
  }

  @Test
  void withoutUnreadMessagesTheViewStartsAtTheNewestRow() {
    group("g", 0);
    receive("g", alice, "read", at("10:00"));
    vm.open("g");

    assertThat(indexOf(TimelineModel.UNREAD_KEY)).isEqualTo(-1);
    assertThat(vm.initialScrollIndex()).isEqualTo(vm.rows().size() - 1);
  }

  @Test
  void theUnreadDividerMovesUpWhenOlderHistoryHoldsTheRestOfTheUnreadMessages() {
    group("g", 3);
    ChatMessage older = session.messageFrom(alice, "g", "older unread", at("09:00"));
    session.putOlderHistory("g", List.of(older));
    receive("g", alice, "unread a", at("10:00"));
    receive("g", alice, "unread b", at("10:01"));
    vm.open("g");

    vm.loadOlder();

    int divider = indexOf(TimelineModel.UNREAD_KEY);
    assertThat(vm.rows().get(divider + 1).key()).isEqualTo(older.key());
    assertThat(vm.rows().stream().filter(r -> r instanceof TimelineRow.UnreadDivider)).hasSize(1);
  }

  // ---- sending ----

  @Test
  void aPendingMessageBecomesSentInPlaceWithoutADuplicate() {
    direct("d", alice, 0);
    receive("d", alice, "hi", at("10:00"));
    vm.open("d");
    session.holdSends = true;

    ChatMessage pending = session.send("d", "hello", null, null);
    int index = indexOf(pending.key());
    assertThat(((TimelineRow.Message) vm.rows().get(index)).state()).isEqualTo(SendState.PENDING);
    int size = vm.rows().size();

    session.receive(sent(pending, "ev-sent"));

    assertThat(vm.rows()).hasSize(size);
    assertThat(indexOf(pending.key())).isEqualTo(index);
    assertThat(((TimelineRow.Message) vm.rows().get(index)).state()).isEqualTo(SendState.SENT);
    assertThat(keys()).doesNotHaveDuplicates();
  }

  @Test
  void aFailedMessageCanBeRetried() {
    direct("d", alice, 0);
    vm.open("d");
    session.failSends = true;

    ChatMessage pending = session.send("d", "hello", null, null);
    TimelineRow.Message row = (TimelineRow.Message) vm.rows().get(indexOf(pending.key()));
    assertThat(row.state()).isEqualTo(SendState.FAILED);
    assertThat(vm.rows().stream().filter(r -> r instanceof TimelineRow.Message)).hasSize(1);

    vm.retry(row.message());

    assertThat(session.retried).containsExactly(pending.clientGeneratedId());
  }

  @Test
  void onlyFailedMessagesAreRetried() {
    direct("d", alice, 0);
    ChatMessage fromAlice = receive("d", alice, "hi", at("10:00"));
    vm.open("d");

    vm.retry(fromAlice);

    assertThat(session.retried).isEmpty();
  }

  @Test
  void itemsOfOtherConversationsAreIgnored() {
    direct("d", alice, 0);
    group("g", 0);
    vm.open("d");

    receive("g", bob, "elsewhere", at("10:00"));

    assertThat(vm.rows()).isEmpty();
  }

  // ---- older history ----

  @Test
  void loadOlderPrependsPagesAndStopsAtTheStart() {
    group("g", 0);
    List<TimelineItem> older = new ArrayList<>();
    Instant start = Instant.parse("2025-11-20T08:00:00Z");
    for (int i = 0; i < 120; i++) {
      older.add(
          session.messageFrom(
              i % 2 == 0 ? alice : bob, "g", "old " + i, start.plusSeconds(600L * i)));
    }
    session.putOlderHistory("g", older);
    ChatMessage newest = receive("g", alice, "newest", at("10:00"));
    vm.open("g");

    assertThat(vm.loadOlder().join()).isPositive();
    assertThat(messages()).hasSize(51);
    assertThat(vm.reachedStartProperty().get()).isFalse();
    vm.loadOlder();
    vm.loadOlder();

    assertThat(messages()).hasSize(121);
    assertThat(vm.reachedStartProperty().get()).isTrue();
    assertThat(vm.loadOlder().join()).isZero();
    assertThat(messages().get(0).message().plainText()).isEqualTo("old 0");
    assertThat(messages().get(120).key()).isEqualTo(newest.key());
    assertThat(keys()).doesNotHaveDuplicates();
    List<Instant> times = messages().stream().map(m -> m.message().timestamp()).toList();
    assertThat(times).isSorted();
    assertThat(vm.loadingOlderProperty().get()).isFalse();
  }

  @Test
  void aSecondLoadOlderWhileOneIsRunningDoesNothing() {
    List<Runnable> queue = new ArrayList<>();
    ConversationViewModel queued =
        new ConversationViewModel(session, queue::add, timer, Clock.fixed(NOW, ZONE));
    group("g", 0);
    List<TimelineItem> older = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      older.add(session.messageFrom(alice, "g", "old " + i, at("08:00").plusSeconds(i)));
    }
    session.putOlderHistory("g", older);
    queued.open("g");

    queued.loadOlder();
    assertThat(queued.loadingOlderProperty().get()).isTrue();
    queued.loadOlder();
    new ArrayList<>(queue).forEach(Runnable::run);

    assertThat(queued.rows().stream().filter(r -> r instanceof TimelineRow.Message)).hasSize(50);
    assertThat(queued.loadingOlderProperty().get()).isFalse();
    queued.dispose();
  }

  @Test
  void olderHistoryOnTheSameDayDoesNotRepeatTheSeparator() {
    group("g", 0);
    session.putOlderHistory("g", List.of(session.messageFrom(alice, "g", "morning", at("08:00"))));
    receive("g", alice, "noon", at("11:00"));
    vm.open("g");

    int added = vm.loadOlder().join();

    assertThat(separators()).containsExactly("Today");
    assertThat(added).isEqualTo(1);
    assertThat(vm.rows().get(0)).isInstanceOf(TimelineRow.DaySeparator.class);
  }

  // ---- header ----

  @Test
  void typingTextNamesOneOrTwoPeopleOrSaysSeveral() {
    group("g", 0);
    vm.open("g");

    session.setTypingPeople("g", List.of(alice));
    assertThat(vm.typingTextProperty().get()).isEqualTo("Alice is typing…");
    session.setTypingPeople("g", List.of(alice, bob));
    assertThat(vm.typingTextProperty().get()).isEqualTo("Alice and Bob are typing…");
    session.setTypingPeople("g", List.of(alice, bob, carol));
    assertThat(vm.typingTextProperty().get()).isEqualTo("Several people are typing…");
    session.setTypingPeople("g", List.of(FakeSessionService.SELF));
    assertThat(vm.typingTextProperty().get()).isEmpty();
    session.setTypingPeople("other", List.of(alice));
    assertThat(vm.typingTextProperty().get()).isEmpty();
  }

  @Test
  void aOneToOneSubtitleShowsThePresenceOfTheOtherPerson() {
    direct("d", alice, 0);
    vm.open("d");
    assertThat(session.presenceRefreshed).containsExactly("alice");
    assertThat(vm.titleProperty().get()).isEqualTo("Alice Smith");
    assertThat(vm.avatarProperty().get()).isEqualTo(alice);

    session.setPresence("alice", new PresenceInfo(true, NOW, ""));
    assertThat(vm.subtitleProperty().get()).isEqualTo("online");
    session.setPresence("alice", new PresenceInfo(false, NOW.minusSeconds(20), ""));
    assertThat(vm.subtitleProperty().get()).isEqualTo("last seen just now");
    session.setPresence("alice", new PresenceInfo(false, NOW.minus(Duration.ofMinutes(5)), ""));
    assertThat(vm.subtitleProperty().get()).isEqualTo("last seen 5 min ago");
    session.setPresence("alice", new PresenceInfo(false, at("08:15"), ""));
    assertThat(vm.subtitleProperty().get()).isEqualTo("last seen today at 08:15");
    session.setPresence(
        "alice", new PresenceInfo(false, Instant.parse("2025-11-24T14:05:00Z"), ""));
    assertThat(vm.subtitleProperty().get()).isEqualTo("last seen yesterday at 14:05");
    session.setPresence(
        "alice", new PresenceInfo(false, Instant.parse("2025-11-12T14:05:00Z"), ""));
    assertThat(vm.subtitleProperty().get()).isEqualTo("last seen 12 Nov");
    session.setPresence(
        "alice", new PresenceInfo(false, Instant.parse("2024-11-12T14:05:00Z"), ""));
    assertThat(vm.subtitleProperty().get()).isEqualTo("last seen 12 Nov 2024");
    session.setPresence("bob", new PresenceInfo(true, NOW, ""));
    assertThat(vm.subtitleProperty().get()).isEqualTo("last seen 12 Nov 2024");
  }

  @Test
  void aGroupSubtitleListsTheParticipants() {
    session.putConversation(summary("g", null, true, 0, alice, bob, carol, dave, erin));
    vm.open("g");
    assertThat(vm.subtitleProperty().get()).isEqualTo("Alice, Bob and 3 others");
    assertThat(vm.titleProperty().get())
        .isEqualTo("Alice Smith, Bob Jones, Carol King, Dave Brown, Erin White");

    session.putConversation(summary("g", "Trip", true, 0, alice, bob, carol));
    assertThat(vm.subtitleProperty().get()).isEqualTo("Alice, Bob and Carol");
    assertThat(vm.titleProperty().get()).isEqualTo("Trip");
    assertThat(vm.avatarProperty().get().fullName()).isEqualTo("Trip");
    assertThat(session.presenceRefreshed).isEmpty();
  }

  @Test
  void openingNothingEmptiesEverything() {
    direct("d", alice, 0);
    receive("d", alice, "hi", at("10:00"));
    vm.open("d");

    vm.open(null);

    assertThat(vm.conversationIdProperty().get()).isNull();
    assertThat(vm.rows()).isEmpty();
    assertThat(vm.titleProperty().get()).isEmpty();
  }

  @Test
  void aRemovedConversationCloses() {
    direct("d", alice, 0);
    vm.open("d");

    session.removeConversation("d");

    assertThat(vm.conversationIdProperty().get()).isNull();
  }

  // ---- scrolling state and read marks ----

  @Test
  void messagesFromOthersArrivingWhileScrolledUpAreCounted() {
    direct("d", alice, 0);
    vm.open("d");
    vm.setAtBottom(false);

    receive("d", alice, "one", at("10:00"));
    receive("d", alice, "two", at("10:01"));
    session.send("d", "mine", null, null);
    assertThat(vm.newMessagesBelowProperty().get()).isEqualTo(2);

    vm.jumpToNewest();
    assertThat(vm.newMessagesBelowProperty().get()).isZero();
    receive("d", alice, "three", at("10:02"));
    assertThat(vm.newMessagesBelowProperty().get()).isEqualTo(1);
    vm.setAtBottom(true);
    assertThat(vm.newMessagesBelowProperty().get()).isZero();
    receive("d", alice, "four", at("10:03"));
    assertThat(vm.newMessagesBelowProperty().get()).isZero();
  }

  @Test
  void markReadOnlyWhenTheWindowIsFocusedAndTheNewestMessageIsInSight() {
    direct("d", alice, 1);
    receive("d", alice, "unread", at("10:00"));
    vm.open("d");
    assertThat(session.markedRead).isEmpty();

    vm.windowFocusedProperty().set(true);
    assertThat(session.markedRead).isEmpty();
    vm.setAtBottom(true);
    assertThat(session.markedRead).containsExactly("d");

    vm.windowFocusedProperty().set(false);
    vm.windowFocusedProperty().set(true);
    vm.setAtBottom(false);
    vm.setAtBottom(true);
    assertThat(session.markedRead).containsExactly("d");
  }

  @Test
  void aNewMessageIsMarkedReadAgainWhileWatching() {
    direct("d", alice, 1);
    receive("d", alice, "unread", at("10:00"));
    vm.open("d");
    vm.windowFocusedProperty().set(true);
    vm.setAtBottom(true);

    receive("d", alice, "another", at("10:01"));
    session.putConversation(session.conversation("d").orElseThrow().withUnreadCount(1));

    assertThat(session.markedRead).containsExactly("d", "d");
  }

  @Test
  void nothingIsMarkedReadWithoutUnreadMessages() {
    direct("d", alice, 0);
    receive("d", alice, "read", at("10:00"));
    vm.open("d");
    vm.windowFocusedProperty().set(true);
    vm.setAtBottom(true);

    assertThat(session.markedRead).isEmpty();
  }

  @Test
  void userInteractionMarksThisClientActive() {
    vm.userInteracted();
    assertThat(session.setActiveCalls).isEqualTo(1);
  }

  // ---- receipts ----

  @Test
  void seenByAppearsOnTheNewestMessageAtOrBeforeEachReadTimestamp() {
    group("g", 0);
    ChatMessage m1 = receive("g", FakeSessionService.SELF, "one", at("10:00"));
    ChatMessage m2 = receive("g", FakeSessionService.SELF, "two", at("10:01"));
    ChatMessage a1 = receive("g", alice, "three", at("10:02"));
    ChatMessage m3 = receive("g", FakeSessionService.SELF, "four", at("10:03"));
    session.setReceipts(
        "g",
        Map.of(
            "bob", at("10:01").plusSeconds(30),
            "alice", at("10:03"),
            "carol", at("10:02").plusSeconds(10)));
    vm.open("g");

    assertThat(seenBy(m1)).isEmpty();
    assertThat(seenBy(m2)).containsExactly("bob");
    assertThat(seenBy(a1)).containsExactly("carol");
    assertThat(seenBy(m3)).containsExactly("alice");

    session.setReceipts("g", Map.of("bob", at("10:05"), "alice", at("10:02")));

    assertThat(seenBy(m2)).isEmpty();
    assertThat(seenBy(a1)).isEmpty(); // Alice read up to her own message: nothing to show
    assertThat(seenBy(m3)).containsExactly("bob");
  }

  @Test
  void aNewMessageTakesOverTheReceiptsOfPeopleWhoReadPastIt() {
    group("g", 0);
    ChatMessage m1 = receive("g", FakeSessionService.SELF, "one", at("10:00"));
    session.setReceipts("g", Map.of("bob", at("10:30")));
    vm.open("g");
    assertThat(seenBy(m1)).containsExactly("bob");

    ChatMessage m2 = receive("g", alice, "two", at("10:10"));

    assertThat(seenBy(m1)).isEmpty();
    assertThat(seenBy(m2)).containsExactly("bob");
  }

  // ---- hostile input and incremental rows ----

  @Test
  void aHugeSingleLineMessageIsCappedAndRevealedPageByPage() {
    group("g", 0);
    String huge = "x".repeat(64 * 1024);
    ChatMessage message = message("g", alice, List.of(ChatMessageSegment.text(huge)), at("10:00"));
    session.receive(message);
    vm.open("g");

    TimelineRow.Message row = messages().get(0);
    assertThat(textLength(row)).isEqualTo(MessageText.PAGE_CHARS);
    assertThat(row.truncated()).isTrue();

    vm.showMore(row.key());
    assertThat(textLength(messages().get(0))).isEqualTo(2 * MessageText.PAGE_CHARS);
    assertThat(vm.rows()).hasSize(2);
  }

  @Test
  void aMessageOfTenThousandSegmentsShowsAtMostAPageOfThem() {
    group("g", 0);
    List<ChatMessageSegment> segments = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      segments.add(ChatMessageSegment.builder("s" + i).bold(i % 2 == 0).build());
    }
    session.receive(message("g", alice, segments, at("10:00")));
    vm.open("g");

    TimelineRow.Message row = messages().get(0);
    assertThat(row.segments()).hasSize(MessageText.PAGE_SEGMENTS);
    assertThat(row.truncated()).isTrue();
  }

  @Test
  void controlAndBidiOverrideCharactersAreStripped() {
    group("g", 0);
    Person sneaky = FakeSessionService.person("eve", "Eve\u202e Evil", false);
    session.receive(
        message(
            "g",
            sneaky,
            List.of(ChatMessageSegment.text("abc\u202edef\u0000\u0007\u2066ghi\nnext\u0085")),
            at("10:00")));
    vm.open("g");

    TimelineRow.Message row = messages().get(0);
    assertThat(row.segments().get(0).text()).isEqualTo("abcdefghi\nnext");
    assertThat(row.senderName()).isEqualTo("Eve Evil");
  }

  @Test
  void markupInTextStaysText() {
    group("g", 0);
    String html = "<script>alert(1)</script><b>not bold</b>";
    session.receive(message("g", alice, List.of(ChatMessageSegment.text(html)), at("10:00")));
    vm.open("g");

    assertThat(messages().get(0).segments().get(0).text()).isEqualTo(html);
    assertThat(messages().get(0).segments().get(0).bold()).isFalse();
  }

  @Test
  void appendingToALongHistoryTouchesOnlyTheNewestRows() {
    group("g", 0);
    Instant start = Instant.parse("2025-11-01T08:00:00Z");
    for (int i = 0; i < 10_000; i++) {
      session.receive(
          session.messageFrom(i % 3 == 0 ? alice : bob, "g", "m" + i, start.plusSeconds(120L * i)));
    }
    vm.open("g");
    int[] touched = {0};
    vm.rows()
        .addListener(
            (ListChangeListener<TimelineRow>)
                c -> {
                  while (c.next()) {
                    touched[0] += Math.max(c.getAddedSize(), c.getRemovedSize());
                  }
                });

    receive("g", bob, "newest", at("11:00"));

    assertThat(touched[0]).isBetween(1, 3);
    assertThat(vm.rows().get(vm.rows().size() - 1)).isInstanceOf(TimelineRow.Message.class);
  }

  // ---- helpers ----

  private static Instant at(String hhmm) {
    return Instant.parse("2025-11-25T" + hhmm + ":00Z");
  }

  private ChatMessage receive(String conversation, Person sender, String text, Instant when) {
    ChatMessage message =
        sender.self()
            ? new ChatMessage(
                conversation,
                "ev-" + text.hashCode() + "-" + when.toEpochMilli(),
                null,
                sender,
                when,
                ChatMessageSegment.fromString(text),
                List.of(),
                false,
                SendState.SENT,
                null)
            : session.messageFrom(sender, conversation, text, when);
    session.receive(message);
    return message;
  }

  private static ChatMessage message(
      String conversation, Person sender, List<ChatMessageSegment> segments, Instant when) {
    return new ChatMessage(
        conversation,
        "ev-" + sender.id() + when.toEpochMilli(),
        null,
        sender,
        when,
        segments,
        List.of(),
        false,
        SendState.SENT,
        null);
  }

  private static ChatMessage sent(ChatMessage pending, String eventId) {
    return new ChatMessage(
        pending.conversationId(),
        eventId,
        pending.clientGeneratedId(),
        pending.sender(),
        pending.timestamp(),
        pending.segments(),
        pending.images(),
        false,
        SendState.SENT,
        null);
  }

  private void group(String id, int unread) {
    session.putConversation(summary(id, null, true, unread, alice, bob, carol));
  }

  private void direct(String id, Person other, int unread) {
    session.putConversation(summary(id, null, false, unread, other));
  }

  private static ConversationSummary summary(
      String id, String name, boolean group, int unread, Person... others) {
    List<Person> participants = new ArrayList<>();
    participants.add(FakeSessionService.SELF);
    participants.addAll(List.of(others));
    return new ConversationSummary(
        id, name, group, participants, NOW, null, "", unread, false, false, false, false);
  }

  private List<TimelineRow.Message> messages() {
    return vm.rows().stream()
        .filter(r -> r instanceof TimelineRow.Message)
        .map(r -> (TimelineRow.Message) r)
        .toList();
  }

  private List<String> separators() {
    return vm.rows().stream()
        .filter(r -> r instanceof TimelineRow.DaySeparator)
        .map(r -> ((TimelineRow.DaySeparator) r).label())
        .toList();
  }

  private List<String> keys() {
    return vm.rows().stream().map(TimelineRow::key).toList();
  }

  private int indexOf(String key) {
    return keys().indexOf(key);
  }

  private List<String> seenBy(ChatMessage message) {
    TimelineRow.Message row = (TimelineRow.Message) vm.rows().get(indexOf(message.key()));
    return row.seenBy().stream().map(Person::id).toList();
  }

  private static int textLength(TimelineRow.Message row) {
    return row.segments().stream().mapToInt(s -> s.text().length()).sum();
  }

  /** A clock a test can move (for the midnight relabel). */
  private static final class SteppingClock extends Clock {
    static Instant now;

    SteppingClock(Instant start) {
      now = start;
    }

    @Override
    public ZoneId getZone() {
      return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
