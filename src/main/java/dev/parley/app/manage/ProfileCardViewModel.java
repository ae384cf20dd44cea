package dev.parley.app.manage;

import dev.parley.app.I18n;
import dev.parley.app.UiDispatcher;
import dev.parley.app.session.Person;
import dev.parley.app.session.PresenceInfo;
import dev.parley.app.session.SessionListener;
import dev.parley.app.session.SessionService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Someone's profile card: name, address, presence ("Online", "Last seen 5 min ago") and status
 * message, kept up to date while it shows, and "Message", which opens (or creates) the one-to-one
 * conversation with them.
 */
public final class ProfileCardViewModel {
  private final SessionService session;
  private final Clock clock;
  private final Person person;
  private final Consumer<String> open;
  private final I18n text = I18n.of(ProfileCardViewModel.class);
  private final RequestState request;
  private final ReadOnlyStringWrapper presence = new ReadOnlyStringWrapper(this, "presence", "");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(this, "online");
  private final SessionListener listener =
      new SessionListener() {
        @Override
        public void presenceChanged(String personId, PresenceInfo info) {
          if (personId.equals(person.id())) {
            show(info);
          }
        }
      };

  /**
   * @param open opens a conversation by id
   */
  public ProfileCardViewModel(
      SessionService session,
      UiDispatcher ui,
      Clock clock,
      String personId,
      Consumer<String> open) {
    this.session = Objects.requireNonNull(session, "session");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.open = Objects.requireNonNull(open, "open");
    this.person = session.person(Objects.requireNonNull(personId, "personId"));
    this.request = new RequestState(ui, text);
    show(session.presence(personId));
    session.addListener(listener);
    if (!person.self()) {
      session.refreshPresence(List.of(personId));
    }
  }

  public Person person() {
    return person;
  }

  /** "Message" is offered for anyone but the user. */
  public boolean canMessage() {
    return !person.self();
  }

  /** "Online", "Last seen today at 14:05", "Not seen recently". */
  public ReadOnlyStringProperty presenceProperty() {
    return presence.getReadOnlyProperty();
  }

  /** They are reachable and available now. */
  public ReadOnlyBooleanProperty onlineProperty() {
    return online.getReadOnlyProperty();
  }

  /** Their status message, empty when none. */
  public ReadOnlyStringProperty statusMessageProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return request.busyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return request.errorProperty();
  }

  /** The conversation was opened: the card closes. */
  public ReadOnlyBooleanProperty doneProperty() {
    return request.doneProperty();
  }

  /** Opens the one-to-one conversation with them, creating it if there is none. */
  public void message() {
    if (!canMessage()) {
      return;
    }
    request.submit(
        () -> session.createConversation(List.of(person.id()), null),
        open,
        failure -> Failures.describe(text, failure, "profile.error"));
  }

  public void dispose() {
    session.removeListener(listener);
    request.dispose();
  }

  private void show(PresenceInfo info) {
    status.set(info.statusMessage());
    online.set(info.online());
    presence.set(presenceText(info));
  }

  private String presenceText(PresenceInfo info) {
    if (info.online()) {
      return text.get("profile.online");
    }
    Instant seen = info.lastSeen();
    if (seen == null) {
      return text.get("profile.notSeen");
    }
    Instant now = clock.instant();
    Duration ago = Duration.between(seen, now);
    if (ago.toMinutes() < 1) {
      return text.get("profile.justNow");
    }
    if (ago.toMinutes() < 60) {
      return text.get("profile.minutesAgo", ago.toMinutes());
    }
    ZonedDateTime at = seen.atZone(clock.getZone());
    LocalDate today = now.atZone(clock.getZone()).toLocalDate();
    if (at.toLocalDate().equals(today)) {
      return text.get(
          "profile.today", DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).format(at));
    }
    return text.get(
        "profile.date", DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).format(at));
  }
}
