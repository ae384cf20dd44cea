package dev.parley.app.manage;

import static dev.parley.app.manage.Fixtures.CAROL;
import static dev.parley.app.manage.Fixtures.DMITRI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.UiDispatcher;
import dev.parley.app.session.FakeSessionService;
import dev.parley.app.session.PresenceInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProfileCardViewModelTest {
  private static Locale saved;

  /** Times are written as the user's region writes them; these expectations are British. */
  @BeforeAll
  static void british() {
    saved = Locale.getDefault();
    Locale.setDefault(Locale.UK);
  }

  @AfterAll
  static void restore() {
    Locale.setDefault(saved);
  }

  private static final Instant NOW = Instant.parse("2024-05-01T15:00:00Z");
  private final FakeSessionService session = Fixtures.session();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final AtomicReference<String> opened = new AtomicReference<>();

  private ProfileCardViewModel card(String personId) {
    return new ProfileCardViewModel(
        session, UiDispatcher.currentThread(), clock, personId, opened::set);
  }

  @Test
  void showsNameAddressPresenceAndStatusAndAsksForFreshPresence() {
    session.setPresence("carol", new PresenceInfo(true, NOW, "On holiday"));

    ProfileCardViewModel vm = card("carol");

    assertThat(vm.person()).isEqualTo(CAROL);
    assertThat(vm.presenceProperty().get()).isEqualTo("Online");
    assertThat(vm.onlineProperty().get()).isTrue();
    assertThat(vm.statusMessageProperty().get()).isEqualTo("On holiday");
    assertThat(vm.canMessage()).isTrue();
    assertThat(session.presenceRefreshed).containsExactly("carol");
  }

  @Test
  void lastSeenIsWordedByHowLongAgo() {
    ProfileCardViewModel vm = card("carol");
    assertThat(vm.presenceProperty().get()).isEqualTo("Not seen recently");

    session.setPresence("carol", new PresenceInfo(false, NOW.minusSeconds(20), ""));
    assertThat(vm.presenceProperty().get()).isEqualTo("Last seen just now");
    session.setPresence("carol", new PresenceInfo(false, NOW.minusSeconds(5 * 60), ""));
    assertThat(vm.presenceProperty().get()).isEqualTo("Last seen 5 min ago");
    session.setPresence(
        "carol", new PresenceInfo(false, Instant.parse("2024-05-01T09:05:00Z"), ""));
    assertThat(vm.presenceProperty().get()).isEqualTo("Last seen today at 09:05");
    session.setPresence(
        "carol", new PresenceInfo(false, Instant.parse("2024-03-02T09:05:00Z"), "Away"));
    assertThat(vm.presenceProperty().get()).isEqualTo("Last seen 2 Mar 2024");
    assertThat(vm.statusMessageProperty().get()).isEqualTo("Away");
    assertThat(vm.onlineProperty().get()).isFalse();
  }

  @Test
  void messageOpensTheExistingOrANewOneToOne() {
    ProfileCardViewModel vm = card("dmitri");

    vm.message();

    assertThat(session.created).containsExactly(List.of("dmitri"));
    assertThat(opened.get()).isNotNull();
    assertThat(session.conversation(opened.get()).orElseThrow().otherPerson()).isEqualTo(DMITRI);
    assertThat(vm.doneProperty().get()).isTrue();
  }

  @Test
  void aFailureToOpenIsShownInTheCard() {
    ProfileCardViewModel vm =
        new ProfileCardViewModel(
            FailingSession.failing(session, "createConversation"),
            UiDispatcher.currentThread(),
            clock,
            "dmitri",
            opened::set);

    vm.message();

    assertThat(opened.get()).isNull();
    assertThat(vm.doneProperty().get()).isFalse();
    assertThat(vm.errorProperty().get()).startsWith("Cannot reach the server");
  }

  @Test
  void theUsersOwnCardOffersNoMessage() {
    ProfileCardViewModel vm = card(FakeSessionService.SELF.id());

    assertThat(vm.canMessage()).isFalse();
    vm.message();
    assertThat(session.created).isEmpty();
    assertThat(session.presenceRefreshed).isEmpty();
  }

  @Test
  void disposingStopsListening() {
    int before = session.listenerCount();
    ProfileCardViewModel vm = card("carol");
    assertThat(session.listenerCount()).isEqualTo(before + 1);

    vm.dispose();

    assertThat(session.listenerCount()).isEqualTo(before);
  }
}
