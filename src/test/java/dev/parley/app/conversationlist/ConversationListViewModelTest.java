package dev.parley.app.conversationlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.app.FakeUiTimer;
import dev.parley.app.UiDispatcher;
import dev.parley.app.session.ConversationSummary;
import dev.parley.app.session.FakeSessionService;
import dev.parley.app.session.Person;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ConversationListViewModelTest {
  static final Instant NOW = Instant.parse("2026-11-24T14:30:00Z"); // a Tuesday
  static final Person ME = FakeSessionService.SELF;
  static final Person ALICE =
      new Person("alice", "Alice Martin", null, "alice@example.org", null, false);
  static final Person BOB = new Person("bob", "Bob Chen", null, "bob@example.org", null, false);
  static final Person ZOE = new Person("zoe", "Zoë Roux", null, "zr@corp.example", null, false);

  private final FakeSessionService session = new FakeSessionService();
  private final FakeUiTimer timer = new FakeUiTimer();
  private final MutableClock clock = new MutableClock(NOW);
  private ConversationListViewModel vm;

  private ConversationListViewModel vm() {
    if (vm == null) {
      vm =
          new ConversationListViewModel(
              session, UiDispatcher.currentThread(), timer, clock, Locale.UK);
    }
    return vm;
  }

  static ConversationSummary oneToOne(String id, Person other, Instant at, String preview) {
    return new ConversationSummary(
        id, null, false, List.of(ME, other), at, other, preview, 0, false, false, false, false);
  }

  static ConversationSummary group(
      String id, String name, List<Person> others, Instant at, Person sender, String preview) {
    List<Person> everyone = new ArrayList<>();
    everyone.add(ME);
    everyone.addAll(others);
    return new ConversationSummary(
        id, name, true, everyone, at, sender, preview, 0, false, false, false, false);
  }

  static ConversationSummary with(
      ConversationSummary s, int unread, boolean quiet, boolean archived) {
    return new ConversationSummary(
        s.id(),
        s.customName(),
        s.group(),
        s.participants(),
        s.lastActivity(),
        s.lastMessageSender(),
        s.lastMessagePreview(),
        unread,
        quiet,
        archived,
        false,
        false);
  }

  static ConversationSummary movedTo(
      ConversationSummary s, Instant at, Person sender, String text) {
    return new ConversationSummary(
        s.id(),
        s.customName(),
        s.group(),
        s.participants(),
        at,
        sender,
        text,
        s.unreadCount() + (sender.self() ? 0 : 1),
        s.quiet(),
        s.archived(),
        false,
        false);
  }

  private List<String> ids() {
    return vm().rows().stream().map(ConversationRow::id).toList();
  }

  private ConversationRow row(String id) {
    return vm().rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  private void threeConversations() {
    session.putConversation(oneToOne("a", ALICE, NOW.minusSeconds(600), "see you"));
    session.putConversation(
        group("g", "Trip", List.of(ALICE, BOB), NOW.minusSeconds(60), BOB, "tickets?"));
    session.putConversation(oneToOne("b", BOB, NOW.minusSeconds(3600 * 5), "ok"));
  }

  @Test
  void rowsAreSortedByLastActivityNewestFirst() {
    threeConversations();
    assertThat(ids()).containsExactly("g", "a", "b");
  }

  @Test
  void aNewMessageMovesItsConversationToTheTopAndTheSelectionStaysOnIt() {
    threeConversations();
    vm().select("a");
    vm().selectNext();
    assertThat(vm().selectedConversationIdProperty().get()).isEqualTo("b");

    session.putConversation(
        movedTo(session.conversation("b").orElseThrow(), NOW, BOB, "running late"));

    assertThat(ids()).containsExactly("b", "g", "a");
    assertThat(vm().selectedConversationIdProperty().get()).isEqualTo("b");
    assertThat(row("b").previewText()).isEqualTo("running late");
    assertThat(row("b").unreadCount()).isEqualTo(1);
    assertThat(row("b").time()).isEqualTo("now");
  }

  @Test
  void aConversationThatAppearsLaterIsInsertedInOrder() {
    threeConversations();
    vm();
    session.putConversation(oneToOne("z", ZOE, NOW.minusSeconds(1800), "hello"));
    assertThat(ids()).containsExactly("g", "a", "z", "b");
  }

  @Test
  void filterMatchesTitlesIgnoringCaseAndAccents() {
    threeConversations();
    session.putConversation(oneToOne("z", ZOE, NOW.minusSeconds(7200), "salut"));
    vm().filterProperty().set("TRIP");
    assertThat(ids()).containsExactly("g");
    vm().filterProperty().set("zoe");
    assertThat(ids()).containsExactly("z");
    vm().filterProperty().set("  ");
    assertThat(ids()).hasSize(4);
  }

  @Test
  void filterMatchesParticipantsNamesAndEmails() {
    threeConversations();
    vm().filterProperty().set("chen");
    assertThat(ids()).containsExactly("g", "b");
    vm().filterProperty().set("alice@example");
    assertThat(ids()).containsExactly("g", "a");
  }

  @Test
  void theSignedInUserDoesNotMatchEveryConversation() {
    threeConversations();
    vm().filterProperty().set("sam");
    assertThat(ids()).isEmpty();
    assertThat(vm().emptyProperty().get()).isTrue();
    assertThat(vm().placeholderProperty().get()).isEqualTo("No matches for “sam”");
  }

  @Test
  void archivedConversationsAreHiddenUntilShowArchivedIsOn() {
    threeConversations();
    session.putConversation(with(session.conversation("a").orElseThrow(), 0, false, true));
    assertThat(ids()).containsExactly("g", "b");
    vm().showArchivedProperty().set(true);
    assertThat(ids()).containsExactly("g", "a", "b");
    assertThat(row("a").archived()).isTrue();
  }

  @Test
  void archivingTheLastConversationSaysSomeAreArchived() {
    session.putConversation(oneToOne("a", ALICE, NOW, "hi"));
    assertThat(vm().placeholderProperty().get()).isEqualTo("No conversations");
    session.putConversation(with(session.conversation("a").orElseThrow(), 0, false, true));
    assertThat(vm().emptyProperty().get()).isTrue();
    assertThat(vm().placeholderProperty().get()).contains("archived");
  }

  @Test
  void totalUnreadCountsEveryConversationButArchivedOnesMutedIncluded() {
    threeConversations();
    session.putConversation(with(session.conversation("a").orElseThrow(), 2, false, false));
    session.putConversation(with(session.conversation("g").orElseThrow(), 5, true, false));
    session.putConversation(with(session.conversation("b").orElseThrow(), 7, false, true));
    assertThat(vm().totalUnreadProperty().get()).isEqualTo(7);
    vm().filterProperty().set("trip");
    assertThat(vm().totalUnreadProperty().get()).isEqualTo(7);
    session.putConversation(with(session.conversation("g").orElseThrow(), 0, true, false));
    assertThat(vm().totalUnreadProperty().get()).isEqualTo(2);
  }

  @Test
  void nextAndPreviousUnreadSkipReadConversationsAndContinueAtTheOtherEnd() {
    threeConversations();
    session.putConversation(oneToOne("z", ZOE, NOW.minusSeconds(3600 * 8), "salut"));
    // order: g, a, b, z; unread: g and b
    session.putConversation(with(session.conversation("g").orElseThrow(), 1, false, false));
    session.putConversation(with(session.conversation("b").orElseThrow(), 3, false, false));

    assertThat(vm().selectNextUnread()).isTrue();
    assertThat(vm().selectedConversationIdProperty().get()).isEqualTo("g");
    vm().selectNextUnread();
    assertThat(vm().selectedConversationIdProperty().get()).isEqualTo("b");
    vm().selectNextUnread();
    assertThat(vm().selectedConversationIdProperty().get()).isEqualTo("g");
    vm().selectPreviousUnread();
    assertThat(vm().selectedConversationIdProperty().get()).isEqualTo("b");
    vm().select("z");
    vm().selectPreviousUnread();
    assertThat(vm().selectedConversationIdProperty().get()).isEqualTo("b");
  }

  @Test
  void nextUnreadDoesNothingWhenOnlyTheSelectedConversationIsUnread() {
    threeConversations();
    session.putConversation(with(session.conversation("a").orElseThrow(), 1, false, false));
    vm().select("a");
    assertThat(vm().selectNextUnread()).isFalse();
    assertThat(vm().selectedConversationIdProperty().get()).isEqualTo("a");
  }

  @Test
  void nextAndPreviousStopAtTheEndsWithoutWrapping() {
    threeConversations();
    vm().selectPrevious();
    assertThat(vm().selectedConversationIdProperty().get()).isEqualTo("g");
    vm().selectPrevious();
    assertThat(vm().selectedConversationIdProperty().get()).isEqualTo("g");
    vm().selectNext();
    vm().selectNext();
    vm().selectNext();
    assertThat(vm().selectedConversationIdProperty().get()).isEqualTo("b");
    vm().selectIndex(1);
    assertThat(vm().selectedConversationIdProperty().get()).isEqualTo("a");
    vm().selectIndex(8);
    assertThat(vm().selectedConversationIdProperty().get()).isEqualTo("a");
  }

  @Test
  void relativeTimesAreWordedLikeAChatApp() {
    session.putConversation(oneToOne("now", ALICE, NOW.minusSeconds(20), "x"));
    session.putConversation(oneToOne("min", ALICE, NOW.minusSeconds(5 * 60 + 10), "x"));
    session.putConversation(oneToOne("today", ALICE, Instant.parse("2026-11-24T09:05:00Z"), "x"));
    session.putConversation(oneToOne("mon", ALICE, Instant.parse("2026-11-23T20:00:00Z"), "x"));
    session.putConversation(oneToOne("wed", ALICE, Instant.parse("2026-11-18T08:00:00Z"), "x"));
    session.putConversation(oneToOne("week", ALICE, Instant.parse("2026-11-17T08:00:00Z"), "x"));
    session.putConversation(oneToOne("old", ALICE, Instant.parse("2025-11-12T08:00:00Z"), "x"));
    session.putConversation(oneToOne("never", ALICE, null, ""));

    assertThat(vm().rows().stream().map(ConversationRow::time))
        .containsExactly("now", "5 min", "09:05", "Mon", "Wed", "17 Nov", "12 Nov 2025", "");
  }

  @Test
  void timesFollowTheClocksZone() {
    clock.zone = ZoneId.of("America/New_York");
    session.putConversation(oneToOne("a", ALICE, Instant.parse("2026-11-24T13:05:00Z"), "x"));
    assertThat(row("a").time()).isEqualTo("08:05");
  }

  @Test
  void timesAreWordedAgainEveryMinute() {
    session.putConversation(oneToOne("a", ALICE, NOW, "hi"));
    assertThat(row("a").time()).isEqualTo("now");
    clock.now = NOW.plusSeconds(2 * 60);
    timer.advance(Duration.ofMinutes(2));
    assertThat(row("a").time()).isEqualTo("2 min");
    clock.now = NOW.plus(Duration.ofHours(2));
    timer.advance(Duration.ofMinutes(1));
    assertThat(row("a").time()).isEqualTo("14:30");
  }

  @Test
  void previewsNameTheSenderInGroupsAndTheUserEverywhere() {
    threeConversations();
    session.putConversation(oneToOne("mine", BOB, NOW.minusSeconds(7200), "on my way"));
    session.putConversation(
        movedTo(session.conversation("mine").orElseThrow(), NOW.minusSeconds(7200), ME, "sure"));

    assertThat(row("g").preview()).isEqualTo("Bob: tickets?");
    assertThat(row("a").preview()).isEqualTo("see you");
    assertThat(row("mine").preview()).isEqualTo("You: sure");
    assertThat(row("mine").previewPrefix()).isEqualTo("You:");
  }

  @Test
  void oneToOneRowsShowTheOtherPersonAndGroupsShowTheirTitle() {
    threeConversations();
    session.putConversation(
        group("u", null, List.of(ALICE, ZOE), NOW.minusSeconds(9000), null, ""));
    assertThat(row("a").avatar()).isEqualTo(ALICE);
    assertThat(row("a").title()).isEqualTo("Alice Martin");
    assertThat(row("g").avatar()).isNull();
    assertThat(row("g").group()).isTrue();
    assertThat(row("u").title()).isEqualTo("Alice Martin, Zoë Roux");
    assertThat(row("u").preview()).isEmpty();
  }

  @Test
  void quietUnreadConversationsKeepTheirBadgeAndSayTheyAreMuted() {
    threeConversations();
    session.putConversation(with(session.conversation("g").orElseThrow(), 120, true, false));
    ConversationRow g = row("g");
    assertThat(g.quiet()).isTrue();
    assertThat(g.bold()).isTrue();
    assertThat(g.badgeText()).isEqualTo("99+");
    assertThat(g.accessibleText())
        .isEqualTo("Trip, 120 unread, muted, last message: Bob: tickets?");
    assertThat(row("a").bold()).isFalse();
    assertThat(row("a").badgeText()).isEmpty();
    assertThat(row("a").accessibleText()).isEqualTo("Alice Martin, last message: see you");
  }

  @Test
  void removingTheSelectedConversationClearsTheSelection() {
    threeConversations();
    vm().select("a");
    session.removeConversation("a");
    assertThat(ids()).containsExactly("g", "b");
    assertThat(vm().selectedConversationIdProperty().get()).isNull();
    session.removeConversation("g");
    assertThat(ids()).containsExactly("b");
  }

  @Test
  void theSelectionSurvivesBeingFilteredOut() {
    threeConversations();
    vm().select("a");
    vm().filterProperty().set("trip");
    assertThat(vm().selectedConversationIdProperty().get()).isEqualTo("a");
    vm().selectNext();
    assertThat(vm().selectedConversationIdProperty().get()).isEqualTo("g");
  }

  @Test
  void disposeStopsListeningAndTicking() {
    vm();
    assertThat(session.listenerCount()).isEqualTo(1);
    assertThat(timer.pending()).isEqualTo(1);
    vm().dispose();
    assertThat(session.listenerCount()).isZero();
    assertThat(timer.pending()).isZero();
  }

  @Test
  void theRowsCannotBeChangedFromOutside() {
    threeConversations();
    assertThatThrownBy(() -> vm().rows().remove(0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  static final class MutableClock extends Clock {
    Instant now;
    ZoneId zone = ZoneOffset.UTC;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
