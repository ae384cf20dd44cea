package dev.parley.app.manage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.UiDispatcher;
import dev.parley.app.session.FakeSessionService;
import dev.parley.app.session.SystemEvent;
import dev.parley.client.NetworkException;
import dev.parley.client.RequestRefusedException;
import org.junit.jupiter.api.Test;

class RenameViewModelTest {
  private final FakeSessionService session = Fixtures.session();
  private final RenameViewModel vm =
      new RenameViewModel(session, UiDispatcher.currentThread(), "trip");

  @Test
  void startsWithTheCurrentNameAndNothingToSave() {
    assertThat(vm.nameProperty().get()).isEqualTo("Trip");
    assertThat(vm.canSaveProperty().get()).isFalse();
    assertThat(vm.errorProperty().get()).isEmpty();
  }

  @Test
  void aNewNameIsTrimmedSavedAndShownAsARenameEvent() {
    vm.nameProperty().set("  Lisbon 2024 ");
    assertThat(vm.canSaveProperty().get()).isTrue();

    vm.save();

    assertThat(session.managed).containsExactly("rename trip Lisbon 2024");
    assertThat(vm.doneProperty().get()).isTrue();
    assertThat(session.conversation("trip").orElseThrow().title()).isEqualTo("Lisbon 2024");
    assertThat(session.timeline("trip"))
        .anyMatch(i -> i instanceof SystemEvent e && e.kind() == SystemEvent.Kind.RENAME);
  }

  @Test
  void aTenThousandCharacterNameIsRefusedInWordsWithoutAsking() {
    vm.nameProperty().set("x".repeat(10_000));

    assertThat(vm.errorProperty().get())
        .matches("A name can be at most 1\\D?000 characters; this one has 10\\D?000\\.");
    assertThat(vm.canSaveProperty().get()).isFalse();
    vm.save();
    assertThat(session.managed).isEmpty();
    assertThat(vm.doneProperty().get()).isFalse();
  }

  @Test
  void exactlyTheLimitIsAllowed() {
    vm.nameProperty().set("y".repeat(1000) + "   ");

    assertThat(vm.errorProperty().get()).isEmpty();
    assertThat(vm.canSaveProperty().get()).isTrue();
  }

  @Test
  void controlCharactersAreRefusedInWords() {
    vm.nameProperty().set("Line one\nline two");

    assertThat(vm.errorProperty().get()).contains("control characters");
    assertThat(vm.canSaveProperty().get()).isFalse();

    vm.nameProperty().set("Line one");
    assertThat(vm.errorProperty().get()).isEmpty();
    assertThat(vm.canSaveProperty().get()).isTrue();
  }

  @Test
  void emptyingTheNameRemovesIt() {
    vm.nameProperty().set("   ");
    assertThat(vm.removingProperty().get()).isTrue();
    assertThat(vm.canSaveProperty().get()).isTrue();

    vm.save();

    assertThat(session.managed).containsExactly("rename trip ");
    assertThat(session.conversation("trip").orElseThrow().customName()).isNull();
  }

  @Test
  void aFailureIsShownInlineAndTheDialogStaysOpenToTryAgain() {
    session.failManagement = new NetworkException("down");
    vm.nameProperty().set("Lisbon");

    vm.save();

    assertThat(vm.doneProperty().get()).isFalse();
    assertThat(vm.busyProperty().get()).isFalse();
    assertThat(vm.errorProperty().get())
        .isEqualTo("Cannot reach the server. Check your connection and try again.");
    assertThat(vm.canSaveProperty().get()).isTrue();

    session.failManagement = null;
    vm.save();
    assertThat(vm.doneProperty().get()).isTrue();
    assertThat(vm.errorProperty().get()).isEmpty();
  }

  @Test
  void theServersRefusalIsShownWithItsReason() {
    session.failManagement = new RequestRefusedException("not a participant");
    vm.nameProperty().set("Lisbon");

    vm.save();

    assertThat(vm.errorProperty().get()).isEqualTo("The server refused: not a participant");
  }

  @Test
  void whileTheServerIsAnsweringNothingMoreIsSent() {
    session.holdManagement = true;
    vm.nameProperty().set("Lisbon");

    vm.save();
    vm.save();

    assertThat(vm.busyProperty().get()).isTrue();
    assertThat(vm.canSaveProperty().get()).isFalse();
    assertThat(session.managed).hasSize(1);
  }
}
