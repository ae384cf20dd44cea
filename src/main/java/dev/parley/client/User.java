package dev.parley.client;

import dev.parley.proto.Hangouts;
import java.util.List;
import java.util.Objects;

/**
 * hangups' {@code User}: a chat user. Immutable: where hangups changes a user in place, {@link
 * UserList} replaces the snapshot, so a {@code User} read once never changes under the reader.
 */
public final class User {
  /** The name of a user whose name is not known. */
  public static final String DEFAULT_NAME = "Unknown";

  private final UserId id;
  private final String fullName;
  private final String firstName;
  private final NameType nameType;
  private final String photoUrl;
  private final String canonicalEmail;
  private final List<String> emails;
  private final boolean self;

  /**
   * A user as hangups builds one: without a full name the name is {@link #DEFAULT_NAME}; a full
   * name without letters is {@link NameType#NUMERIC} and is also the first name; otherwise it is
   * {@link NameType#REAL} and the first name falls back to the first word of the full name.
   *
   * @param fullName the full name, or null (or empty) when unknown
   * @param firstName the first name, or null (or empty) when unknown
   * @param photoUrl the photo URL, or null; a scheme-relative {@code //host/...} gets {@code
   *     https:}
   * @param canonicalEmail the canonical email address, or null
   */
  public User(
      UserId id,
      String fullName,
      String firstName,
      String photoUrl,
      String canonicalEmail,
      List<String> emails,
      boolean isSelf) {
    this.id = Objects.requireNonNull(id, "id");
    if (isBlank(fullName)) {
      this.fullName = DEFAULT_NAME;
      this.firstName = DEFAULT_NAME;
      this.nameType = NameType.DEFAULT;
    } else if (fullName.codePoints().noneMatch(Character::isLetter)) {
      this.fullName = fullName;
      this.firstName = fullName;
      this.nameType = NameType.NUMERIC;
    } else {
      this.fullName = fullName;
      this.firstName = isBlank(firstName) ? fullName.strip().split("\\s+")[0] : firstName;
      this.nameType = NameType.REAL;
    }
    this.photoUrl = normalisePhotoUrl(photoUrl);
    this.canonicalEmail = isBlank(canonicalEmail) ? null : canonicalEmail;
    this.emails = List.copyOf(emails);
    this.self = isSelf;
  }

  private User(User base, User name, String photoUrl, String canonicalEmail, List<String> emails) {
    this.id = base.id;
    this.fullName = name.fullName;
    this.firstName = name.firstName;
    this.nameType = name.nameType;
    this.photoUrl = photoUrl;
    this.canonicalEmail = canonicalEmail;
    this.emails = emails;
    this.self = base.self;
  }

  /** hangups' {@code User.from_entity}: a user from an entity; self when ids match or no self. */
  static User fromEntity(Hangouts.Entity entity, UserId selfId) {
    UserId id = UserId.fromProto(entity.getId());
    Hangouts.EntityProperties p = entity.getProperties();
    return new User(
        id,
        p.getDisplayName(),
        p.getFirstName(),
        p.getPhotoUrl(),
        p.getCanonicalEmail(),
        p.getEmailList(),
        selfId == null || selfId.equals(id));
  }

  /**
   * hangups' {@code User.from_conv_part_data}: a user known only by a conversation's participant
   * data, whose fallback name {@code "unknown"} means none.
   */
  static User fromParticipantData(Hangouts.ConversationParticipantData data, UserId selfId) {
    UserId id = UserId.fromProto(data.getId());
    String name = data.getFallbackName();
    return new User(
        id,
        "unknown".equals(name) ? null : name,
        null,
        null,
        null,
        List.of(),
        selfId == null || selfId.equals(id));
  }

  /**
   * hangups' {@code upgrade_name}: this user with {@code other}'s name if that name is of a higher
   * {@link NameType}, else this user unchanged.
   */
  public User upgradeName(User other) {
    if (other.nameType.compareTo(nameType) > 0) {
      return new User(this, other, photoUrl, canonicalEmail, emails);
    }
    return this;
  }

  /** The name upgraded from {@code other}, and a missing photo and emails taken from it. */
  User mergedWith(User other) {
    User name = other.nameType.compareTo(nameType) > 0 ? other : this;
    return new User(
        this,
        name,
        photoUrl != null ? photoUrl : other.photoUrl,
        canonicalEmail != null ? canonicalEmail : other.canonicalEmail,
        emails.isEmpty() ? other.emails : emails);
  }

  public UserId getId() {
    return id;
  }

  public String getFullName() {
    return fullName;
  }

  public String getFirstName() {
    return firstName;
  }

  public NameType getNameType() {
    return nameType;
  }

  /** The photo URL, or null. */
  public String getPhotoUrl() {
    return photoUrl;
  }

  /** The canonical email address, or null. */
  public String getCanonicalEmail() {
    return canonicalEmail;
  }

  public List<String> getEmails() {
    return emails;
  }

  /** True for the signed-in user. */
  public boolean isSelf() {
    return self;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String normalisePhotoUrl(String url) {
    if (isBlank(url)) {
      return null;
    }
    return url.startsWith("//") ? "https:" + url : url;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof User u
        && id.equals(u.id)
        && fullName.equals(u.fullName)
        && firstName.equals(u.firstName)
        && nameType == u.nameType
        && Objects.equals(photoUrl, u.photoUrl)
        && Objects.equals(canonicalEmail, u.canonicalEmail)
        && emails.equals(u.emails)
        && self == u.self;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, fullName, firstName, nameType, photoUrl, canonicalEmail, emails, self);
  }

  @Override
  public String toString() {
    return "User(" + id.gaiaId() + ", " + fullName + ", " + nameType + (self ? ", self)" : ")");
  }
}
