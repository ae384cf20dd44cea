package dev.parley.client;

/**
 * hangups' {@code NameType}: how good a user's name is. A later source only replaces a name of a
 * lower kind ({@link User#upgradeName(User)}).
 */
public enum NameType {
  /** No name is known; the name is {@link User#DEFAULT_NAME}. */
  DEFAULT,
  /** Only a name without letters is known, such as a phone number. */
  NUMERIC,
  /** A real full name is known. */
  REAL
}
