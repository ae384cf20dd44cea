package dev.parley.app.manage;

import dev.parley.app.I18n;
import dev.parley.app.UiDispatcher;
import dev.parley.app.session.ConversationSummary;
import dev.parley.app.session.SessionService;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Rename group": the name as typed, checked as the server will check it (trimmed, at most {@link
 * SessionService#MAX_CONVERSATION_NAME_LENGTH} characters, no control characters) while it is
 * typed, so the server's refusal is never the first word. An empty name removes the custom name.
 */
public final class RenameViewModel {
  private final SessionService session;
  private final String conversationId;
  private final String oldName;
  private final I18n text = I18n.of(RenameViewModel.class);
  private final RequestState request;
  private final StringProperty name = new SimpleStringProperty(this, "name", "");
  private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
  private final ReadOnlyBooleanWrapper removing = new ReadOnlyBooleanWrapper(this, "removing");

  public RenameViewModel(SessionService session, UiDispatcher ui, String conversationId) {
    this.session = Objects.requireNonNull(session, "session");
    this.conversationId = Objects.requireNonNull(conversationId, "conversationId");
    this.request = new RequestState(ui, text);
    ConversationSummary summary = session.conversation(conversationId).orElse(null);
    oldName = summary == null || summary.customName() == null ? "" : summary.customName().strip();
    name.set(oldName);
    name.addListener((obs, old, now) -> request.setError(problem(now)));
    canSave.bind(
        Bindings.createBooleanBinding(
            () ->
                !request.busyProperty().get()
                    && !request.doneProperty().get()
                    && problem(name.get()) == null
                    && !trimmed().equals(oldName),
            name,
            request.busyProperty(),
            request.doneProperty()));
    removing.bind(
        Bindings.createBooleanBinding(() -> trimmed().isEmpty() && !oldName.isEmpty(), name));
  }

  /** The name as typed. */
  public StringProperty nameProperty() {
    return name;
  }

  /** Something to save: valid, changed, and nothing running. */
  public ReadOnlyBooleanProperty canSaveProperty() {
    return canSave.getReadOnlyProperty();
  }

  /** The name was emptied: saving removes it (the button says so). */
  public ReadOnlyBooleanProperty removingProperty() {
    return removing.getReadOnlyProperty();
  }

  /** Why the name cannot be saved, or why saving failed; empty when neither. */
  public ReadOnlyStringProperty errorProperty() {
    return request.errorProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return request.busyProperty();
  }

  /** Renamed: the dialog closes. */
  public ReadOnlyBooleanProperty doneProperty() {
    return request.doneProperty();
  }

  /** Renames (Enter or the button); does nothing while the name is invalid or unchanged. */
  public void save() {
    String problem = problem(name.get());
    if (problem != null) {
      request.setError(problem);
      return;
    }
    if (!canSave.get()) {
      return;
    }
    String newName = trimmed();
    request.submit(() -> session.rename(conversationId, newName), "rename.error");
  }

  public void dispose() {
    request.dispose();
  }

  private String trimmed() {
    return Objects.requireNonNullElse(name.get(), "").strip();
  }

  /** What is wrong with {@code typed}, or null. */
  private String problem(String typed) {
    String t = Objects.requireNonNullElse(typed, "").strip();
    if (t.length() > SessionService.MAX_CONVERSATION_NAME_LENGTH) {
      return text.get("rename.tooLong", SessionService.MAX_CONVERSATION_NAME_LENGTH, t.length());
    }
    for (int i = 0; i < t.length(); i++) {
      if (Character.isISOControl(t.charAt(i))) {
        return text.get("rename.control");
      }
    }
    return null;
  }
}
