package dev.parley.client;

import dev.parley.proto.Hangouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * hangups' {@code UserList}: every known user, kept up to date from conversations' participant data
 * (names only ever upgrade, {@link User#upgradeName(User)}), plus people search, suggestions and
 * presence. Build it with {@link ConversationLists#build(HangoutsApi)}.
 *
 * <p>Thread-safe: reads return immutable snapshots; observers are called on the thread delivering
 * the update (the client's callback executor), with no lock held.
 */
public final class UserList {
  private static final Logger log = LoggerFactory.getLogger(UserList.class);

  /** Seconds an "available" presence setting lasts; hangups' web client renews it. */
  static final long PRESENCE_TIMEOUT_SECS = 720;

  private final HangoutsApi api;
  private final User self;
  private final Object lock = new Object();
  private final Map<UserId, User> users = new LinkedHashMap<>();
  private final Set<UserId> withEntity = new HashSet<>();
  private final Set<UserId> entityRequested = new HashSet<>();

  /** Per conversation, the participant data last added, to skip it when it comes again. */
  private final Map<String, List<Hangouts.ConversationParticipantData>> lastParticipants =
      new HashMap<>();

  private final Map<UserId, Presence> presences = new LinkedHashMap<>();
  private final Event<User> onUserChanged = new Event<>("UserList.on_user_changed");
  private final Event<Presence> onPresence = new Event<>("UserList.on_presence");
  private final Consumer<Hangouts.StateUpdate> stateUpdateObserver = this::onStateUpdate;

  /**
   * hangups' constructor: the self user, then users from entities, then users from participant data
   * as a fallback. Observes the api's state updates for new participants and presence.
   */
  UserList(
      HangoutsApi api,
      Hangouts.Entity selfEntity,
      List<Hangouts.Entity> entities,
      List<Hangouts.ConversationParticipantData> participants) {
    this.api = Objects.requireNonNull(api, "api");
    this.self = User.fromEntity(selfEntity, null);
    users.put(self.getId(), self);
    withEntity.add(self.getId());
    for (Hangouts.Entity entity : entities) {
      User user = User.fromEntity(entity, self.getId());
      merge(user);
      withEntity.add(user.getId());
    }
    for (Hangouts.ConversationParticipantData data : participants) {
      merge(User.fromParticipantData(data, self.getId()));
    }
    entityRequested.addAll(users.keySet());
    api.onStateUpdate().addObserver(stateUpdateObserver);
  }

  /** Fired when a user's snapshot changes (a better name or a photo arrived). */
  public Event<User> onUserChanged() {
    return onUserChanged;
  }

  /** Fired when a presence notification arrives or {@link #queryPresence} learns something. */
  public Event<Presence> onPresence() {
    return onPresence;
  }

  /**
   * hangups' {@code get_user}: the user with this id, or (as hangups does) a placeholder named
   * {@link User#DEFAULT_NAME} when nobody with that id is known.
   */
  public User getUser(UserId id) {
    return findUser(id).orElseGet(() -> new User(id, null, null, null, null, List.of(), false));
  }

  /** The user with this id, if known. */
  public Optional<User> findUser(UserId id) {
    synchronized (lock) {
      return Optional.ofNullable(users.get(id));
    }
  }

  /** hangups' {@code get_all}: every known user. */
  public List<User> getAllUsers() {
    synchronized (lock) {
      return List.copyOf(users.values());
    }
  }

  /** The signed-in user. */
  public User getSelf() {
    synchronized (lock) {
      return users.get(self.getId());
    }
  }

  /** The last presence learned of this person, if any. */
  public Optional<Presence> getPresence(UserId id) {
    synchronized (lock) {
      return Optional.ofNullable(presences.get(id));
    }
  }

  /**
   * Searches people on the server by name or email prefix ({@code searchentities}).
   *
   * @param maxCount at most this many (the server caps it at 50)
   */
  public CompletableFuture<List<User>> searchPeople(String query, int maxCount) {
    return api.searchEntities(
            Hangouts.SearchEntitiesRequest.newBuilder()
                .setRequestHeader(api.getRequestHeader())
                .setQuery(Objects.requireNonNull(query, "query"))
                .setMaxCount(maxCount)
                .build())
        .thenApply(response -> toUsers(response.getEntityList()));
  }

  /** People the signed-in user shares conversations with, most recent first. */
  public CompletableFuture<List<User>> suggestedPeople(int maxCount) {
    return api.getSuggestedEntities(
            Hangouts.GetSuggestedEntitiesRequest.newBuilder()
                .setRequestHeader(api.getRequestHeader())
                .setMaxCount(maxCount)
                .build())
        .thenApply(
            response -> {
              List<Hangouts.Entity> entities = new ArrayList<>(response.getEntityList());
              for (Hangouts.SuggestedContact contact :
                  response.getContactsYouHangoutWith().getContactList()) {
                entities.add(contact.getEntity());
              }
              return toUsers(entities);
            });
  }

  private List<User> toUsers(List<Hangouts.Entity> entities) {
    Map<UserId, User> result = new LinkedHashMap<>();
    for (Hangouts.Entity entity : entities) {
      User user = User.fromEntity(entity, self.getId());
      result.putIfAbsent(user.getId(), user);
    }
    return List.copyOf(result.values());
  }

  /** Asks the server for these people's presence; remembers and announces what it learns. */
  public CompletableFuture<Map<UserId, Presence>> queryPresence(Collection<UserId> ids) {
    Hangouts.QueryPresenceRequest.Builder request =
        Hangouts.QueryPresenceRequest.newBuilder().setRequestHeader(api.getRequestHeader());
    ids.forEach(id -> request.addParticipantId(id.toProto()));
    request.addAllFieldMask(
        List.of(
            Hangouts.FieldMask.FIELD_MASK_REACHABLE,
            Hangouts.FieldMask.FIELD_MASK_AVAILABLE,
            Hangouts.FieldMask.FIELD_MASK_MOOD,
            Hangouts.FieldMask.FIELD_MASK_DEVICE,
            Hangouts.FieldMask.FIELD_MASK_LAST_SEEN));
    return api.queryPresence(request.build())
        .thenApply(
            response -> {
              Map<UserId, Presence> result = new LinkedHashMap<>();
              for (Hangouts.PresenceResult r : response.getPresenceResultList()) {
                Presence presence = Presence.fromProto(r);
                result.put(presence.userId(), presence);
              }
              result.values().forEach(this::rememberPresence);
              return Map.copyOf(result);
            });
  }

  /**
   * Sets the signed-in user's presence.
   *
   * @param available shown as available (desktop active) rather than idle
   * @param statusMessage the new status message, empty to clear it, null to leave it unchanged
   */
  public CompletableFuture<Void> setPresence(
      boolean available, List<ChatMessageSegment> statusMessage) {
    Hangouts.SetPresenceRequest.Builder request =
        Hangouts.SetPresenceRequest.newBuilder()
            .setRequestHeader(api.getRequestHeader())
            .setPresenceStateSetting(
                Hangouts.PresenceStateSetting.newBuilder()
                    .setTimeoutSecs(PRESENCE_TIMEOUT_SECS)
                    .setType(
                        available
                            ? Hangouts.ClientPresenceStateType.CLIENT_PRESENCE_STATE_DESKTOP_ACTIVE
                            : Hangouts.ClientPresenceStateType.CLIENT_PRESENCE_STATE_DESKTOP_IDLE));
    if (statusMessage != null) {
      request.setStatusMessageSetting(statusMessageSetting(statusMessage));
    }
    return api.setPresence(request.build()).thenApply(r -> null);
  }

  /** Sets only the status message (empty to clear it). */
  public CompletableFuture<Void> setStatusMessage(List<ChatMessageSegment> statusMessage) {
    return api.setPresence(
            Hangouts.SetPresenceRequest.newBuilder()
                .setRequestHeader(api.getRequestHeader())
                .setStatusMessageSetting(statusMessageSetting(statusMessage))
                .build())
        .thenApply(r -> null);
  }

  /** Switches do-not-disturb on (for {@code duration}, or until switched off when null) or off. */
  public CompletableFuture<Void> setDoNotDisturb(boolean on, Duration duration) {
    Hangouts.DndSetting.Builder dnd = Hangouts.DndSetting.newBuilder().setDoNotDisturb(on);
    if (on && duration != null) {
      dnd.setTimeoutSecs(Math.max(1, duration.toSeconds()));
    }
    return api.setPresence(
            Hangouts.SetPresenceRequest.newBuilder()
                .setRequestHeader(api.getRequestHeader())
                .setDndSetting(dnd)
                .build())
        .thenApply(r -> null);
  }

  private static Hangouts.StatusMessageSetting statusMessageSetting(
      List<ChatMessageSegment> segments) {
    Hangouts.StatusMessageSetting.Builder setting = Hangouts.StatusMessageSetting.newBuilder();
    if (!segments.isEmpty()) {
      Hangouts.ChatMessageSpec.Builder spec = Hangouts.ChatMessageSpec.newBuilder();
      segments.forEach(s -> spec.addSegment(s.serialize()));
      setting.addStatusMessage(spec);
    }
    return setting.build();
  }

  /** Stops observing the api. */
  void close() {
    api.onStateUpdate().removeObserver(stateUpdateObserver);
  }

  private void onStateUpdate(Hangouts.StateUpdate update) {
    if (update.hasConversation()) {
      addParticipants(update.getConversation());
    }
    if (update.hasPresenceNotification()) {
      for (Hangouts.PresenceResult r : update.getPresenceNotification().getPresenceList()) {
        rememberPresence(Presence.fromProto(r));
      }
    }
  }

  private void rememberPresence(Presence presence) {
    synchronized (lock) {
      presences.put(presence.userId(), presence);
    }
    fire(onPresence, presence);
  }

  /**
   * hangups' {@code _add_user_from_conv_part} for each participant; then asks once for the entity
   * of anybody known only by participant data, for a better name and a photo.
   */
  void addParticipants(Hangouts.Conversation conversation) {
    List<User> changed = new ArrayList<>();
    List<UserId> missing = new ArrayList<>();
    List<Hangouts.ConversationParticipantData> participants = conversation.getParticipantDataList();
    synchronized (lock) {
      // Every event of a catch-up or a push comes with its conversation: most bring nobody new.
      String conversationId = conversation.getConversationId().getId();
      if (participants.equals(lastParticipants.put(conversationId, participants))) {
        return;
      }
      for (Hangouts.ConversationParticipantData data : participants) {
        User user = User.fromParticipantData(data, self.getId());
        if (merge(user)) {
          changed.add(users.get(user.getId()));
        }
        if (!withEntity.contains(user.getId()) && entityRequested.add(user.getId())) {
          missing.add(user.getId());
        }
      }
    }
    changed.forEach(u -> fire(onUserChanged, u));
    if (!missing.isEmpty()) {
      fetchEntities(missing);
    }
  }

  private void fetchEntities(List<UserId> ids) {
    lookUp(api, ids).thenAccept(this::addEntities);
  }

  /** The server answers at most this many lookups in one getentitybyid request. */
  static final int LOOKUP_BATCH = 500;

  /**
   * Looks people up with getentitybyid in batches the server accepts. A failed batch is logged and
   * contributes nothing: names then come from participant data, as hangups does.
   */
  static CompletableFuture<List<Hangouts.Entity>> lookUp(
      HangoutsApi api, java.util.Collection<UserId> ids) {
    List<UserId> all = List.copyOf(ids);
    List<CompletableFuture<List<Hangouts.Entity>>> batches = new ArrayList<>();
    for (int from = 0; from < all.size(); from += LOOKUP_BATCH) {
      List<UserId> batch = all.subList(from, Math.min(all.size(), from + LOOKUP_BATCH));
      Hangouts.GetEntityByIdRequest.Builder request =
          Hangouts.GetEntityByIdRequest.newBuilder().setRequestHeader(api.getRequestHeader());
      batch.forEach(id -> request.addBatchLookupSpec(lookupSpec(id)));
      batches.add(
          api.getEntityById(request.build())
              .handle(
                  (response, failure) -> {
                    if (failure != null) {
                      log.warn("Failed to look up {} people: {}", batch.size(), failure.toString());
                      return List.<Hangouts.Entity>of();
                    }
                    return entitiesOf(response);
                  }));
    }
    return CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              List<Hangouts.Entity> entities = new ArrayList<>();
              batches.forEach(b -> entities.addAll(b.join()));
              return entities;
            });
  }

  static Hangouts.EntityLookupSpec lookupSpec(UserId id) {
    return Hangouts.EntityLookupSpec.newBuilder()
        .setGaiaId(id.gaiaId())
        .setCreateOffnetworkGaia(true)
        .build();
  }

  /** The entities of a {@code getentitybyid} response: from entity_result, else the flat list. */
  static List<Hangouts.Entity> entitiesOf(Hangouts.GetEntityByIdResponse response) {
    List<Hangouts.Entity> entities = new ArrayList<>();
    for (Hangouts.EntityResult result : response.getEntityResultList()) {
      entities.addAll(result.getEntityList());
    }
    return entities.isEmpty() ? response.getEntityList() : entities;
  }

  private void addEntities(List<Hangouts.Entity> entities) {
    List<User> changed = new ArrayList<>();
    synchronized (lock) {
      for (Hangouts.Entity entity : entities) {
        User user = User.fromEntity(entity, self.getId());
        User existing = users.get(user.getId());
        if (existing != null && withEntity.add(user.getId())) {
          // the profile outranks a name from participant data unless that one is better
          User merged = user.mergedWith(existing);
          if (!merged.equals(existing)) {
            users.put(user.getId(), merged);
            changed.add(merged);
          }
        } else if (merge(user)) {
          withEntity.add(user.getId());
          changed.add(users.get(user.getId()));
        }
      }
    }
    changed.forEach(u -> fire(onUserChanged, u));
  }

  /** Fires {@code event}; an observer that throws is logged and the update goes on. */
  private static <T> void fire(Event<T> event, T value) {
    try {
      event.fire(value);
    } catch (RuntimeException e) {
      log.warn("An observer of {} failed", event.name(), e);
    }
  }

  /** Adds or upgrades a user; true if the stored snapshot changed. Caller holds the lock. */
  private boolean merge(User user) {
    User existing = users.get(user.getId());
    User merged = existing == null ? user : existing.mergedWith(user);
    if (merged.equals(existing)) {
      return false;
    }
    users.put(user.getId(), merged);
    return true;
  }
}
