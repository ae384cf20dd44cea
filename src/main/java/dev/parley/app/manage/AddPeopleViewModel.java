package dev.parley.app.manage;

import dev.parley.app.I18n;
import dev.parley.app.UiDispatcher;
import dev.parley.app.UiTimer;
import dev.parley.app.session.ConversationSummary;
import dev.parley.app.session.Person;
import dev.parley.app.session.SessionService;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Add people" to a group: search (debounced; suggestions while the query is empty), pick, add.
 * People already in the group and people picked are left out of the results. A search that finds
 * nobody says so ("No one matches …"): only people with an account can be added. Answers to a query
 * that has changed since are dropped.
 */
public final class AddPeopleViewModel {
  static final Duration DEBOUNCE = Duration.ofMillis(250);
  static final int MAX_RESULTS = 20;

  private final SessionService session;
  private final UiDispatcher ui;
  private final UiTimer timer;
  private final String conversationId;
  private final I18n text = I18n.of(AddPeopleViewModel.class);
  private final RequestState request;
  private final StringProperty query = new SimpleStringProperty(this, "query", "");
  private final ObservableList<Person> results = FXCollections.observableArrayList();
  private final ObservableList<Person> picked = FXCollections.observableArrayList();
  private final ObservableList<Person> resultsView =
      FXCollections.unmodifiableObservableList(results);
  private final ObservableList<Person> pickedView =
      FXCollections.unmodifiableObservableList(picked);
  private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
  private final ReadOnlyBooleanWrapper canAdd = new ReadOnlyBooleanWrapper(this, "canAdd");
  private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
  private List<Person> found = List.of();
  private UiTimer.Scheduled pendingSearch;
  private long generation;
  private boolean disposed;

  public AddPeopleViewModel(
      SessionService session, UiDispatcher ui, UiTimer timer, String conversationId) {
    this.session = Objects.requireNonNull(session, "session");
    this.ui = Objects.requireNonNull(ui, "ui");
    this.timer = Objects.requireNonNull(timer, "timer");
    this.conversationId = Objects.requireNonNull(conversationId, "conversationId");
    this.request = new RequestState(ui, text);
    canAdd.bind(
        Bindings.createBooleanBinding(
            () ->
                !picked.isEmpty() && !request.busyProperty().get() && !request.doneProperty().get(),
            picked,
            request.busyProperty(),
            request.doneProperty()));
    query.addListener((obs, old, now) -> queryChanged());
    queryChanged();
  }

  // ---- what the view binds ----

  public StringProperty queryProperty() {
    return query;
  }

  /** People matching the query (suggestions while it is empty), minus members and those picked. */
  public ObservableList<Person> results() {
    return resultsView;
  }

  /** The people to add, in the order picked. */
  public ObservableList<Person> pickedPeople() {
    return pickedView;
  }

  public ReadOnlyBooleanProperty searchingProperty() {
    return searching.getReadOnlyProperty();
  }

  /** What the empty result list says: searching, nobody found for the query, or nothing. */
  public ReadOnlyStringProperty emptyTextProperty() {
    return emptyText.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canAddProperty() {
    return canAdd.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return request.busyProperty();
  }

  /** Why adding (or searching) failed; empty when it did not. */
  public ReadOnlyStringProperty errorProperty() {
    return request.errorProperty();
  }

  /** Added: the dialog closes. */
  public ReadOnlyBooleanProperty doneProperty() {
    return request.doneProperty();
  }

  /** The label of the add button: "Add", "Add 3". */
  public String addLabel(int count) {
    return count <= 1 ? text.get("add.add") : text.get("add.addCount", count);
  }

  // ---- actions ----

  public void pick(Person person) {
    if (person == null || person.self() || contains(picked, person) || isMember(person)) {
      return;
    }
    picked.add(person);
    request.setError("");
    if (!Objects.requireNonNullElse(query.get(), "").isBlank()) {
      query.set("");
    } else {
      showResults();
    }
  }

  /**
   * Enter in the search field: picks the first result; when a search found nobody, says so. False
   * when nothing was picked.
   */
  public boolean pickFirstResult() {
    if (!results.isEmpty()) {
      pick(results.get(0));
      return true;
    }
    String q = Objects.requireNonNullElse(query.get(), "").strip();
    if (!q.isEmpty() && !searching.get()) {
      request.setError(text.get("add.noneFor", q));
    }
    return false;
  }

  public void unpick(Person person) {
    if (picked.removeIf(p -> p.id().equals(person.id()))) {
      showResults();
    }
  }

  /** Backspace in the empty search field. */
  public void unpickLast() {
    if (!picked.isEmpty()) {
      unpick(picked.get(picked.size() - 1));
    }
  }

  /** Adds the people picked to the group. */
  public void add() {
    if (!canAdd.get()) {
      return;
    }
    List<String> ids = picked.stream().map(Person::id).toList();
    request.submit(() -> session.addPeople(conversationId, ids), "add.error");
  }

  public void dispose() {
    disposed = true;
    generation++;
    cancelPendingSearch();
    request.dispose();
  }

  // ---- searching ----

  private void queryChanged() {
    long current = ++generation;
    cancelPendingSearch();
    String q = Objects.requireNonNullElse(query.get(), "").strip();
    searching.set(true);
    emptyText.set(text.get("add.searching"));
    if (q.isEmpty()) {
      search(current, q, session.suggestedPeople(MAX_RESULTS));
    } else {
      pendingSearch =
          timer.schedule(
              DEBOUNCE,
              () -> {
                pendingSearch = null;
                search(current, q, session.searchPeople(q, MAX_RESULTS));
              });
    }
  }

  private void search(long current, String q, CompletableFuture<List<Person>> answer) {
    answer.whenComplete(
        (people, failure) ->
            ui.dispatch(
                () -> {
                  if (current != generation || disposed) {
                    return;
                  }
                  searching.set(false);
                  if (failure != null) {
                    found = List.of();
                    emptyText.set("");
                    request.setError(Failures.describe(text, failure, "add.searchError"));
                  } else {
                    found = List.copyOf(people);
                    if (!request.busyProperty().get()) {
                      request.setError("");
                    }
                    emptyText.set(q.isEmpty() ? text.get("add.none") : text.get("add.noneFor", q));
                  }
                  showResults();
                }));
  }

  private void showResults() {
    results.setAll(
        found.stream().filter(p -> !p.self() && !contains(picked, p) && !isMember(p)).toList());
  }

  private boolean isMember(Person person) {
    Set<String> members =
        session
            .conversation(conversationId)
            .map(ConversationSummary::participants)
            .orElse(List.of())
            .stream()
            .map(Person::id)
            .collect(Collectors.toSet());
    return members.contains(person.id());
  }

  private void cancelPendingSearch() {
    if (pendingSearch != null) {
      pendingSearch.cancel();
      pendingSearch = null;
    }
  }

  private static boolean contains(List<Person> people, Person person) {
    return people.stream().anyMatch(p -> p.id().equals(person.id()));
  }
}
