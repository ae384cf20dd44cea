package dev.parley.client;

import dev.parley.proto.Hangouts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * hangups' {@code Conversation}: one chat conversation, its loaded events and its operations. Get
 * instances from {@link ConversationList}.
 *
 * <p>Thread-safe: getters return immutable snapshots; operations return futures that complete on
 * the client's callback executor with the library's own types, or exceptionally with a {@link
 * ClientException}. Observers are called with no lock held, in order per conversation.
 */
public final class Conversation {
  private static final Logger log = LoggerFactory.getLogger(Conversation.class);

  /** hangups' default page size for {@link #getEvents(String, int)}. */
  public static final int DEFAULT_MAX_EVENTS = 50;

  /** What a conversation needs from its list: events the server returned for a request. */
  interface Host {
    /** Delivers an event created by a request, in order with the channel's updates. */
    void deliverCreatedEvent(Conversation conversation, Hangouts.Event event);
  }

  private final HangoutsApi api;
  private final UserList userList;
  private final Host host;
  private final String id;
  private final ConversationState state;
  private final ConversationRequests requests;
  private final AsyncButOrdered<String> sends = new AsyncButOrdered<>();
  private final Event<ConversationEvent> onEvent = new Event<>("Conversation.on_event");
  private final Event<TypingStatusMessage> onTyping = new Event<>("Conversation.on_typing");
  private final Event<WatermarkNotification> onWatermarkNotification =
      new Event<>("Conversation.on_watermark_notification");

  Conversation(
      HangoutsApi api,
      UserList userList,
      Host host,
      Hangouts.Conversation conversation,
      List<Hangouts.Event> events,
      Hangouts.EventContinuationToken token) {
    this.api = api;
    this.userList = userList;
    this.host = host;
    this.id = conversation.getConversationId().getId();
    this.state = new ConversationState(conversation, events, token);
    this.requests = new ConversationRequests(api, state);
  }

  ConversationState state() {
    return state;
  }

  /** hangups' {@code on_event}: an event occurred in this conversation. */
  public Event<ConversationEvent> onEvent() {
    return onEvent;
  }

  /** hangups' {@code on_typing}: someone started or stopped typing here. */
  public Event<TypingStatusMessage> onTyping() {
    return onTyping;
  }

  /** hangups' {@code on_watermark_notification}: a participant's read timestamp moved. */
  public Event<WatermarkNotification> onWatermarkNotification() {
    return onWatermarkNotification;
  }

  /** hangups' {@code id_}. */
  public String getId() {
    return id;
  }

  public ConversationType getType() {
    return ConversationType.fromProto(state.conversation().getType());
  }

  /** hangups' {@code users}: the participants, as {@link UserList} knows them. */
  public List<User> getUsers() {
    return state.conversation().getParticipantDataList().stream()
        .map(p -> userList.getUser(UserId.fromProto(p.getId())))
        .toList();
  }

  /** hangups' {@code name}: the custom name, or null when the conversation has none. */
  public String getName() {
    String name = state.conversation().getName();
    return name.isEmpty() ? null : name;
  }

  /** hangups' {@code last_modified}: the sort timestamp (its newest event). */
  public Instant getLastModified() {
    return Micros.toInstant(state.conversation().getSelfConversationState().getSortTimestamp());
  }

  /** hangups' {@code latest_read_timestamp}: the signed-in user's watermark. */
  public Instant getLatestReadTimestamp() {
    return Micros.toInstant(state.latestReadMicros());
  }

  /** hangups' {@code events}: the loaded events, oldest first. */
  public List<ConversationEvent> getEvents() {
    return state.events();
  }

  /**
   * hangups' {@code unread_events}: loaded events newer than {@link #getLatestReadTimestamp()},
   * oldest first, leaving out the signed-in user's own events.
   */
  public List<ConversationEvent> getUnreadEvents() {
    return state.unreadEvents(userList.getSelf().getId());
  }

