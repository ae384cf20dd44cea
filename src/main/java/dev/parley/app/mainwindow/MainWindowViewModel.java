package dev.parley.app.mainwindow;

import dev.parley.app.I18n;
import dev.parley.app.session.Person;
import dev.parley.app.session.SessionService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;

/**
 * The window around the features: its title carries the unread total ("(3) Parley"), and the
 * account menu signs out.
 */
public final class MainWindowViewModel {
  private final SessionService session;
  private final Runnable onSignOut;
  private final StringBinding title;

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
  }

  public StringBinding titleProperty() {
    return title;
  }

  public Person self() {
    return session.self();
  }

  public String serverUrl() {
    return session.serverUrl();
  }

  public void signOut() {
    onSignOut.run();
  }
}
