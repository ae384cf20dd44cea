package dev.parley.client;

import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * An image to send with a chat message ({@link Conversation#sendMessage(java.util.List,
 * MessageImage)}): one already on the server, or bytes to upload first (in the conversation's send
 * order, as hangups does with {@code image_file}).
 */
public sealed interface MessageImage {
  /** An uploaded photo of this user, by id (hangups' {@code image_id}). */
  static MessageImage existing(String photoId) {
    return new Existing(photoId, null);
  }

  /**
   * A photo of another user, such as a sticker (hangups' {@code image_id} with {@code
   * image_user_id}).
   */
  static MessageImage existing(String photoId, String photoUserId) {
    return new Existing(photoId, Objects.requireNonNull(photoUserId, "photoUserId"));
  }

  /** An image uploaded with {@link ConversationList#uploadImage}. */
  static MessageImage uploaded(UploadedImage image) {
    return new Existing(image.photoId(), null);
  }

  /**
   * Bytes to upload just before sending.
   *
   * @param progress told bytes sent so far and the total; may be null
   */
  static MessageImage upload(byte[] bytes, String fileName, BiConsumer<Long, Long> progress) {
    return new Upload(bytes, fileName, progress);
  }

  /** A photo on the server. */
  record Existing(String photoId, String photoUserId) implements MessageImage {
    public Existing {
      Objects.requireNonNull(photoId, "photoId");
    }
  }

  /** Bytes to upload. */
  record Upload(byte[] bytes, String fileName, BiConsumer<Long, Long> progress)
      implements MessageImage {
    public Upload {
      Objects.requireNonNull(bytes, "bytes");
      Objects.requireNonNull(fileName, "fileName");
      progress = progress != null ? progress : (sent, total) -> {};
    }
  }
}
