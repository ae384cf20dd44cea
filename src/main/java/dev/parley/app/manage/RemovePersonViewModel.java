package dev.parley.app.manage;

import dev.parley.app.I18n;
import dev.parley.app.UiDispatcher;
import dev.parley.app.session.ConversationSummary;
import dev.parley.app.session.Person;
import dev.parley.app.session.SessionService;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Remove someone" from a group: the other members (never the user: leaving is its own action), one
 * chosen, removed. Everyone sees "You removed Bob".
 */
public final class RemovePersonViewModel {
  private final SessionService session;
  private final String conversationId;
  private final I18n text = I18n.of(RemovePersonViewModel.class);
  private final RequestState request;
  private final ObservableList<Person> members = FXCollections.observableArrayList();
  private final ObservableList<Person> membersView =
      FXCollections.unmodifiableObservableList(members);
  private final ObjectProperty<Person> chosen = new SimpleObjectProperty<>(this, "chosen");
  private final ReadOnlyBooleanWrapper canRemove = new ReadOnlyBooleanWrapper(this, "canRemove");
  private final String caption;

  public RemovePersonViewModel(SessionService session, UiDispatcher ui, String conversationId) {
    this.session = Objects.requireNonNull(session, "session");
    this.conversationId = Objects.requireNonNull(conversationId, "conversationId");
    this.request = new RequestState(ui, text);
    ConversationSummary summary = session.conversation(conversationId).orElse(null);
    List<Person> others = summary == null || !summary.group() ? List.of() : summary.others();
    members.setAll(others);
    caption = text.get("remove.caption", summary == null ? "" : summary.title());
    if (summary == null) {
      request.setError(text.get("error.gone"));
    } else if (others.isEmpty()) {
      request.setError(text.get("remove.nobody"));
    }
    chosen.addListener((obs, old, now) -> request.setError(""));
    canRemove.bind(
        Bindings.createBooleanBinding(
            () ->
                chosen.get() != null
                    && !request.busyProperty().get()
                    && !request.doneProperty().get(),
            chosen,
            request.busyProperty(),
            request.doneProperty()));
  }

  /** "Who should leave “Trip”?" */
  public String caption() {
    return caption;
  }

  /** The members other than the user. */
  public ObservableList<Person> members() {
    return membersView;
  }

  /** The member to remove (the view's selection). */
  public ObjectProperty<Person> chosenProperty() {
    return chosen;
  }

  public ReadOnlyBooleanProperty canRemoveProperty() {
    return canRemove.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return request.busyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return request.errorProperty();
  }

  /** Removed: the dialog closes. */
  public ReadOnlyBooleanProperty doneProperty() {
    return request.doneProperty();
  }

  public void remove() {
    Person person = chosen.get();
    if (!canRemove.get() || person == null || person.self()) {
      return;
    }
    request.submit(() -> session.removePerson(conversationId, person.id()), "remove.error");
  }

  public void dispose() {
    request.dispose();
  }
}
