package dev.parley.app.manage;

import static dev.parley.app.manage.Fixtures.ALICE;
import static dev.parley.app.manage.Fixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.UiDispatcher;
import dev.parley.app.session.FakeSessionService;
import dev.parley.app.session.Person;
import dev.parley.app.session.SystemEvent;
import dev.parley.client.NetworkException;
import org.junit.jupiter.api.Test;

class RemovePersonViewModelTest {
  private final FakeSessionService session = Fixtures.session();

  private RemovePersonViewModel vm(String id) {
    return new RemovePersonViewModel(session, UiDispatcher.currentThread(), id);
  }

  @Test
  void offersTheOtherMembersButNeverTheUser() {
    RemovePersonViewModel vm = vm("trip");

    assertThat(vm.members()).containsExactly(ALICE, BOB);
    assertThat(vm.caption()).isEqualTo("Who should leave “Trip”?");
    assertThat(vm.canRemoveProperty().get()).isFalse();
  }

  @Test
  void removingTheChosenOneShowsAMembershipEventAndCloses() {
    RemovePersonViewModel vm = vm("trip");
    vm.chosenProperty().set(BOB);

    vm.remove();

    assertThat(session.managed).containsExactly("remove trip bob");
    assertThat(vm.doneProperty().get()).isTrue();
    assertThat(session.conversation("trip").orElseThrow().participants())
        .extracting(Person::id)
        .doesNotContain("bob");
    assertThat(session.timeline("trip"))
        .anyMatch(i -> i instanceof SystemEvent e && e.kind() == SystemEvent.Kind.MEMBERSHIP);
  }

  @Test
  void aFailureIsShownInlineAndChoosingAgainClearsIt() {
    RemovePersonViewModel vm = vm("trip");
    vm.chosenProperty().set(BOB);
    session.failManagement = new NetworkException("down");

    vm.remove();

    assertThat(vm.doneProperty().get()).isFalse();
    assertThat(vm.errorProperty().get()).startsWith("Cannot reach the server");
    vm.chosenProperty().set(ALICE);
    assertThat(vm.errorProperty().get()).isEmpty();
  }

  @Test
  void aOneToOneOffersNobody() {
    RemovePersonViewModel vm = vm("chat");

    assertThat(vm.members()).isEmpty();
    assertThat(vm.errorProperty().get()).isEqualTo("There is no one else in this group.");
    vm.remove();
    assertThat(session.managed).isEmpty();
  }

  @Test
  void aConversationThatIsGoneSaysSo() {
    RemovePersonViewModel vm = vm("nope");

    assertThat(vm.errorProperty().get()).isEqualTo("This conversation is no longer available.");
  }

  @Test
  void theUserCannotBeRemovedThisWay() {
    RemovePersonViewModel vm = vm("trip");
    vm.chosenProperty().set(FakeSessionService.SELF);

    vm.remove();

    assertThat(session.managed).isEmpty();
  }
}