  /** hangups' {@code watermarks}: each participant's read timestamp. */
  public Map<UserId, Instant> getWatermarks() {
    return state.watermarks();
  }

  /** hangups' {@code is_archived}. */
  public boolean isArchived() {
    return state
        .conversation()
        .getSelfConversationState()
        .getViewList()
        .contains(Hangouts.ConversationView.CONVERSATION_VIEW_ARCHIVED);
  }

  /** hangups' {@code is_quiet}: notifications are off. */
  public boolean isQuiet() {
    return getNotificationLevel() == NotificationLevel.QUIET;
  }

  public NotificationLevel getNotificationLevel() {
    return NotificationLevel.fromProto(
        state.conversation().getSelfConversationState().getNotificationLevel());
  }

  /** hangups' {@code is_off_the_record}: history is disabled. */
  public boolean isOffTheRecord() {
    return OffTheRecordStatus.fromProto(state.conversation().getOtrStatus())
        == OffTheRecordStatus.OFF_THE_RECORD;
  }

  /** hangups' {@code is_group_link_sharing_enabled}. */
  public boolean isGroupLinkSharingEnabled() {
    return GroupLinkSharingStatus.fromProto(state.conversation().getGroupLinkSharingStatus())
        == GroupLinkSharingStatus.ON;
  }

  /** hangups' {@code get_user}. */
  public User getUser(UserId userId) {
    return userList.getUser(userId);
  }

  /**
   * hangups' {@code get_event}.
   *
   * @throws NoSuchElementException if no such event is loaded
   */
  public ConversationEvent getEvent(String eventId) {
    return state.requireEvent(eventId);
  }

  /** hangups' {@code next_event}: the loaded event after {@code eventId}, if any. */
  public Optional<ConversationEvent> nextEvent(String eventId) {
    return nextEvent(eventId, false);
  }

  /**
   * hangups' {@code next_event}.
   *
   * @param previous the event before rather than after
   * @throws NoSuchElementException if no such event is loaded
   */
  public Optional<ConversationEvent> nextEvent(String eventId, boolean previous) {
    return state.nextEvent(eventId, previous);
  }

  /**
   * hangups' {@code get_events(event_id)}: {@link #getEvents(String, int)} with pages of {@value
   * #DEFAULT_MAX_EVENTS}; a null id asks for the newest events.
   */
  public CompletableFuture<List<ConversationEvent>> getEvents(String eventId) {
    return getEvents(eventId, DEFAULT_MAX_EVENTS);
  }

  /**
   * hangups' {@code get_events}: without an event id the newest loaded events; with one, the events
   * before it, oldest first. Served from memory; when {@code eventId} is the oldest loaded event,
   * the page before it is requested ({@code getconversation} with the stored continuation token)
   * and joins the loaded events (firing nothing). An empty list means the start of history.
   *
   * @throws NoSuchElementException if {@code eventId} is not a loaded event
   */
  public CompletableFuture<List<ConversationEvent>> getEvents(String eventId, int maxEvents) {
    EventHistory.Page page = state.page(eventId, maxEvents);
    if (!page.needsLoad()) {
      return CompletableFuture.completedFuture(page.served());
    }
    log.debug("Loading events for conversation {} before {}", id, eventId);
    return api.getConversation(requests.getConversation(maxEvents, page.token()))
        .thenApply(
            response -> {
              Hangouts.ConversationState loaded = response.getConversationState();
              List<ConversationEvent> events = state.addPage(loaded);
              if (loaded.hasConversation()) {
                userList.addParticipants(loaded.getConversation());
              }
              return events;
            });
  }

  /** hangups' {@code send_message} with text only. */
  public CompletableFuture<ChatMessageEvent> sendMessage(List<ChatMessageSegment> segments) {
    return sendMessage(segments, null);
  }

  /**
   * hangups' {@code send_message}: sends after every earlier send of this conversation has finished
   * (successfully or not), so messages arrive in the order they were sent. An image to upload is
   * uploaded in that order too.
   *
   * @param image an image to attach, or null
   * @return the created message, also delivered (once) through {@link #onEvent()}
   */
  public CompletableFuture<ChatMessageEvent> sendMessage(
      List<ChatMessageSegment> segments, MessageImage image) {
    return enqueueMessage(segments, image).result();
  }

