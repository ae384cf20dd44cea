package dev.parley.app.session;

import dev.parley.client.Presence;
import dev.parley.client.User;
import dev.parley.client.UserId;
import dev.parley.client.UserList;

/** The client library's users as the app's {@link Person}s. Thread-safe (UserList is). */
final class People {
  private final UserList users;

  People(UserList users) {
    this.users = users;
  }

  Person self() {
    return of(users.getSelf());
  }

  /** Someone known, or a placeholder named "Unknown". */
  Person person(UserId id) {
    return of(users.getUser(id));
  }

  Person person(String id) {
    return person(UserId.of(id));
  }

  /**
   * The user list knows this person by name (else they show as "Unknown"; a participant known only
   * by id has the placeholder name until its entity arrives).
   */
  boolean known(UserId id) {
    return users
        .findUser(id)
        .filter(u -> !dev.parley.client.User.DEFAULT_NAME.equals(u.getFullName()))
        .isPresent();
  }

  /** Online means reachable and available (not idle, not in do-not-disturb). */
  static PresenceInfo presence(Presence presence) {
    return new PresenceInfo(
        presence.reachable() && presence.available(),
        presence.lastSeen(),
        presence.statusMessageText());
  }

  static Person of(User user) {
    String email = user.getCanonicalEmail();
    if (email == null && !user.getEmails().isEmpty()) {
      email = user.getEmails().get(0);
    }
    return new Person(
        user.getId().gaiaId(),
        user.getFullName(),
        user.getFirstName(),
        email,
        user.getPhotoUrl(),
        user.isSelf());
  }
}
