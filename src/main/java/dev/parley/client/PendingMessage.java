package dev.parley.client;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A chat message on its way ({@link Conversation#enqueueMessage}): its {@code client_generated_id},
 * which the created {@link ChatMessageEvent} carries ({@link
 * ConversationEvent#getClientGeneratedId()}) so a pending message can be matched with its event
 * whichever arrives first, and the result.
 *
 * @param clientGeneratedId the id as the created event shows it (unsigned decimal)
 * @param result completes with the created event, or with a {@link ClientException}
 */
public record PendingMessage(String clientGeneratedId, CompletableFuture<ChatMessageEvent> result) {
  public PendingMessage {
    Objects.requireNonNull(clientGeneratedId, "clientGeneratedId");
    Objects.requireNonNull(result, "result");
  }
}
