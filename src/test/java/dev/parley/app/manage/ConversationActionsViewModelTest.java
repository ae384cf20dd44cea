package dev.parley.app.manage;

import static dev.parley.app.manage.ConversationActionsViewModel.Action.ADD_PEOPLE;
import static dev.parley.app.manage.ConversationActionsViewModel.Action.COPY_LINK;
import static dev.parley.app.manage.ConversationActionsViewModel.Action.DELETE_HISTORY;
import static dev.parley.app.manage.ConversationActionsViewModel.Action.HISTORY_OFF;
import static dev.parley.app.manage.ConversationActionsViewModel.Action.HISTORY_ON;
import static dev.parley.app.manage.ConversationActionsViewModel.Action.LEAVE;
import static dev.parley.app.manage.ConversationActionsViewModel.Action.LINK_SHARING_OFF;
import static dev.parley.app.manage.ConversationActionsViewModel.Action.LINK_SHARING_ON;
import static dev.parley.app.manage.ConversationActionsViewModel.Action.MUTE;
import static dev.parley.app.manage.ConversationActionsViewModel.Action.PROFILE;
import static dev.parley.app.manage.ConversationActionsViewModel.Action.REMOVE_PERSON;
import static dev.parley.app.manage.ConversationActionsViewModel.Action.RENAME;
import static dev.parley.app.manage.ConversationActionsViewModel.Action.UNMUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.app.FakeUiTimer;
import dev.parley.app.UiDispatcher;
import dev.parley.app.manage.ConversationActionsViewModel.Notice;
import dev.parley.app.session.FakeSessionService;
import dev.parley.app.session.SystemEvent;
import dev.parley.client.NetworkException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationActionsViewModelTest {
  private final FakeSessionService session =
      Fixtures.session().putConversation(Fixtures.group("solo", "Just me"));
  private final FakeUiTimer timer = new FakeUiTimer();
  private final List<String> clipboard = new ArrayList<>();
  private final ConversationActionsViewModel vm =
      new ConversationActionsViewModel(
          session, UiDispatcher.currentThread(), timer, clipboard::add);

  private ConversationActionsViewModel open(String id) {
    vm.conversationIdProperty().set(id);
    return vm;
  }

  @Test
  void nothingIsOfferedWithoutAConversation() {
    assertThat(vm.sections()).isEmpty();
    assertThatThrownBy(vm::rename).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aGroupOffersItsPeopleItsStateItsLinkAndLeaving() {
    assertThat(open("trip").sections())
        .containsExactly(
            List.of(RENAME, ADD_PEOPLE, REMOVE_PERSON),
            List.of(MUTE, HISTORY_OFF),
            List.of(LINK_SHARING_ON),
            List.of(LEAVE));
    assertThat(vm.label(RENAME)).isEqualTo("Rename…");
    assertThat(RENAME.opensDialog()).isTrue();
    assertThat(MUTE.opensDialog()).isFalse();
  }

  @Test
  void aOneToOneCanBeDeletedButNotLeftRenamedOrChangedInMembers() {
    assertThat(open("chat").sections())
        .containsExactly(List.of(PROFILE), List.of(MUTE, HISTORY_OFF), List.of(DELETE_HISTORY));
  }

  @Test
  void aGroupWithNobodyElseOffersNoRemoving() {
    assertThat(open("solo").sections().get(0)).containsExactly(RENAME, ADD_PEOPLE);
  }

  @Test
  void theMenuFollowsTheConversationsState() {
    open("trip");
    vm.run(MUTE);
    vm.run(LINK_SHARING_ON);
    vm.confirm(HISTORY_OFF).confirm();

    assertThat(vm.sections())
        .containsExactly(
            List.of(RENAME, ADD_PEOPLE, REMOVE_PERSON),
            List.of(UNMUTE, HISTORY_ON),
            List.of(COPY_LINK, LINK_SHARING_OFF),
            List.of(LEAVE));
    assertThat(session.managed)
        .containsExactly("quiet trip true", "link trip true", "otr trip true");
  }

  @Test
  void mutingShowsANoticeForAFewSeconds() {
    open("trip").run(MUTE);

    assertThat(vm.noticeProperty().get())
        .isEqualTo(new Notice("Muted. You won’t be notified of new messages here.", false));
    assertThat(session.conversation("trip").orElseThrow().quiet()).isTrue();
    timer.advance(Duration.ofSeconds(5));
    assertThat(vm.noticeProperty().get()).isNull();

    vm.run(UNMUTE);
    assertThat(session.conversation("trip").orElseThrow().quiet()).isFalse();
  }

  @Test
  void aFailedQuickActionIsANoticeInWordsNotAnExceptionDialog() {
    session.failManagement = new NetworkException("down");

    open("trip").run(MUTE);

    Notice notice = vm.noticeProperty().get();
    assertThat(notice.error()).isTrue();
    assertThat(notice.text())
        .isEqualTo(
            "Notifications could not be changed. Cannot reach the server. Check your connection"
                + " and try again.");
  }

  @Test
  void copyingTheLinkPutsItOnTheClipboard() {
    session.putConversation(Fixtures.sharing(Fixtures.group("trip", "Trip", Fixtures.ALICE)));

    open("trip").run(COPY_LINK);

    assertThat(clipboard).containsExactly(FakeSessionService.joinLink("trip"));
    assertThat(vm.noticeProperty().get().text()).isEqualTo("Link copied to the clipboard.");
  }

  @Test
  void copyingTheLinkWhileSharingIsOffSaysWhy() {
    open("trip").run(COPY_LINK);

    assertThat(clipboard).isEmpty();
    assertThat(vm.noticeProperty().get().error()).isTrue();
    assertThat(vm.noticeProperty().get().text()).contains("link sharing is off");
  }

  @Test
  void turningLinkSharingOnAndOffShowsTheEvents() {
    open("trip").run(LINK_SHARING_ON);
    vm.run(LINK_SHARING_OFF);

    assertThat(session.timeline("trip"))
        .filteredOn(i -> i instanceof SystemEvent e && e.kind() == SystemEvent.Kind.LINK_SHARING)
        .hasSize(2);
    assertThat(vm.noticeProperty().get().text()).startsWith("Link sharing is off.");
  }

  @Test
  void leavingAsksFirstThenTheGroupIsGone() {
    ConfirmViewModel confirm = open("trip").confirm(LEAVE);
    assertThat(confirm.title()).isEqualTo("Leave group?");
    assertThat(confirm.message()).startsWith("You will leave “Trip”.");
    assertThat(confirm.danger()).isTrue();
    assertThat(session.managed).isEmpty();

    confirm.confirm();

    assertThat(confirm.doneProperty().get()).isTrue();
    assertThat(session.conversation("trip")).isEmpty();
  }

  @Test
  void deletingAOneToOneNamesTheOtherPerson() {
    ConfirmViewModel confirm = open("chat").confirm(DELETE_HISTORY);
    assertThat(confirm.message())
        .startsWith("The history with Carol Diaz will be deleted for you.");

    confirm.confirm();

    assertThat(session.managed).containsExactly("delete chat");
    assertThat(session.conversation("chat")).isEmpty();
  }

  @Test
  void aFailedConfirmationStaysOpenWithTheReason() {
    ConfirmViewModel confirm = open("trip").confirm(HISTORY_OFF);
    session.failManagement = new NetworkException("down");

    confirm.confirm();

    assertThat(confirm.doneProperty().get()).isFalse();
    assertThat(confirm.canConfirmProperty().get()).isTrue();
    assertThat(confirm.errorProperty().get()).startsWith("Cannot reach the server");
  }

  @Test
  void historyOffAndOnShowTheirEvents() {
    open("chat").confirm(HISTORY_OFF).confirm();
    vm.confirm(HISTORY_ON).confirm();

    assertThat(session.timeline("chat"))
        .filteredOn(i -> i instanceof SystemEvent)
        .extracting(i -> ((SystemEvent) i).text())
        .containsExactly("You turned history off", "You turned history on");
  }

  @Test
  void openingAnotherConversationClearsTheNotice() {
    open("trip").run(MUTE);
    open("chat");
    assertThat(vm.noticeProperty().get()).isNull();
  }
}
