package dev.parley.app.composer;

import dev.parley.app.session.ChatMessage;
import dev.parley.app.session.OutgoingImage;
import dev.parley.app.session.SendState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Images sent from the composer that are still on their way, at most one per conversation, each
 * kept until its message leaves PENDING (sent or failed). Runs on the UI thread.
 */
final class Uploads {
  /** An image being sent, and how far its upload got (0..1). */
  static final class Upload {
    final OutgoingImage image;
    private String key;
    private double progress;

    private Upload(OutgoingImage image) {
      this.image = image;
    }

    double progress() {
      return progress;
    }
  }

  private final Map<String, Upload> byConversation = new HashMap<>();
  private final Set<String> settledWhileSending = new HashSet<>();
  private final Runnable changed;
  private boolean sending;

  /**
   * @param changed told after anything about an upload changed
   */
  Uploads(Runnable changed) {
    this.changed = changed;
  }

  /** The upload of a conversation, or null when none. */
  Upload in(String conversationId) {
    return conversationId == null ? null : byConversation.get(conversationId);
  }

  /**
   * Sends a message through {@code send}, which gets the progress callback to pass on (null without
   * an image), and tracks the image's upload. A message settled before {@code send} returns leaves
   * nothing behind.
   */
  ChatMessage send(
      String conversationId,
      OutgoingImage image,
      Function<BiConsumer<Long, Long>, ChatMessage> send) {
    if (image == null) {
      return send.apply(null);
    }
    Upload upload = new Upload(image);
    byConversation.put(conversationId, upload);
    settledWhileSending.clear();
    sending = true;
    try {
      ChatMessage pending =
          send.apply((done, total) -> progressed(conversationId, upload, done, total));
      upload.key = pending.key();
      if (pending.state() != SendState.PENDING || settledWhileSending.contains(upload.key)) {
        byConversation.remove(conversationId, upload);
      }
      return pending;
    } catch (RuntimeException e) {
      byConversation.remove(conversationId, upload);
      throw e;
    } finally {
      sending = false;
      settledWhileSending.clear();
      changed.run();
    }
  }

  /** A message of the user's changed: if it left PENDING, its upload is over. */
  void messageChanged(ChatMessage message) {
    if (!message.own() || message.state() == SendState.PENDING) {
      return;
    }
    if (sending) {
      settledWhileSending.add(message.key());
    }
    Upload upload = byConversation.get(message.conversationId());
    if (upload != null && message.key().equals(upload.key)) {
      byConversation.remove(message.conversationId());
      changed.run();
    }
  }

  void forget(String conversationId) {
    if (byConversation.remove(conversationId) != null) {
      changed.run();
    }
  }

  private void progressed(String conversationId, Upload upload, long done, long total) {
    if (byConversation.get(conversationId) != upload) {
      return;
    }
    upload.progress = total > 0 ? Math.max(0, Math.min(1, (double) done / total)) : 0;
    changed.run();
  }
}