  /**
   * Like {@link #sendMessage(List, MessageImage)}, returning at once the message's {@code
   * client_generated_id} so that it can be shown as pending and matched with its event.
   */
  public PendingMessage enqueueMessage(List<ChatMessageSegment> segments, MessageImage image) {
    return enqueueMessage(segments, image, api.getClientGeneratedId());
  }

  /**
   * Like {@link #enqueueMessage(List, MessageImage)} with a given {@code client_generated_id}:
   * sending again with the same id after a failure cannot create the message twice.
   */
  public PendingMessage enqueueMessage(
      List<ChatMessageSegment> segments, MessageImage image, long clientGeneratedId) {
    List<ChatMessageSegment> copy = List.copyOf(segments);
    CompletableFuture<ChatMessageEvent> result =
        sends.submit(id, () -> send(copy, image, clientGeneratedId));
    return new PendingMessage(Long.toUnsignedString(clientGeneratedId), result);
  }

  private CompletableFuture<ChatMessageEvent> send(
      List<ChatMessageSegment> segments, MessageImage image, long clientGeneratedId) {
    CompletableFuture<MessageImage.Existing> photo;
    if (image instanceof MessageImage.Upload upload) {
      photo =
          api.uploadImage(upload.bytes(), upload.fileName(), upload.progress())
              .thenApply(uploaded -> new MessageImage.Existing(uploaded.photoId(), null));
    } else {
      photo = CompletableFuture.completedFuture((MessageImage.Existing) image);
    }
    return photo
        .thenCompose(
            p -> api.sendChatMessage(requests.sendChatMessage(clientGeneratedId, segments, p)))
        .thenCompose(r -> created(r.getCreatedEvent(), ChatMessageEvent.class));
  }

  /** hangups' {@code add_users}: group conversations only. */
  public CompletableFuture<MembershipChangeEvent> addUsers(List<UserId> userIds) {
    if (!isGroup()) {
      return notAGroup("add people to");
    }
    return api.addUser(requests.addUser(userIds))
        .thenCompose(r -> created(r.getCreatedEvent(), MembershipChangeEvent.class));
  }

  /** hangups' {@code remove_user}: group conversations only. */
  public CompletableFuture<MembershipChangeEvent> removeUser(UserId userId) {
    if (!isGroup()) {
      return notAGroup("remove people from");
    }
    return api.removeUser(requests.removeUser(Objects.requireNonNull(userId, "userId")))
        .thenCompose(r -> created(r.getCreatedEvent(), MembershipChangeEvent.class));
  }

  /**
   * hangups' {@code leave}: a group is left ({@code removeuser} of oneself); a one-to-one is
   * deleted up to now for the signed-in user ({@code deleteconversation}). {@link
   * ConversationList#leaveConversation(String)} also drops it from the list.
   */
  public CompletableFuture<Void> leave() {
    if (isGroup()) {
      return api.removeUser(requests.removeUser(null)).thenApply(r -> null);
    }
    long newest = state.newestEvent().map(ConversationEvent::getTimestampMicros).orElse(0L);
    long upTo = Math.max(Micros.fromInstant(Instant.now()), newest);
    return api.deleteConversation(requests.deleteConversation(upTo)).thenApply(r -> null);
  }

  /** hangups' {@code rename}; an empty name removes the custom name. */
  public CompletableFuture<RenameEvent> rename(String name) {
    return api.renameConversation(requests.rename(Objects.requireNonNull(name, "name")))
        .thenCompose(r -> created(r.getCreatedEvent(), RenameEvent.class));
  }

