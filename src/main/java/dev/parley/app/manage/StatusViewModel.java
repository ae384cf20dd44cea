package dev.parley.app.manage;

import dev.parley.app.I18n;
import dev.parley.app.UiDispatcher;
import dev.parley.app.session.PresenceInfo;
import dev.parley.app.session.SessionService;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Set status": the user's status message (one line, at most {@link
 * SessionService#MAX_STATUS_MESSAGE_LENGTH} characters) and whether they show as available or busy.
 * Only what changed is sent.
 */
public final class StatusViewModel {
  private final SessionService session;
  private final I18n text = I18n.of(StatusViewModel.class);
  private final RequestState request;
  private final String oldMessage;
  private final boolean oldAvailable;
  private final StringProperty message = new SimpleStringProperty(this, "message", "");
  private final BooleanProperty available = new SimpleBooleanProperty(this, "available", true);
  private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");

  public StatusViewModel(SessionService session, UiDispatcher ui) {
    this.session = Objects.requireNonNull(session, "session");
    this.request = new RequestState(ui, text);
    PresenceInfo now = session.presence(session.self().id());
    oldMessage = now.statusMessage().strip();
    // Unknown presence (never asked) reads as available: that is the server's default.
    oldAvailable = now.online() || now.lastSeen() == null;
    message.set(oldMessage);
    available.set(oldAvailable);
    message.addListener((obs, old, typed) -> request.setError(problem(typed)));
    canSave.bind(
        Bindings.createBooleanBinding(
            () ->
                !request.busyProperty().get()
                    && !request.doneProperty().get()
                    && problem(message.get()) == null
                    && (!trimmed().equals(oldMessage) || available.get() != oldAvailable),
            message,
            available,
            request.busyProperty(),
            request.doneProperty()));
  }

  /** The status message as typed; empty clears it. */
  public StringProperty messageProperty() {
    return message;
  }

  /** Available (true) or busy. */
  public BooleanProperty availableProperty() {
    return available;
  }

  public ReadOnlyBooleanProperty canSaveProperty() {
    return canSave.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return request.busyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return request.errorProperty();
  }

  public ReadOnlyBooleanProperty doneProperty() {
    return request.doneProperty();
  }

  public void save() {
    String problem = problem(message.get());
    if (problem != null) {
      request.setError(problem);
      return;
    }
    if (!canSave.get()) {
      return;
    }
    String newMessage = trimmed();
    boolean newAvailable = available.get();
    request.submit(
        () -> {
          CompletableFuture<Void> status =
              newMessage.equals(oldMessage)
                  ? CompletableFuture.completedFuture(null)
                  : session.setStatusMessage(newMessage);
          return newAvailable == oldAvailable
              ? status
              : status.thenCompose(v -> session.setAvailable(newAvailable));
        },
        "status.error");
  }

  public void dispose() {
    request.dispose();
  }

  private String trimmed() {
    return Objects.requireNonNullElse(message.get(), "").strip();
  }

  private String problem(String typed) {
    String t = Objects.requireNonNullElse(typed, "").strip();
    if (t.length() > SessionService.MAX_STATUS_MESSAGE_LENGTH) {
      return text.get("status.tooLong", SessionService.MAX_STATUS_MESSAGE_LENGTH, t.length());
    }
    if (t.chars().anyMatch(Character::isISOControl)) {
      return text.get("status.control");
    }
    return null;
  }
}
