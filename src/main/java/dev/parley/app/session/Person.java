package dev.parley.app.session;

import java.util.Objects;

/**
 * Someone the signed-in user can see, as the app shows them.
 *
 * @param id the account id (gaia id)
 * @param fullName the display name
 * @param firstName the first name, for "Alice is typing…"
 * @param email the address, or empty when not known
 * @param photoUrl the avatar, or null (the app draws initials)
 * @param self the signed-in user
 */
public record Person(
    String id, String fullName, String firstName, String email, String photoUrl, boolean self) {
  public Person {
    Objects.requireNonNull(id, "id");
    fullName = fullName == null || fullName.isBlank() ? "Unknown" : fullName;
    firstName = firstName == null || firstName.isBlank() ? fullName.split(" ")[0] : firstName;
    email = email == null ? "" : email;
  }

  /** Up to two letters for an avatar without a photo. */
  public String initials() {
    StringBuilder initials = new StringBuilder();
    for (String word : fullName.trim().split("\\s+")) {
      if (!word.isEmpty() && initials.length() < 2) {
        initials.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
      }
    }
    return initials.length() == 0 ? "?" : initials.toString();
  }

  /** A stable index into the avatar palette, so a person keeps one colour everywhere. */
  public int colorIndex(int paletteSize) {
    return Math.floorMod(id.hashCode(), paletteSize);
  }
}
