package dev.parley.app.newconversation;

import dev.parley.app.I18n;
import dev.parley.app.UiDispatcher;
import dev.parley.app.UiTimer;
import dev.parley.app.session.Person;
import dev.parley.app.session.SessionService;
import dev.parley.client.AuthenticationException;
import dev.parley.client.NetworkException;
import dev.parley.client.RateLimitedException;
import dev.parley.client.RequestRefusedException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "New conversation": search people (debounced; suggestions while the query is empty), pick one for
 * a one-to-one conversation or several for a group with an optional name, and create it.
 *
 * <p>Every change of the query makes earlier searches stale: their answers are dropped even when
 * they arrive after the newer one. People already picked are left out of the results.
 */
public final class NewConversationViewModel {
  /** How long the query must rest before it is searched. */
  static final Duration DEBOUNCE = Duration.ofMillis(250);

  static final int MAX_RESULTS = 20;

  private final SessionService session;
  private final UiDispatcher ui;
  private final UiTimer timer;
  private final I18n text = I18n.of(NewConversationViewModel.class);
  private final StringProperty query = new SimpleStringProperty(this, "query", "");
  private final StringProperty groupName = new SimpleStringProperty(this, "groupName", "");
  private final ObservableList<Person> results = FXCollections.observableArrayList();
  private final ObservableList<Person> selected = FXCollections.observableArrayList();
  // One read-only view each: an unmodifiable wrapper listens weakly, so handing out a fresh one per
  // call would let listeners on it vanish with it.
  private final ObservableList<Person> resultsView =
      FXCollections.unmodifiableObservableList(results);
  private final ObservableList<Person> selectedView =
      FXCollections.unmodifiableObservableList(selected);
  private final ReadOnlyBooleanWrapper group = new ReadOnlyBooleanWrapper(this, "group");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
  private final ReadOnlyBooleanWrapper canCreate = new ReadOnlyBooleanWrapper(this, "canCreate");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
  private final ReadOnlyObjectWrapper<String> created = new ReadOnlyObjectWrapper<>(this, "id");
  private List<Person> found = List.of();
  private UiTimer.Scheduled pendingSearch;
  private long generation;
  private boolean disposed;

  public NewConversationViewModel(SessionService session, UiDispatcher ui, UiTimer timer) {
    this.session = session;
    this.ui = ui;
    this.timer = timer;
    group.bind(Bindings.size(selected).greaterThan(1));
    canCreate.bind(
        Bindings.createBooleanBinding(
            () -> !selected.isEmpty() && !busy.get() && created.get() == null,
            selected,
            busy,
            created));
    query.addListener((obs, old, now) -> queryChanged());
    queryChanged();
  }

  // ---- what the view binds ----

  /** What the user types to find people. */
  public StringProperty queryProperty() {
    return query;
  }

  /** People matching the query (or suggestions while it is empty), minus those picked. */
  public ObservableList<Person> results() {
    return resultsView;
  }

  /** The people picked, in the order they were picked. */
  public ObservableList<Person> selectedPeople() {
    return selectedView;
  }

  /** An optional name, used only for a group. */
  public StringProperty groupNameProperty() {
    return groupName;
  }

