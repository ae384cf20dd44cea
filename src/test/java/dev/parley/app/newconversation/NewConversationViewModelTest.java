package dev.parley.app.newconversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.FakeUiTimer;
import dev.parley.app.UiDispatcher;
import dev.parley.app.session.FakeSessionService;
import dev.parley.app.session.Person;
import dev.parley.app.session.SessionService;
import dev.parley.client.NetworkException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class NewConversationViewModelTest {
  static final Person ALICE =
      new Person("alice", "Alice Martin", null, "alice@example.org", null, false);
  static final Person ALBERT =
      new Person("albert", "Albert Kim", null, "ak@example.org", null, false);
  static final Person BOB = new Person("bob", "Bob Chen", null, "bob@example.org", null, false);

  private final FakeSessionService fake =
      new FakeSessionService().putPerson(ALICE).putPerson(ALBERT).putPerson(BOB);
  private final FakeUiTimer timer = new FakeUiTimer();

  /** Searches the ViewModel made, in order; answered by the test when {@link #holdSearches}. */
  private final List<String> searches = new ArrayList<>();

  private final List<CompletableFuture<List<Person>>> heldSearches = new ArrayList<>();
  private final List<String> groupNames = new ArrayList<>();
  private boolean holdSearches;
  private CompletableFuture<String> createAnswer;

  private final SessionService session =
      (SessionService)
          Proxy.newProxyInstance(
              SessionService.class.getClassLoader(),
              new Class<?>[] {SessionService.class},
              (proxy, method, args) -> {
                switch (method.getName()) {
                  case "searchPeople" -> {
                    searches.add((String) args[0]);
                    if (holdSearches) {
                      CompletableFuture<List<Person>> held = new CompletableFuture<>();
                      heldSearches.add(held);
                      return held;
                    }
                  }
                  case "createConversation" -> {
                    groupNames.add((String) args[1]);
                    if (createAnswer != null) {
                      return createAnswer;
                    }
                  }
                  default -> {}
                }
                try {
                  return method.invoke(fake, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });

  private final NewConversationViewModel vm =
      new NewConversationViewModel(session, UiDispatcher.currentThread(), timer);

  private List<String> resultIds() {
    return vm.results().stream().map(Person::id).toList();
  }

  @Test
  void suggestionsShowWhileTheQueryIsEmpty() {
    assertThat(resultIds()).containsExactly("albert", "alice", "bob");
    assertThat(searches).isEmpty();
  }

  @Test
  void theQueryIsSearchedOnlyOnceItRestsFor250Milliseconds() {
    vm.queryProperty().set("a");
    timer.advance(Duration.ofMillis(100));
    vm.queryProperty().set("al");
    timer.advance(Duration.ofMillis(200));
    assertThat(searches).isEmpty();
    assertThat(vm.searchingProperty().get()).isTrue();

    timer.advance(Duration.ofMillis(50));

    assertThat(searches).containsExactly("al");
    assertThat(resultIds()).containsExactly("albert", "alice");
    assertThat(vm.searchingProperty().get()).isFalse();
  }

  @Test
  void anOlderSearchAnsweringAfterANewerOneIsIgnored() {
    holdSearches = true;
    vm.queryProperty().set("al");
    timer.advance(Duration.ofMillis(250));
    vm.queryProperty().set("bo");
    timer.advance(Duration.ofMillis(250));
    assertThat(searches).containsExactly("al", "bo");

    heldSearches.get(1).complete(List.of(BOB));
    heldSearches.get(0).complete(List.of(ALICE, ALBERT));

    assertThat(resultIds()).containsExactly("bob");
  }

  @Test
  void aSearchStillInFlightIsIgnoredOnceTheQueryIsCleared() {
    holdSearches = true;
    vm.queryProperty().set("bo");
    timer.advance(Duration.ofMillis(250));
    vm.queryProperty().set("");
    heldSearches.get(0).complete(List.of(BOB));
    assertThat(resultIds()).containsExactly("albert", "alice", "bob");
  }

  @Test
  void aFailedSearchSaysSoAndTheNextOneClearsIt() {
    holdSearches = true;
    vm.queryProperty().set("al");
    timer.advance(Duration.ofMillis(250));
    heldSearches.get(0).completeExceptionally(new NetworkException("down"));
    assertThat(vm.errorProperty().get()).startsWith("Cannot reach the server");
    assertThat(vm.searchingProperty().get()).isFalse();

    vm.queryProperty().set("ali");
    timer.advance(Duration.ofMillis(250));
    heldSearches.get(1).complete(List.of(ALICE));
    assertThat(vm.errorProperty().get()).isEmpty();
    assertThat(resultIds()).containsExactly("alice");
  }

  @Test
  void onePersonMakesAOneToOneConversationWithoutAName() {
    assertThat(vm.canCreateProperty().get()).isFalse();
    vm.add(ALICE);
    vm.groupNameProperty().set("ignored for one person");
    assertThat(vm.groupProperty().get()).isFalse();
    assertThat(vm.canCreateProperty().get()).isTrue();

    vm.create();

    assertThat(fake.created).containsExactly(List.of("alice"));
    assertThat(groupNames).containsExactly((String) null);
    assertThat(vm.createdConversationIdProperty().get()).isNotNull();
    assertThat(fake.conversation(vm.createdConversationIdProperty().get()).orElseThrow().group())
        .isFalse();
    assertThat(vm.canCreateProperty().get()).isFalse();
  }

  @Test
  void severalPeopleMakeANamedGroup() {
    vm.add(ALICE);
    vm.add(BOB);
    assertThat(vm.groupProperty().get()).isTrue();
    vm.groupNameProperty().set("  Trip  ");

    vm.create();

    assertThat(fake.created).containsExactly(List.of("alice", "bob"));
    assertThat(groupNames).containsExactly("Trip");
    assertThat(fake.conversation(vm.createdConversationIdProperty().get()).orElseThrow().title())
        .isEqualTo("Trip");
  }

  @Test
  void aBlankGroupNameIsSentAsNoName() {
    vm.add(ALICE);
    vm.add(BOB);
    vm.groupNameProperty().set("   ");
    vm.create();
    assertThat(groupNames).containsExactly((String) null);
    assertThat(fake.conversation(vm.createdConversationIdProperty().get()).orElseThrow().group())
        .isTrue();
  }

  @Test
  void busyWhileCreatingAndAFailureIsShownAndCanBeRetried() {
    createAnswer = new CompletableFuture<>();
    vm.add(ALICE);
    vm.create();
    assertThat(vm.busyProperty().get()).isTrue();
    assertThat(vm.canCreateProperty().get()).isFalse();
    vm.create();
    assertThat(groupNames).hasSize(1);

    createAnswer.completeExceptionally(new NetworkException("connection refused"));

    assertThat(vm.busyProperty().get()).isFalse();
    assertThat(vm.errorProperty().get())
        .isEqualTo("Cannot reach the server. Check your connection and try again.");
    assertThat(vm.canCreateProperty().get()).isTrue();
    assertThat(vm.createdConversationIdProperty().get()).isNull();

    createAnswer = null;
    vm.create();
    assertThat(vm.errorProperty().get()).isEmpty();
    assertThat(vm.createdConversationIdProperty().get()).isNotNull();
  }

  @Test
  void anUnexpectedFailureGetsAGeneralMessage() {
    createAnswer = CompletableFuture.failedFuture(new IllegalStateException("boom"));
    vm.add(ALICE);
    vm.create();
    assertThat(vm.errorProperty().get()).isEqualTo("The conversation could not be created.");
  }

  @Test
  void pickedPeopleLeaveTheResultsAndComeBackWhenRemoved() {
    vm.add(ALICE);
    vm.add(ALICE);
    assertThat(vm.selectedPeople()).containsExactly(ALICE);
    assertThat(resultIds()).containsExactly("albert", "bob");
    vm.add(BOB);
    vm.removeLast();
    assertThat(vm.selectedPeople()).containsExactly(ALICE);
    vm.remove(ALICE);
    assertThat(vm.selectedPeople()).isEmpty();
    assertThat(resultIds()).containsExactly("albert", "alice", "bob");
  }

  @Test
  void pickingSomeoneFromASearchClearsTheQueryForTheNextName() {
    vm.queryProperty().set("bo");
    timer.advance(Duration.ofMillis(250));
    assertThat(vm.addFirstResult()).isTrue();
    assertThat(vm.selectedPeople()).containsExactly(BOB);
    assertThat(vm.queryProperty().get()).isEmpty();
    assertThat(resultIds()).containsExactly("albert", "alice");
  }

  @Test
  void theSignedInUserCannotBePicked() {
    vm.add(FakeSessionService.SELF);
    assertThat(vm.selectedPeople()).isEmpty();
  }

  @Test
  void disposeCancelsTheWaitingSearchAndDropsLateAnswers() {
    holdSearches = true;
    vm.queryProperty().set("al");
    timer.advance(Duration.ofMillis(250));
    vm.queryProperty().set("bo");
    vm.dispose();
    assertThat(timer.pending()).isZero();
    heldSearches.get(0).complete(List.of(ALICE));
    assertThat(resultIds()).containsExactly("albert", "alice", "bob");
  }
}
