package dev.parley.client;

import dev.parley.proto.Hangouts;
import java.util.Objects;

/**
 * hangups' {@code UserID}: a user's id, in two parts which are always identical on Parley.
 *
 * @param chatId the chat id
 * @param gaiaId the account (gaia) id
 */
public record UserId(String chatId, String gaiaId) {
  public UserId {
    Objects.requireNonNull(chatId, "chatId");
    Objects.requireNonNull(gaiaId, "gaiaId");
  }

  /** The id of the account {@code id}, used as both chat id and gaia id. */
  public static UserId of(String id) {
    return new UserId(id, id);
  }

  static UserId fromProto(Hangouts.ParticipantId id) {
    return new UserId(id.getChatId(), id.getGaiaId());
  }

  Hangouts.ParticipantId toProto() {
    return Hangouts.ParticipantId.newBuilder().setChatId(chatId).setGaiaId(gaiaId).build();
  }
}
