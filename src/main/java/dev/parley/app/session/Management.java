package dev.parley.app.session;

import dev.parley.app.UiDispatcher;
import dev.parley.client.Conversation;
import dev.parley.client.ConversationList;
import dev.parley.client.ConversationType;
import dev.parley.client.ConversationTypeException;
import dev.parley.client.GroupLink;
import dev.parley.client.NotificationLevel;
import dev.parley.client.RequestRefusedException;
import dev.parley.client.UserId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The {@link SessionService}'s conversation management: rename, add and remove people, leave or
 * delete, mute, history off, link sharing, joining by link. Each request goes to the library's
 * {@link Conversation}; its outcome comes back on the UI thread, where the conversation's summary
 * is recomputed before the future completes (so a ViewModel reading {@code conversation(id)} in its
 * callback sees the new state). The events the server creates reach the timeline the usual way,
 * through {@link IncomingEvents}. Confined to the UI thread.
 */
final class Management {
  private final ConversationList list;
  private final SessionModel model;
  private final UiDispatcher ui;

  Management(ConversationList list, SessionModel model, UiDispatcher ui) {
    this.list = list;
    this.model = model;
    this.ui = ui;
  }

  CompletableFuture<Void> rename(String conversationId, String name) {
    String trimmed = name == null ? "" : name.strip();
    return change(conversationId, c -> c.rename(trimmed));
  }

  CompletableFuture<Void> addPeople(String conversationId, List<String> personIds) {
    if (personIds.isEmpty()) {
      return UiFutures.failed(new IllegalArgumentException("nobody to add"), ui);
    }
    List<UserId> ids = personIds.stream().map(UserId::of).toList();
    return change(conversationId, c -> c.addUsers(ids));
  }

  CompletableFuture<Void> removePerson(String conversationId, String personId) {
    return change(conversationId, c -> c.removeUser(UserId.of(personId)));
  }

  CompletableFuture<Void> leave(String conversationId) {
    return drop(conversationId, ConversationType.GROUP, "only a group can be left");
  }

  CompletableFuture<Void> deleteHistory(String conversationId) {
    return drop(
        conversationId,
        ConversationType.ONE_TO_ONE,
        "only a one-to-one conversation's history can be deleted");
  }

  CompletableFuture<Void> setQuiet(String conversationId, boolean quiet) {
    NotificationLevel level = quiet ? NotificationLevel.QUIET : NotificationLevel.RING;
    return change(conversationId, c -> c.setNotificationLevel(level));
  }

  CompletableFuture<Void> setOffTheRecord(String conversationId, boolean offTheRecord) {
    return change(conversationId, c -> c.modifyOtrStatus(offTheRecord));
  }

  CompletableFuture<Void> setLinkSharing(String conversationId, boolean enabled) {
    return change(conversationId, c -> c.setGroupLinkSharingEnabled(enabled));
  }

  CompletableFuture<String> groupLink(String conversationId) {
    Conversation c = list.find(conversationId).orElse(null);
    if (c == null) {
      return unknown(conversationId);
    }
    return UiFutures.onUi(c.getGroupLink(), ui, GroupLink::url);
  }

  CompletableFuture<String> joinByLink(String url) {
    if (url == null || url.isBlank()) {
      return UiFutures.failed(new RequestRefusedException("not a group link"), ui);
    }
    return UiFutures.onUi(
        list.joinByLink(url.strip()),
        ui,
        conversation -> {
          model.refresh(conversation); // listed before the caller opens it
          return conversation.getId();
        });
  }

  /** A request that changes the conversation; its summary is recomputed once it succeeded. */
  private CompletableFuture<Void> change(
      String conversationId, Function<Conversation, CompletableFuture<?>> request) {
    Conversation c = list.find(conversationId).orElse(null);
    if (c == null) {
      return unknown(conversationId);
    }
    CompletableFuture<?> sent;
    try {
      sent = request.apply(c);
    } catch (RuntimeException e) { // a null or malformed argument
      return UiFutures.failed(e, ui);
    }
    return UiFutures.onUi(
        sent,
        ui,
        ignored -> {
          model.refresh(c);
          return null;
        });
  }

  /** Leaves a group or deletes a one-to-one; the conversation leaves the list at once. */
  private CompletableFuture<Void> drop(String conversationId, ConversationType type, String wrong) {
    Conversation c = list.find(conversationId).orElse(null);
    if (c == null) {
      return unknown(conversationId);
    }
    if (c.getType() != type) {
      return UiFutures.failed(new ConversationTypeException(wrong), ui);
    }
    return UiFutures.onUi(
        list.leaveConversation(conversationId),
        ui,
        ignored -> {
          model.removed(conversationId);
          return null;
        });
  }

  private <T> CompletableFuture<T> unknown(String conversationId) {
    return UiFutures.failed(new RequestRefusedException("no conversation " + conversationId), ui);
  }
}
