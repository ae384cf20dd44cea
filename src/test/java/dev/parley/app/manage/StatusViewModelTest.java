package dev.parley.app.manage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.UiDispatcher;
import dev.parley.app.session.FakeSessionService;
import dev.parley.app.session.PresenceInfo;
import dev.parley.client.NetworkException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatusViewModelTest {
  private final FakeSessionService session = Fixtures.session();

  private StatusViewModel vm() {
    return new StatusViewModel(session, UiDispatcher.currentThread());
  }

  @Test
  void startsFromTheCurrentStatusWithNothingToSave() {
    session.setPresence(
        FakeSessionService.SELF.id(), new PresenceInfo(true, Instant.now(), "Working"));

    StatusViewModel vm = vm();

    assertThat(vm.messageProperty().get()).isEqualTo("Working");
    assertThat(vm.availableProperty().get()).isTrue();
    assertThat(vm.canSaveProperty().get()).isFalse();
  }

  @Test
  void aNewMessageIsTrimmedAndSentAloneAndCloses() {
    StatusViewModel vm = vm();
    vm.messageProperty().set("  At the beach  ");

    vm.save();

    assertThat(session.managed).containsExactly("status At the beach");
    assertThat(session.selfStatus).isEqualTo("At the beach");
    assertThat(vm.doneProperty().get()).isTrue();
  }

  @Test
  void becomingBusySendsOnlyTheAvailability() {
    StatusViewModel vm = vm();
    vm.availableProperty().set(false);

    vm.save();

    assertThat(session.managed).containsExactly("available false");
    assertThat(session.selfAvailable).isFalse();
  }

  @Test
  void aTooLongOrMultiLineMessageIsRefusedInWords() {
    StatusViewModel vm = vm();

    vm.messageProperty().set("z".repeat(5000));
    assertThat(vm.errorProperty().get()).startsWith("A status message can be at most");
    assertThat(vm.canSaveProperty().get()).isFalse();

    vm.messageProperty().set("one\ntwo");
    assertThat(vm.errorProperty().get()).startsWith("A status message is one line");
    vm.save();
    assertThat(session.managed).isEmpty();
  }

  @Test
  void aFailureStaysInTheDialog() {
    session.failManagement = new NetworkException("down");
    StatusViewModel vm = vm();
    vm.messageProperty().set("Busy");

    vm.save();

    assertThat(vm.doneProperty().get()).isFalse();
    assertThat(vm.errorProperty().get()).startsWith("Cannot reach the server");
    assertThat(vm.canSaveProperty().get()).isTrue();
  }
}
