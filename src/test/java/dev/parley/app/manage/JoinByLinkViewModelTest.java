package dev.parley.app.manage;

import static dev.parley.app.manage.Fixtures.ALICE;
import static dev.parley.app.manage.Fixtures.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.UiDispatcher;
import dev.parley.app.session.FakeSessionService;
import dev.parley.app.session.Person;
import dev.parley.client.NetworkException;
import org.junit.jupiter.api.Test;

class JoinByLinkViewModelTest {
  private final FakeSessionService session =
      Fixtures.session()
          .putJoinable(Fixtures.sharing(Fixtures.summary("club", "Book club", true, ALICE)))
          .putJoinable(Fixtures.summary("closed", "Closed", true, BOB));
  private final JoinByLinkViewModel vm =
      new JoinByLinkViewModel(session, UiDispatcher.currentThread());

  @Test
  void nothingToJoinUntilALinkIsPasted() {
    assertThat(vm.canJoinProperty().get()).isFalse();
    vm.linkProperty().set("   ");
    assertThat(vm.canJoinProperty().get()).isFalse();
  }

  @Test
  void aWorkingLinkJoinsAndHandsOverTheConversation() {
    vm.linkProperty().set("  " + FakeSessionService.joinLink("club") + "\n");

    vm.join();

    assertThat(vm.joinedConversationIdProperty().get()).isEqualTo("club");
    assertThat(vm.doneProperty().get()).isTrue();
    assertThat(session.managed).containsExactly("join http://127.0.0.1:1/join/club");
    assertThat(session.conversation("club").orElseThrow().participants())
        .extracting(Person::self)
        .contains(true);
  }

  @Test
  void aLinkWhoseGroupHasLinkSharingOffSaysSoInWords() {
    vm.linkProperty().set(FakeSessionService.joinLink("closed"));

    vm.join();

    assertThat(vm.joinedConversationIdProperty().get()).isNull();
    assertThat(vm.doneProperty().get()).isFalse();
    assertThat(vm.errorProperty().get())
        .isEqualTo(
            "This link doesn’t work. Link sharing may be off for that group, or the link was"
                + " replaced.");
  }

  @Test
  void malformedLinksAreCaughtBeforeAsking() {
    for (String bad :
        new String[] {
          "hello",
          "http://",
          "ftp://example.org/join/abc",
          "https://example.org/",
          "https://example.org/join/",
          "https://example.org/joinx/abc",
          "https://exa mple.org/join/abc",
          "join/abc"
        }) {
      vm.linkProperty().set(bad);
      vm.join();
      assertThat(vm.errorProperty().get())
          .as(bad)
          .isEqualTo("That isn’t a group link. A group link looks like https://server/join/…");
    }
    assertThat(session.managed).isEmpty();
  }

  @Test
  void editingTheLinkClearsTheMessage() {
    vm.linkProperty().set("hello");
    vm.join();
    vm.linkProperty().set("https://example.org/join/x");
    assertThat(vm.errorProperty().get()).isEmpty();
  }

  @Test
  void aNetworkFailureIsWordedAndJoiningCanBeTriedAgain() {
    session.failManagement = new NetworkException("down");
    vm.linkProperty().set(FakeSessionService.joinLink("club"));

    vm.join();

    assertThat(vm.errorProperty().get()).startsWith("Cannot reach the server");
    assertThat(vm.canJoinProperty().get()).isTrue();
    session.failManagement = null;
    vm.join();
    assertThat(vm.joinedConversationIdProperty().get()).isEqualTo("club");
  }

  @Test
  void groupLinksAreRecognised() {
    assertThat(JoinByLinkViewModel.isGroupLink("https://parley.example/join/AbC123")).isTrue();
    assertThat(JoinByLinkViewModel.isGroupLink("http://127.0.0.1:8080/join/t?x=1")).isTrue();
    assertThat(JoinByLinkViewModel.isGroupLink("https://h/prefix/join/t")).isTrue();
  }
}