  /** hangups' {@code set_notification_level}: {@link NotificationLevel#QUIET} or RING. */
  public CompletableFuture<Void> setNotificationLevel(NotificationLevel level) {
    return api.setConversationNotificationLevel(requests.setNotificationLevel(level))
        .thenApply(
            r -> {
              state.setNotificationLevel(level.toProto());
              return null;
            });
  }

  /** hangups' {@code modify_otr_status}: true to switch history off. */
  public CompletableFuture<OtrEvent> modifyOtrStatus(boolean offTheRecord) {
    return api.modifyOtrStatus(requests.modifyOtrStatus(offTheRecord))
        .thenCompose(r -> created(r.getCreatedEvent(), OtrEvent.class));
  }

  /**
   * hangups' {@code set_group_link_sharing_enabled}: group conversations only, else {@link
   * ConversationTypeException} without asking the server.
   */
  public CompletableFuture<GroupLinkSharingModificationEvent> setGroupLinkSharingEnabled(
      boolean enabled) {
    if (!isGroup()) {
      return notAGroup("share a link to");
    }
    return api.setGroupLinkSharingEnabled(requests.setGroupLinkSharingEnabled(enabled))
        .thenCompose(
            r -> {
              if (r.hasUpdatedConversation()) {
                state.update(r.getUpdatedConversation());
              }
              return created(r.getCreatedEvent(), GroupLinkSharingModificationEvent.class);
            });
  }

  /** The link that lets people join this group; group conversations only. */
  public CompletableFuture<GroupLink> getGroupLink() {
    if (!isGroup()) {
      return notAGroup("share a link to");
    }
    return api.getGroupConversationUrl(requests.getGroupConversationUrl())
        .thenApply(r -> new GroupLink(id, r.getGroupConversationUrl()));
  }

  /** hangups' {@code set_typing()}: started typing. */
  public CompletableFuture<Void> setTyping() {
    return setTyping(TypingStatus.STARTED);
  }

  /** hangups' {@code set_typing}. */
  public CompletableFuture<Void> setTyping(TypingStatus status) {
    return api.setTyping(requests.setTyping(status)).thenApply(r -> null);
  }

  /** hangups' {@code update_read_timestamp()}: read up to the newest loaded event (or now). */
  public CompletableFuture<Void> updateReadTimestamp() {
    return updateReadTimestamp(
        state.newestEvent().map(ConversationEvent::getTimestamp).orElseGet(Instant::now));
  }

  /**
   * hangups' {@code update_read_timestamp}: asks the server ({@code updatewatermark}) only when
   * this moves the read timestamp forward, and moves it locally at once so that a repeated call
   * does not repeat the request.
   */
  public CompletableFuture<Void> updateReadTimestamp(Instant readTimestamp) {
    long micros = Micros.fromInstant(readTimestamp);
    if (!state.raiseSelfReadTimestamp(micros)) {
      return CompletableFuture.completedFuture(null);
    }
    return api.updateWatermark(requests.updateWatermark(micros)).thenApply(r -> null);
  }

  private boolean isGroup() {
    return getType() == ConversationType.GROUP;
  }

  private <T> CompletableFuture<T> notAGroup(String what) {
    return CompletableFuture.failedFuture(
        new ConversationTypeException("cannot " + what + " a conversation that is not a group"));
  }

  /** Delivers a request's created event (once) and returns it as the expected type. */
  private <T extends ConversationEvent> CompletableFuture<T> created(
      Hangouts.Event event, Class<T> type) {
    if (!event.hasEventId() || !event.getConversationId().getId().equals(id)) {
      return CompletableFuture.failedFuture(
          new ClientException("the server returned no event for conversation " + id));
    }
    host.deliverCreatedEvent(this, event);
    ConversationEvent wrapped = ConversationEvent.wrap(event);
    if (!type.isInstance(wrapped)) {
      return CompletableFuture.failedFuture(
          new ClientException("the server returned a " + wrapped.getClass().getSimpleName()));
    }
    return CompletableFuture.completedFuture(type.cast(wrapped));
  }

  @Override
  public String toString() {
    return "Conversation(" + id + ", " + getType() + ")";
  }
}
