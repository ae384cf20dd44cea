package dev.parley.client;

import dev.parley.proto.Hangouts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * hangups' {@code ConversationList}: the signed-in user's conversations, kept up to date from the
 * api's state updates, and the operations that create or find conversations. Build it with {@link
 * ConversationLists#build(HangoutsApi)}.
 *
 * <p>State updates are handled in order per conversation ({@link AsyncButOrdered}): an update for a
 * conversation not yet known fetches it ({@code getconversation} without events) and the updates
 * after it wait. Events are deduplicated by id, so an update delivered twice fires once. The list
 * holds the conversations the user is in: one the user left, or a one-to-one the user deleted,
 * leaves it ({@link #onConversationRemoved()}) until a newer event brings it back.
 *
 * <p>Thread-safe; observers are called with no lock held, on the thread delivering the update.
 */
public final class ConversationList {
  private static final Logger log = LoggerFactory.getLogger(ConversationList.class);
  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  private final HangoutsApi api;
  private final UserList userList;
  private final Object lock = new Object();
  private final Map<String, Conversation> conversations = new LinkedHashMap<>();
  private final Map<String, Long> deletedUpTo = new HashMap<>();
  private final AsyncButOrdered<String> updates = new AsyncButOrdered<>();
  private final Event<ConversationEvent> onEvent = new Event<>("ConversationList.on_event");
  private final Event<TypingStatusMessage> onTyping = new Event<>("ConversationList.on_typing");
  private final Event<WatermarkNotification> onWatermarkNotification =
      new Event<>("ConversationList.on_watermark_notification");
  private final Event<Conversation> onConversationChanged =
      new Event<>("ConversationList.on_conversation_changed");
  private final Event<Conversation> onConversationRemoved =
      new Event<>("ConversationList.on_conversation_removed");
  private final Consumer<Hangouts.StateUpdate> stateUpdateObserver = this::onStateUpdate;
  private final Conversation.Host host = this::deliverCreatedEvent;

  /** hangups' constructor: one conversation per state; observes the api's state updates. */
  ConversationList(
      HangoutsApi api, UserList userList, List<Hangouts.ConversationState> conversationStates) {
    this.api = Objects.requireNonNull(api, "api");
    this.userList = Objects.requireNonNull(userList, "userList");
    for (Hangouts.ConversationState cs : conversationStates) {
      if (!selfLeft(cs.getConversation())) {
        Conversation c = newConversation(cs);
        conversations.put(c.getId(), c);
      }
    }
    api.onStateUpdate().addObserver(stateUpdateObserver);
  }

  /** hangups' {@code on_event}: an event occurred in any conversation. */
  public Event<ConversationEvent> onEvent() {
    return onEvent;
  }

  /** hangups' {@code on_typing}: someone started or stopped typing in any conversation. */
  public Event<TypingStatusMessage> onTyping() {
    return onTyping;
  }

  /** hangups' {@code on_watermark_notification}: a read timestamp moved in any conversation. */
  public Event<WatermarkNotification> onWatermarkNotification() {
    return onWatermarkNotification;
  }

  /**
   * A conversation was added to the list or its state changed (an update was applied to it), for
   * views that show the list.
   */
  public Event<Conversation> onConversationChanged() {
    return onConversationChanged;
  }

  /** A conversation left the list (left, removed from it, or deleted). */
  public Event<Conversation> onConversationRemoved() {
    return onConversationRemoved;
  }

  /** hangups' {@code get_all()}: the conversations not archived, most recently modified first. */
  public List<Conversation> getAll() {
    return getAll(false);
  }

  /** hangups' {@code get_all}: most recently modified first. */
  public List<Conversation> getAll(boolean includeArchived) {
    List<Conversation> all;
    synchronized (lock) {
      all = new ArrayList<>(conversations.values());
    }
    return all.stream()
        .filter(c -> includeArchived || !c.isArchived())
        .sorted(Comparator.comparing(Conversation::getLastModified).reversed())
        .toList();
  }

  /**
   * hangups' {@code get}.
   *
   * @throws NoSuchElementException if there is no such conversation in the list
   */
  public Conversation get(String conversationId) {
    return find(conversationId)
        .orElseThrow(() -> new NoSuchElementException("no conversation " + conversationId));
  }

  /** The conversation with this id, if it is in the list. */
  public Optional<Conversation> find(String conversationId) {
    synchronized (lock) {
      return Optional.ofNullable(conversations.get(conversationId));
    }
  }

  /** hangups' {@code leave_conversation}: {@link Conversation#leave()}, then drops it. */
  public CompletableFuture<Void> leaveConversation(String conversationId) {
    Conversation conversation = get(conversationId);
    return conversation
        .leave()
        .thenCompose(v -> updates.submit(conversationId, () -> remove(conversation)));
  }

  /**
   * The one-to-one conversation with {@code other}: the existing one, or a new one.
   *
   * @return the conversation, in the list
   */
  public CompletableFuture<Conversation> createOneToOne(UserId other) {
    return create(Hangouts.ConversationType.CONVERSATION_TYPE_ONE_TO_ONE, List.of(other), null);
  }

  /**
   * A new group conversation with {@code others}.
   *
   * @param name its name, or null for none
   */
  public CompletableFuture<Conversation> createGroup(List<UserId> others, String name) {
    return create(Hangouts.ConversationType.CONVERSATION_TYPE_GROUP, others, name);
  }

  private CompletableFuture<Conversation> create(
      Hangouts.ConversationType type, List<UserId> invitees, String name) {
    Hangouts.CreateConversationRequest.Builder request =
        Hangouts.CreateConversationRequest.newBuilder()
            .setRequestHeader(api.getRequestHeader())
            .setType(type)
            .setClientGeneratedId(api.getClientGeneratedId());
    if (name != null && !name.isEmpty()) {
      request.setName(name);
    }
    invitees.forEach(
        u -> request.addInviteeId(Hangouts.InviteeID.newBuilder().setGaiaId(u.gaiaId())));
    return api.createConversation(request.build())
        .thenCompose(
            response -> {
              Hangouts.Conversation c = response.getConversation();
              String id = c.getConversationId().getId();
              return updates.submit(id, () -> CompletableFuture.completedFuture(addOrUpdate(c)));
            });
  }

  /** Joins a group by its shared link and returns it, in the list. */
  public CompletableFuture<Conversation> joinByLink(String url) {
    return api.joinByLink(url).thenCompose(id -> updates.submit(id, () -> getOrFetch(id, null)));
  }

  /**
   * Uploads an image for a later {@link MessageImage#uploaded(UploadedImage)}.
   *
   * @param progress told bytes sent so far and the total
   */
  public CompletableFuture<UploadedImage> uploadImage(
      byte[] image, String fileName, BiConsumer<Long, Long> progress) {
    return api.uploadImage(image, fileName, progress);
  }

  /** Stops following the api's updates (the lists stay readable). */
  void close() {
    api.onStateUpdate().removeObserver(stateUpdateObserver);
  }

  private void deliverCreatedEvent(Conversation conversation, Hangouts.Event event) {
    updates
        .submit(conversation.getId(), () -> deliverEvent(conversation, event))
        .whenComplete((v, e) -> logFailure("created event", conversation.getId(), e));
  }

  private void onStateUpdate(Hangouts.StateUpdate update) {
    String id = StateUpdates.conversationId(update);
    if (id == null || id.isEmpty()) {
      return;
    }
    updates
        .submit(id, () -> handle(id, update))
        .whenComplete((v, e) -> logFailure(update.getStateUpdateCase().toString(), id, e));
  }

  private static void logFailure(String what, String conversationId, Throwable failure) {
    if (failure != null) {
      log.warn("Discarding {} for {}: {}", what, conversationId, failure.toString());
    }
  }

  /** One state update, after the earlier ones of its conversation. */
  private CompletableFuture<Void> handle(String id, Hangouts.StateUpdate update) {
    if (update.hasDeleteNotification()) {
      long upTo = update.getDeleteNotification().getDeleteAction().getDeleteUpperBoundTimestamp();
      synchronized (lock) {
        deletedUpTo.merge(id, upTo, Math::max);
      }
    }
    Conversation known = find(id).orElse(null);
    if (known == null && StateUpdates.ignoredWhenUnknown(update, self(), deletedUpTo(id))) {
      return DONE;
    }
    CompletableFuture<Conversation> conversation;
    if (known != null) {
      if (update.hasConversation()) {
        known.state().update(update.getConversation());
      }
      conversation = CompletableFuture.completedFuture(known);
    } else {
      conversation = getOrFetch(id, StateUpdates.completeConversation(update));
    }
    return conversation.thenCompose(c -> apply(c, update));
  }

  private CompletableFuture<Void> apply(Conversation c, Hangouts.StateUpdate update) {
    switch (update.getStateUpdateCase()) {
      case EVENT_NOTIFICATION -> {
        return deliverEvent(c, update.getEventNotification().getEvent());
      }
      case TYPING_NOTIFICATION -> {
        TypingStatusMessage typing = TypingStatusMessage.fromProto(update.getTypingNotification());
        fire(onTyping, typing);
        fire(c.onTyping(), typing);
      }
      case WATERMARK_NOTIFICATION -> {
        WatermarkNotification n =
            WatermarkNotification.fromProto(update.getWatermarkNotification());
        c.state().applyWatermark(n, n.userId().equals(self()));
        fire(onWatermarkNotification, n);
        fire(c.onWatermarkNotification(), n);
      }
      case NOTIFICATION_LEVEL_NOTIFICATION -> {
        if (!update.hasConversation()) {
          c.state().setNotificationLevel(update.getNotificationLevelNotification().getLevel());
        }
      }
      case VIEW_MODIFICATION -> c.state().setView(update.getViewModification().getNewView());
      case DELETE_NOTIFICATION -> {
        return remove(c);
      }
      default -> {}
    }
    return changed(c);
  }

  /** hangups' {@code _on_event}: adds the event once and fires it, list first. */
  private CompletableFuture<Void> deliverEvent(Conversation c, Hangouts.Event event) {
    ConversationEvent added = c.state().add(event);
    if (added != null) {
      fire(onEvent, added);
      fire(c.onEvent(), added);
    }
    return changed(c);
  }

  /** Announces a change, or drops the conversation if the user is no longer in it. */
  private CompletableFuture<Void> changed(Conversation c) {
    if (StateUpdates.selfLeft(c.state().conversation(), self())) {
      return remove(c);
    }
    if (find(c.getId()).orElse(null) == c) {
      fire(onConversationChanged, c);
    }
    return DONE;
  }

  private CompletableFuture<Void> remove(Conversation c) {
    boolean removed;
    synchronized (lock) {
      removed = conversations.remove(c.getId(), c);
    }
    if (removed) {
      fire(onConversationRemoved, c);
    }
    return DONE;
  }

  /**
   * hangups' {@code _get_or_fetch_conversation}: the known conversation, else one made from a
   * complete conversation at hand, else one fetched with {@code getconversation} (no events).
   */
  private CompletableFuture<Conversation> getOrFetch(String id, Hangouts.Conversation complete) {
    Optional<Conversation> known = find(id);
    if (known.isPresent()) {
      return CompletableFuture.completedFuture(known.get());
    }
    if (complete != null) {
      return CompletableFuture.completedFuture(addOrUpdate(complete));
    }
    log.info("Fetching unknown conversation {}", id);
    return api.getConversation(
            Hangouts.GetConversationRequest.newBuilder()
                .setRequestHeader(api.getRequestHeader())
                .setConversationSpec(
                    Hangouts.ConversationSpec.newBuilder()
                        .setConversationId(ConversationRequests.conversationId(id)))
                .setIncludeConversationMetadata(true)
                .setIncludeEvent(false)
                .build())
        .thenApply(
            response -> {
              Hangouts.ConversationState cs = response.getConversationState();
              Optional<Conversation> raced = find(id);
              return raced.isPresent() ? raced.get() : add(newConversation(cs));
            });
  }

  private Conversation addOrUpdate(Hangouts.Conversation conversation) {
    Optional<Conversation> known = find(conversation.getConversationId().getId());
    if (known.isPresent()) {
      known.get().state().update(conversation);
      userList.addParticipants(conversation);
      changed(known.get());
      return known.get();
    }
    return add(
        newConversation(
            Hangouts.ConversationState.newBuilder()
                .setConversationId(conversation.getConversationId())
                .setConversation(conversation)
                .build()));
  }

  private Conversation add(Conversation c) {
    synchronized (lock) {
      conversations.put(c.getId(), c);
    }
    userList.addParticipants(c.state().conversation());
    fire(onConversationChanged, c);
    return c;
  }

  private Conversation newConversation(Hangouts.ConversationState cs) {
    return new Conversation(
        api,
        userList,
        host,
        cs.getConversation(),
        cs.getEventList(),
        cs.hasEventContinuationToken() ? cs.getEventContinuationToken() : null);
  }

  /**
   * Fires {@code event}; an observer that throws is logged, so that the conversation's own
   * observers and the updates after it still run.
   */
  private static <T> void fire(Event<T> event, T value) {
    try {
      event.fire(value);
    } catch (RuntimeException e) {
      log.warn("An observer of {} failed", event.name(), e);
    }
  }

  private long deletedUpTo(String id) {
    synchronized (lock) {
      return deletedUpTo.getOrDefault(id, 0L);
    }
  }

  private UserId self() {
    return userList.getSelf().getId();
  }

  private boolean selfLeft(Hangouts.Conversation conversation) {
    return StateUpdates.selfLeft(conversation, self());
  }
}
