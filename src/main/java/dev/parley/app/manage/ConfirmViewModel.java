package dev.parley.app.manage;

import dev.parley.app.I18n;
import dev.parley.app.UiDispatcher;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * A question before an action that is hard to undo or that everyone sees (leave, delete, history
 * off): its wording, and the request to send when confirmed. A failure stays in the dialog.
 */
public final class ConfirmViewModel {
  private final String title;
  private final String message;
  private final String confirmLabel;
  private final boolean danger;
  private final Supplier<CompletableFuture<?>> action;
  private final String errorKey;
  private final RequestState request;
  private final ReadOnlyBooleanWrapper canConfirm = new ReadOnlyBooleanWrapper(this, "canConfirm");

  /**
   * @param danger the action destroys something (the button is red)
   * @param action sends the request
   * @param errorKey the message of {@code manage/messages.properties} for an unexpected failure
   */
  public ConfirmViewModel(
      UiDispatcher ui,
      String title,
      String message,
      String confirmLabel,
      boolean danger,
      Supplier<CompletableFuture<?>> action,
      String errorKey) {
    this.title = Objects.requireNonNull(title, "title");
    this.message = Objects.requireNonNull(message, "message");
    this.confirmLabel = Objects.requireNonNull(confirmLabel, "confirmLabel");
    this.danger = danger;
    this.action = Objects.requireNonNull(action, "action");
    this.errorKey = Objects.requireNonNull(errorKey, "errorKey");
    this.request = new RequestState(ui, I18n.of(ConfirmViewModel.class));
    canConfirm.bind(
        Bindings.createBooleanBinding(
            () -> !request.busyProperty().get() && !request.doneProperty().get(),
            request.busyProperty(),
            request.doneProperty()));
  }

  public String title() {
    return title;
  }

  public String message() {
    return message;
  }

  public String confirmLabel() {
    return confirmLabel;
  }

  public boolean danger() {
    return danger;
  }

  public ReadOnlyBooleanProperty canConfirmProperty() {
    return canConfirm.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return request.busyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return request.errorProperty();
  }

  /** Done: the dialog closes. */
  public ReadOnlyBooleanProperty doneProperty() {
    return request.doneProperty();
  }

  public void confirm() {
    request.submit(() -> action.get().thenApply(ignored -> null), errorKey);
  }

  public void dispose() {
    request.dispose();
  }
}