  /** More than one person is picked: a group will be created (and can be named). */
  public ReadOnlyBooleanProperty groupProperty() {
    return group.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canCreateProperty() {
    return canCreate.getReadOnlyProperty();
  }

  /** The conversation is being created. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** A search is waiting for its answer. */
  public ReadOnlyBooleanProperty searchingProperty() {
    return searching.getReadOnlyProperty();
  }

  /** What went wrong, worded for the user; empty when nothing did. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** The id of the created (or reused one-to-one) conversation, once there is one. */
  public ReadOnlyObjectProperty<String> createdConversationIdProperty() {
    return created.getReadOnlyProperty();
  }

  // ---- actions ----

  /** Picks someone (again does nothing); clears the query so the next name can be typed. */
  public void add(Person person) {
    if (person == null || person.self() || contains(selected, person)) {
      return;
    }
    selected.add(person);
    error.set("");
    if (query.get() != null && !query.get().isBlank()) {
      query.set("");
    } else {
      showResults();
    }
  }

  /** Picks the first result, for Enter in the search field; false when there is none. */
  public boolean addFirstResult() {
    if (results.isEmpty()) {
      return false;
    }
    add(results.get(0));
    return true;
  }

  public void remove(Person person) {
    if (selected.removeIf(p -> p.id().equals(person.id()))) {
      showResults();
    }
  }

  /** Backspace in an empty search field: un-picks the last person picked. */
  public void removeLast() {
    if (!selected.isEmpty()) {
      remove(selected.get(selected.size() - 1));
    }
  }

  /**
   * Creates the conversation: one-to-one for one person (the server reuses an existing one), a
   * group for several, named when a name was given.
   */
  public void create() {
    if (!canCreate.get()) {
      return;
    }
    busy.set(true);
    error.set("");
    List<String> ids = selected.stream().map(Person::id).toList();
    String name = null;
    if (group.get()) {
      String typed = Objects.requireNonNullElse(groupName.get(), "").trim();
      name = typed.isEmpty() ? null : typed;
    }
    onUi(
        session.createConversation(ids, name),
        id -> {
          busy.set(false);
          created.set(id);
        },
        failure -> {
          busy.set(false);
          error.set(describe(failure, "error.create"));
        });
  }

  /** Stops searching; answers still in flight are dropped. */
  public void dispose() {
    disposed = true;
    generation++;
    cancelPendingSearch();
  }

  // ---- searching ----

  private void queryChanged() {
    long current = ++generation;
    cancelPendingSearch();
    String q = Objects.requireNonNullElse(query.get(), "").trim();
    if (q.isEmpty()) {
      search(current, session.suggestedPeople(MAX_RESULTS));
    } else {
      searching.set(true);
      pendingSearch =
          timer.schedule(
              DEBOUNCE,
              () -> {
                pendingSearch = null;
                search(current, session.searchPeople(q, MAX_RESULTS));
              });
    }
  }

  private void search(long current, CompletableFuture<List<Person>> answer) {
    searching.set(true);
    onUi(
        answer,
        people -> {
          if (current == generation && !disposed) {
            searching.set(false);
            found = List.copyOf(people);
            if (!busy.get()) {
              error.set("");
            }
            showResults();
          }
        },
        failure -> {
          if (current == generation && !disposed) {
            searching.set(false);
            error.set(describe(failure, "error.search"));
          }
        });
  }

  private void showResults() {
    results.setAll(found.stream().filter(p -> !p.self() && !contains(selected, p)).toList());
  }

  private void cancelPendingSearch() {
    if (pendingSearch != null) {
      pendingSearch.cancel();
      pendingSearch = null;
    }
  }

  private <T> void onUi(
      CompletableFuture<T> future, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    future.whenComplete(
        (value, failure) ->
            ui.dispatch(
                () -> {
                  if (failure != null) {
                    onFailure.accept(failure);
                  } else {
                    onSuccess.accept(value);
                  }
                }));
  }

  private static boolean contains(List<Person> people, Person person) {
    return people.stream().anyMatch(p -> p.id().equals(person.id()));
  }

  private String describe(Throwable failure, String fallbackKey) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof RateLimitedException limited) {
      return text.get("error.rateLimited", Math.max(1, limited.retryAfter().toSeconds()));
    }
    if (cause instanceof NetworkException) {
      return text.get("error.network");
    }
    if (cause instanceof AuthenticationException) {
      return text.get("error.authentication");
    }
    if (cause instanceof RequestRefusedException && cause.getMessage() != null) {
      return text.get("error.refused", cause.getMessage());
    }
    return text.get(fallbackKey);
  }
}
