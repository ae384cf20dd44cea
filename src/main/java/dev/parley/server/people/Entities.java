package dev.parley.server.people;

import dev.parley.proto.Hangouts.Entity;
import dev.parley.proto.Hangouts.EntityProperties;
import dev.parley.proto.Hangouts.ParticipantType;
import dev.parley.proto.Hangouts.PhotoUrlStatus;
import dev.parley.proto.Hangouts.ProfileType;
import dev.parley.server.conversations.ConversationViews;
import dev.parley.server.storage.Account;
import dev.parley.server.storage.Membership;
import dev.parley.server.storage.StoreTransaction;
import java.util.LinkedHashSet;
import java.util.Set;

/** Accounts as the protocol's Entity, and who may see whom. */
public final class Entities {
  /** The pseudo conversation an avatar is granted to: every signed-in person may fetch it. */
  public static final String PUBLIC_MEDIA = "*";

  private final String publicUrl;

  public Entities(String publicUrl) {
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  public Entity entity(Account account) {
    EntityProperties.Builder properties =
        EntityProperties.newBuilder()
            .setType(ProfileType.PROFILE_TYPE_ES_USER)
            .setDisplayName(account.displayName())
            .setFirstName(account.firstName())
            .addEmail(account.email())
            .setCanonicalEmail(account.email());
    if (account.avatarMediaId() != null) {
      properties
          .setPhotoUrl(publicUrl + "/media/" + account.avatarMediaId())
          .setPhotoUrlStatus(PhotoUrlStatus.PHOTO_URL_STATUS_USER_PHOTO);
    } else {
      properties.setPhotoUrlStatus(PhotoUrlStatus.PHOTO_URL_STATUS_PLACEHOLDER);
    }
    return Entity.newBuilder()
        .setId(ConversationViews.participantId(account.id()))
        .setProperties(properties)
        .setEntityType(ParticipantType.PARTICIPANT_TYPE_GAIA)
        .build();
  }

  /**
   * Everyone who is or was in a conversation with the account, the account included, most recently
   * active conversations first.
   */
  public static Set<String> contactsOf(StoreTransaction tx, String accountId) {
    Set<String> contacts = new LinkedHashSet<>();
    contacts.add(accountId);
    tx.membershipsOf(accountId).stream()
        .map(m -> tx.conversation(m.conversationId()).orElse(null))
        .filter(c -> c != null)
        .sorted((a, b) -> Long.compare(b.sortTimestamp(), a.sortTimestamp()))
        .forEach(
            c -> tx.memberships(c.id()).stream().map(Membership::accountId).forEach(contacts::add));
    return contacts;
  }
}
