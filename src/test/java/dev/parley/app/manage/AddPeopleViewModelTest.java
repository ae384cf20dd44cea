package dev.parley.app.manage;

import static dev.parley.app.manage.Fixtures.ALICE;
import static dev.parley.app.manage.Fixtures.CAROL;
import static dev.parley.app.manage.Fixtures.DMITRI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.FakeUiTimer;
import dev.parley.app.UiDispatcher;
import dev.parley.app.session.FakeSessionService;
import dev.parley.app.session.Person;
import dev.parley.app.session.SystemEvent;
import dev.parley.client.ConversationTypeException;
import dev.parley.client.RequestRefusedException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AddPeopleViewModelTest {
  private final FakeSessionService session = Fixtures.session();
  private final FakeUiTimer timer = new FakeUiTimer();
  private final AddPeopleViewModel vm =
      new AddPeopleViewModel(session, UiDispatcher.currentThread(), timer, "trip");

  private void type(String query) {
    vm.queryProperty().set(query);
    timer.advance(Duration.ofMillis(300));
  }

  @Test
  void suggestionsLeaveOutTheMembers() {
    assertThat(vm.results()).extracting(Person::id).containsExactly("carol", "dmitri");
  }

  @Test
  void searchingPickingAndAddingShowsAMembershipEventAndCloses() {
    type("dmi");
    assertThat(vm.results()).extracting(Person::id).containsExactly("dmitri");
    assertThat(vm.canAddProperty().get()).isFalse();

    assertThat(vm.pickFirstResult()).isTrue();
    assertThat(vm.queryProperty().get()).isEmpty();
    timer.advance(Duration.ofMillis(300));
    vm.pick(CAROL);
    assertThat(vm.pickedPeople()).containsExactly(DMITRI, CAROL);
    assertThat(vm.results()).isEmpty();
    assertThat(vm.addLabel(vm.pickedPeople().size())).isEqualTo("Add 2");

    vm.add();

    assertThat(session.managed).containsExactly("add trip dmitri,carol");
    assertThat(vm.doneProperty().get()).isTrue();
    assertThat(session.conversation("trip").orElseThrow().participants())
        .extracting(Person::id)
        .contains("dmitri", "carol");
    assertThat(session.timeline("trip"))
        .anyMatch(i -> i instanceof SystemEvent e && e.kind() == SystemEvent.Kind.MEMBERSHIP);
  }

  @Test
  void aSearchThatFindsNobodySaysSo() {
    type("zelda");

    assertThat(vm.results()).isEmpty();
    assertThat(vm.emptyTextProperty().get())
        .isEqualTo(
            "No one matches “zelda”. Only people with an account on this server can be added.");
    assertThat(vm.pickFirstResult()).isFalse();
    assertThat(vm.errorProperty().get()).startsWith("No one matches “zelda”");
    assertThat(vm.canAddProperty().get()).isFalse();
  }

  @Test
  void someoneAlreadyInTheGroupCannotBePicked() {
    type("alice");
    assertThat(vm.results()).isEmpty();

    vm.pick(ALICE);
    vm.pick(FakeSessionService.SELF);

    assertThat(vm.pickedPeople()).isEmpty();
  }

  @Test
  void answersToAnOlderQueryAreDropped() {
    vm.queryProperty().set("car");
    vm.queryProperty().set("dmi");
    timer.advance(Duration.ofMillis(300));

    assertThat(vm.results()).extracting(Person::id).containsExactly("dmitri");
  }

  @Test
  void aRefusalIsShownInlineAndTheDialogStaysOpen() {
    vm.pick(CAROL);
    session.failManagement = new RequestRefusedException("at most 150 participants");

    vm.add();

    assertThat(vm.doneProperty().get()).isFalse();
    assertThat(vm.errorProperty().get()).isEqualTo("The server refused: at most 150 participants");
    assertThat(vm.canAddProperty().get()).isTrue();
  }

  @Test
  void addingToAOneToOneIsRefusedInWords() {
    AddPeopleViewModel chat =
        new AddPeopleViewModel(session, UiDispatcher.currentThread(), timer, "chat");
    chat.pick(DMITRI);

    chat.add();

    assertThat(chat.errorProperty().get()).isEqualTo("Only a group conversation can do that.");
    assertThat(session.managed).containsExactly("add chat dmitri");
  }

  @Test
  void unpickingTheLastPutsThemBackInTheResults() {
    vm.pick(CAROL);
    assertThat(vm.results()).extracting(Person::id).containsExactly("dmitri");

    vm.unpickLast();

    assertThat(vm.pickedPeople()).isEmpty();
    assertThat(vm.results()).extracting(Person::id).containsExactly("carol", "dmitri");
  }

  @Test
  void afterDisposeSearchesAreCancelled() {
    vm.queryProperty().set("car");
    vm.dispose();
    assertThat(timer.pending()).isZero();
  }

  @Test
  void aFailedSearchIsShownInWords() {
    session.failManagement = null;
    AddPeopleViewModel broken =
        new AddPeopleViewModel(
            FailingSession.wrap(session), UiDispatcher.currentThread(), timer, "trip");

    broken.queryProperty().set("x");
    timer.advance(Duration.ofMillis(300));

    assertThat(broken.errorProperty().get())
        .isEqualTo("Cannot reach the server. Check your connection and try again.");
    assertThat(broken.searchingProperty().get()).isFalse();
  }

  @Test
  void typeExceptionIsWorded() {
    assertThat(
            Failures.describe(
                dev.parley.app.I18n.of(AddPeopleViewModel.class),
                new ConversationTypeException("x"),
                "add.error"))
        .isEqualTo("Only a group conversation can do that.");
  }
}
