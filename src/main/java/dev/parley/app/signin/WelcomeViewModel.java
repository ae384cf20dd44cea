package dev.parley.app.signin;

import dev.parley.app.I18n;
import dev.parley.app.session.SessionService;
import dev.parley.client.AuthenticationException;
import dev.parley.client.NetworkException;
import dev.parley.client.RateLimitedException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The first-run screen: choose "Connect to a server" or "Start on this computer", fill in the form,
 * answer a verification code if the server asks. Validation and errors live here; the view only
 * binds.
 */
public final class WelcomeViewModel {
  /** Which part of the screen shows. */
  public enum Step {
    CHOOSE,
    CONNECT,
    LOCAL,
    CODE
  }

  private final SignInService signIn;
  private final Consumer<SessionService> onSignedIn;
  private final I18n text = I18n.of(WelcomeViewModel.class);

  private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.CHOOSE);
  private final StringProperty server = new SimpleStringProperty("");
  private final StringProperty name = new SimpleStringProperty("");
  private final StringProperty email = new SimpleStringProperty("");
  private final StringProperty password = new SimpleStringProperty("");
  private final StringProperty code = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final BooleanBinding canSubmit;
  private CompletableFuture<String> pendingCode;

  public WelcomeViewModel(SignInService signIn, Consumer<SessionService> onSignedIn) {
    this.signIn = Objects.requireNonNull(signIn, "signIn");
    this.onSignedIn = Objects.requireNonNull(onSignedIn, "onSignedIn");
    canSubmit =
        Bindings.createBooleanBinding(
            this::formComplete, step, server, name, email, password, code, busy);
  }

  public ReadOnlyObjectProperty<Step> stepProperty() {
    return step.getReadOnlyProperty();
  }

  public StringProperty serverProperty() {
    return server;
  }

  public StringProperty nameProperty() {
    return name;
  }

  public StringProperty emailProperty() {
    return email;
  }

  public StringProperty passwordProperty() {
    return password;
  }

  public StringProperty codeProperty() {
    return code;
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public BooleanBinding canSubmitProperty() {
    return canSubmit;
  }

  public void chooseConnect() {
    error.set("");
    step.set(Step.CONNECT);
  }

  public void chooseLocal() {
    error.set("");
    step.set(Step.LOCAL);
  }

  /** Back to the two choices (or cancels a code request). */
  public void back() {
    if (pendingCode != null) {
      pendingCode.complete(null);
      pendingCode = null;
    }
    error.set("");
    step.set(Step.CHOOSE);
  }

  /** Submits the current step's form. */
  public void submit() {
    if (!canSubmit.get()) {
      error.set(validationMessage());
      return;
    }
    error.set("");
    switch (step.get()) {
      case CONNECT -> {
        busy.set(true);
        signIn
            .connect(normalizedServer(), email.get().trim(), password.get(), this::askCode)
            .whenComplete(this::finished);
      }
      case LOCAL -> {
        busy.set(true);
        signIn
            .startLocal(name.get().trim(), email.get().trim(), password.get())
            .whenComplete(this::finished);
      }
      case CODE -> {
        CompletableFuture<String> answer = pendingCode;
        pendingCode = null;
        busy.set(true);
        if (answer != null) {
          answer.complete(code.get().trim());
        }
      }
      case CHOOSE -> {}
    }
  }

  /** Opens the demo world (also reachable from the welcome screen). */
  public void startDemo() {
    busy.set(true);
    error.set("");
    signIn.startDemo().whenComplete(this::finished);
  }

  private CompletableFuture<String> askCode() {
    pendingCode = new CompletableFuture<>();
    code.set("");
    busy.set(false);
    step.set(Step.CODE);
    return pendingCode;
  }

  private void finished(SessionService session, Throwable failure) {
    busy.set(false);
    password.set("");
    if (failure != null) {
      error.set(describe(failure));
      if (step.get() == Step.CODE) {
        step.set(Step.CONNECT);
      }
      return;
    }
    onSignedIn.accept(session);
  }

  String describe(Throwable failure) {
    if (failure instanceof RateLimitedException limited) {
      return text.get("error.rateLimited", Math.max(1, limited.retryAfter().toSeconds()));
    }
    if (failure instanceof AuthenticationException) {
      return text.get("error.authentication");
    }
    if (failure instanceof NetworkException) {
      return text.get("error.network", failure.getMessage());
    }
    String message = failure.getMessage();
    return message == null || message.isBlank() ? text.get("error.unknown") : message;
  }

  private String normalizedServer() {
    String s = server.get().trim();
    if (!s.startsWith("http://") && !s.startsWith("https://")) {
      s = "https://" + s;
    }
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private boolean formComplete() {
    if (busy.get()) {
      return false;
    }
    return switch (step.get()) {
      case CHOOSE -> false;
      case CONNECT -> !server.get().isBlank() && validEmail() && !password.get().isEmpty();
      case LOCAL -> !name.get().isBlank() && validEmail() && password.get().length() >= 8;
      case CODE -> code.get().trim().matches("\\d{6}");
    };
  }

  private boolean validEmail() {
    String e = email.get().trim();
    int at = e.indexOf('@');
    return at > 0 && at < e.length() - 1 && e.indexOf(' ') < 0;
  }

  private String validationMessage() {
    return switch (step.get()) {
      case CONNECT ->
          server.get().isBlank()
              ? text.get("error.serverRequired")
              : !validEmail() ? text.get("error.emailInvalid") : text.get("error.passwordRequired");
      case LOCAL ->
          name.get().isBlank()
              ? text.get("error.nameRequired")
              : !validEmail() ? text.get("error.emailInvalid") : text.get("error.passwordShort");
      case CODE -> text.get("error.codeInvalid");
      case CHOOSE -> "";
    };
  }
}
