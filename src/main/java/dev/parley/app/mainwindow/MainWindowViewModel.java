package dev.parley.app.mainwindow;

import dev.parley.app.I18n;
import dev.parley.app.session.Person;
import dev.parley.app.session.SessionListener;
import dev.parley.app.session.SessionService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window around the features: its title carries the unread total ("(3) Parley"), the account
 * bar shows who is signed in where, and the account menu signs out.
 */
public final class MainWindowViewModel {
  private final SessionService session;
  private final Runnable onSignOut;
  private final StringBinding title;
  private final ReadOnlyObjectWrapper<Person> self = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper serverUrl = new ReadOnlyStringWrapper();
  // A start from the saved list knows the account as it was; the server's may differ.
  private final SessionListener listener =
      new SessionListener() {
        @Override
        public void stateReloaded() {
          readAccount();
        }
      };

  public MainWindowViewModel(
      SessionService session, ReadOnlyIntegerProperty totalUnread, Runnable onSignOut) {
    this.session = session;
    this.onSignOut = onSignOut;
    I18n text = I18n.of(MainWindowViewModel.class);
    title =
        Bindings.createStringBinding(
            () ->
                totalUnread.get() > 0
                    ? text.get("title.unread", totalUnread.get())
                    : text.get("title"),
            totalUnread);
    readAccount();
    session.addListener(listener);
  }

  private void readAccount() {
    self.set(session.self());
    serverUrl.set(session.serverUrl());
  }

  public StringBinding titleProperty() {
    return title;
  }

  public ReadOnlyObjectProperty<Person> selfProperty() {
    return self.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty serverUrlProperty() {
    return serverUrl.getReadOnlyProperty();
  }

  /** Stops listening to the session. */
  public void dispose() {
    session.removeListener(listener);
  }

  public void signOut() {
    onSignOut.run();
  }
}
