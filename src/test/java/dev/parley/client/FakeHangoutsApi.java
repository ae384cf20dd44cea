package dev.parley.client;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Internal;
import com.google.protobuf.Message;
import dev.parley.proto.Hangouts;
import dev.parley.proto.Hangouts.AddUserRequest;
import dev.parley.proto.Hangouts.AddUserResponse;
import dev.parley.proto.Hangouts.ClientIdentifier;
import dev.parley.proto.Hangouts.CreateConversationRequest;
import dev.parley.proto.Hangouts.CreateConversationResponse;
import dev.parley.proto.Hangouts.DeleteConversationRequest;
import dev.parley.proto.Hangouts.DeleteConversationResponse;
import dev.parley.proto.Hangouts.EasterEggRequest;
import dev.parley.proto.Hangouts.EasterEggResponse;
import dev.parley.proto.Hangouts.GetConversationRequest;
import dev.parley.proto.Hangouts.GetConversationResponse;
import dev.parley.proto.Hangouts.GetEntityByIdRequest;
import dev.parley.proto.Hangouts.GetEntityByIdResponse;
import dev.parley.proto.Hangouts.GetGroupConversationUrlRequest;
import dev.parley.proto.Hangouts.GetGroupConversationUrlResponse;
import dev.parley.proto.Hangouts.GetSelfInfoRequest;
import dev.parley.proto.Hangouts.GetSelfInfoResponse;
import dev.parley.proto.Hangouts.GetSuggestedEntitiesRequest;
import dev.parley.proto.Hangouts.GetSuggestedEntitiesResponse;
import dev.parley.proto.Hangouts.ModifyOTRStatusRequest;
import dev.parley.proto.Hangouts.ModifyOTRStatusResponse;
import dev.parley.proto.Hangouts.QueryPresenceRequest;
import dev.parley.proto.Hangouts.QueryPresenceResponse;
import dev.parley.proto.Hangouts.RemoveUserRequest;
import dev.parley.proto.Hangouts.RemoveUserResponse;
import dev.parley.proto.Hangouts.RenameConversationRequest;
import dev.parley.proto.Hangouts.RenameConversationResponse;
import dev.parley.proto.Hangouts.RequestHeader;
import dev.parley.proto.Hangouts.ResponseHeader;
import dev.parley.proto.Hangouts.ResponseStatus;
import dev.parley.proto.Hangouts.SearchEntitiesRequest;
import dev.parley.proto.Hangouts.SearchEntitiesResponse;
import dev.parley.proto.Hangouts.SendChatMessageRequest;
import dev.parley.proto.Hangouts.SendChatMessageResponse;
import dev.parley.proto.Hangouts.SendOffnetworkInvitationRequest;
import dev.parley.proto.Hangouts.SendOffnetworkInvitationResponse;
import dev.parley.proto.Hangouts.SetActiveClientRequest;
import dev.parley.proto.Hangouts.SetActiveClientResponse;
import dev.parley.proto.Hangouts.SetConversationNotificationLevelRequest;
import dev.parley.proto.Hangouts.SetConversationNotificationLevelResponse;
import dev.parley.proto.Hangouts.SetFocusRequest;
import dev.parley.proto.Hangouts.SetFocusResponse;
import dev.parley.proto.Hangouts.SetGroupLinkSharingEnabledRequest;
import dev.parley.proto.Hangouts.SetGroupLinkSharingEnabledResponse;
import dev.parley.proto.Hangouts.SetPresenceRequest;
import dev.parley.proto.Hangouts.SetPresenceResponse;
import dev.parley.proto.Hangouts.SetTypingRequest;
import dev.parley.proto.Hangouts.SetTypingResponse;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.SyncAllNewEventsRequest;
import dev.parley.proto.Hangouts.SyncAllNewEventsResponse;
import dev.parley.proto.Hangouts.SyncRecentConversationsRequest;
import dev.parley.proto.Hangouts.SyncRecentConversationsResponse;
import dev.parley.proto.Hangouts.UpdateWatermarkRequest;
import dev.parley.proto.Hangouts.UpdateWatermarkResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * A {@link HangoutsApi} test double: records every request, answers with scripted responses (in
 * order per response type; an OK response with nothing else when none is scripted), and fires state
 * updates on demand. Everything completes on the calling thread unless a test holds a response back
 * with {@link #respondLater(Class)}.
 */
final class FakeHangoutsApi implements HangoutsApi {
  /** An upload the fake saw. */
  record Upload(byte[] bytes, String fileName, BiConsumer<Long, Long> progress) {}

  private final Event<Void> onConnect = new Event<>("onConnect");
  private final Event<Void> onReconnect = new Event<>("onReconnect");
  private final Event<Void> onDisconnect = new Event<>("onDisconnect");
  private final Event<StateUpdate> onStateUpdate = new Event<>("onStateUpdate");
  private final Event<ConnectionState> onConnectionState = new Event<>("onConnectionState");
  private final List<Message> requests = new ArrayList<>();
  private final Map<Class<?>, Deque<CompletableFuture<?>>> scripted = new HashMap<>();
  private final List<Upload> uploads = new ArrayList<>();
  private final Map<String, CompletableFuture<String>> joins = new HashMap<>();
  private long nextClientGeneratedId = 1_000;
  private Long syncTimestamp;

  // ---- scripting ----

  /** The next call answered with {@code responseType} gets {@code response}. */
  synchronized <T extends Message> void respond(Class<T> responseType, T response) {
    queue(responseType).add(CompletableFuture.completedFuture(response));
  }

  /** The next call answered with {@code responseType} waits for the returned future. */
  synchronized <T extends Message> CompletableFuture<T> respondLater(Class<T> responseType) {
    CompletableFuture<T> future = new CompletableFuture<>();
    queue(responseType).add(future);
    return future;
  }

  /** The next call answered with {@code responseType} fails with {@code failure}. */
  synchronized void fail(Class<? extends Message> responseType, Throwable failure) {
    queue(responseType).add(CompletableFuture.failedFuture(failure));
  }

  /** Joining by {@code url} joins conversation {@code conversationId}. */
  synchronized void joinResult(String url, String conversationId) {
    joins.put(url, CompletableFuture.completedFuture(conversationId));
  }

  /** Delivers a state update as the channel would. */
  void fire(StateUpdate update) {
    onStateUpdate.fire(update);
  }

  private Deque<CompletableFuture<?>> queue(Class<?> type) {
    return scripted.computeIfAbsent(type, t -> new ArrayDeque<>());
  }

  // ---- inspection ----

  synchronized List<Message> requests() {
    return List.copyOf(requests);
  }

  synchronized <T extends Message> List<T> requests(Class<T> type) {
    return requests.stream().filter(type::isInstance).map(type::cast).toList();
  }

  synchronized <T extends Message> T lastRequest(Class<T> type) {
    List<T> all = requests(type);
    if (all.isEmpty()) {
      throw new AssertionError("no " + type.getSimpleName() + " was sent");
    }
    return all.get(all.size() - 1);
  }

  synchronized List<Upload> uploads() {
    return List.copyOf(uploads);
  }

  synchronized Long syncTimestamp() {
    return syncTimestamp;
  }

  int stateUpdateObservers() {
    return onStateUpdate.observerCount();
  }

  // ---- the api ----

  @SuppressWarnings("unchecked")
  private <T extends Message> CompletableFuture<T> call(Message request, Class<T> responseType) {
    CompletableFuture<?> answer;
    synchronized (this) {
      requests.add(request);
      Deque<CompletableFuture<?>> queue = scripted.get(responseType);
      answer = queue == null ? null : queue.poll();
    }
    return answer != null
        ? (CompletableFuture<T>) answer
        : CompletableFuture.completedFuture(ok(responseType));
  }

  /** A response with only an OK header. */
  @SuppressWarnings("unchecked")
  static <T extends Message> T ok(Class<T> type) {
    Message.Builder b = Internal.getDefaultInstance(type).toBuilder();
    FieldDescriptor header = b.getDescriptorForType().findFieldByName("response_header");
    b.setField(
        header,
        ResponseHeader.newBuilder()
            .setStatus(ResponseStatus.RESPONSE_STATUS_OK)
            .setCurrentServerTime(1)
            .build());
    return (T) b.build();
  }

  @Override
  public Event<Void> onConnect() {
    return onConnect;
  }

  @Override
  public Event<Void> onReconnect() {
    return onReconnect;
  }

  @Override
  public Event<Void> onDisconnect() {
    return onDisconnect;
  }

  @Override
  public Event<StateUpdate> onStateUpdate() {
    return onStateUpdate;
  }

  @Override
  public Event<ConnectionState> onConnectionState() {
    return onConnectionState;
  }

  @Override
  public ConnectionState connectionState() {
    return ConnectionState.connected();
  }

  @Override
  public RequestHeader getRequestHeader() {
    return RequestHeader.newBuilder()
        .setClientIdentifier(ClientIdentifier.newBuilder().setResource("fake-client"))
        .build();
  }

  @Override
  public synchronized long getClientGeneratedId() {
    return nextClientGeneratedId++;
  }

  @Override
  public synchronized void setSyncTimestamp(long micros) {
    syncTimestamp = micros;
  }

  @Override
  public Hangouts.ActiveClientState activeClientState() {
    return Hangouts.ActiveClientState.ACTIVE_CLIENT_STATE_IS_ACTIVE;
  }

  @Override
  public CompletableFuture<AddUserResponse> addUser(AddUserRequest r) {
    return call(r, AddUserResponse.class);
  }

  @Override
  public CompletableFuture<CreateConversationResponse> createConversation(
      CreateConversationRequest r) {
    return call(r, CreateConversationResponse.class);
  }

  @Override
  public CompletableFuture<DeleteConversationResponse> deleteConversation(
      DeleteConversationRequest r) {
    return call(r, DeleteConversationResponse.class);
  }

  @Override
  public CompletableFuture<EasterEggResponse> easterEgg(EasterEggRequest r) {
    return call(r, EasterEggResponse.class);
  }

  @Override
  public CompletableFuture<GetConversationResponse> getConversation(GetConversationRequest r) {
    return call(r, GetConversationResponse.class);
  }

  @Override
  public CompletableFuture<GetEntityByIdResponse> getEntityById(GetEntityByIdRequest r) {
    return call(r, GetEntityByIdResponse.class);
  }

  @Override
  public CompletableFuture<GetGroupConversationUrlResponse> getGroupConversationUrl(
      GetGroupConversationUrlRequest r) {
    return call(r, GetGroupConversationUrlResponse.class);
  }

  @Override
  public CompletableFuture<GetSelfInfoResponse> getSelfInfo(GetSelfInfoRequest r) {
    return call(r, GetSelfInfoResponse.class);
  }

  @Override
  public CompletableFuture<GetSuggestedEntitiesResponse> getSuggestedEntities(
      GetSuggestedEntitiesRequest r) {
    return call(r, GetSuggestedEntitiesResponse.class);
  }

  @Override
  public CompletableFuture<QueryPresenceResponse> queryPresence(QueryPresenceRequest r) {
    return call(r, QueryPresenceResponse.class);
  }

  @Override
  public CompletableFuture<RemoveUserResponse> removeUser(RemoveUserRequest r) {
    return call(r, RemoveUserResponse.class);
  }

  @Override
  public CompletableFuture<RenameConversationResponse> renameConversation(
      RenameConversationRequest r) {
    return call(r, RenameConversationResponse.class);
  }

  @Override
  public CompletableFuture<SearchEntitiesResponse> searchEntities(SearchEntitiesRequest r) {
    return call(r, SearchEntitiesResponse.class);
  }

  @Override
  public CompletableFuture<SendChatMessageResponse> sendChatMessage(SendChatMessageRequest r) {
    return call(r, SendChatMessageResponse.class);
  }

  @Override
  public CompletableFuture<ModifyOTRStatusResponse> modifyOtrStatus(ModifyOTRStatusRequest r) {
    return call(r, ModifyOTRStatusResponse.class);
  }

  @Override
  public CompletableFuture<SendOffnetworkInvitationResponse> sendOffnetworkInvitation(
      SendOffnetworkInvitationRequest r) {
    return call(r, SendOffnetworkInvitationResponse.class);
  }

  @Override
  public CompletableFuture<SetActiveClientResponse> setActiveClient(SetActiveClientRequest r) {
    return call(r, SetActiveClientResponse.class);
  }

  @Override
  public CompletableFuture<SetConversationNotificationLevelResponse>
      setConversationNotificationLevel(SetConversationNotificationLevelRequest r) {
    return call(r, SetConversationNotificationLevelResponse.class);
  }

  @Override
  public CompletableFuture<SetFocusResponse> setFocus(SetFocusRequest r) {
    return call(r, SetFocusResponse.class);
  }

  @Override
  public CompletableFuture<SetGroupLinkSharingEnabledResponse> setGroupLinkSharingEnabled(
      SetGroupLinkSharingEnabledRequest r) {
    return call(r, SetGroupLinkSharingEnabledResponse.class);
  }

  @Override
  public CompletableFuture<SetPresenceResponse> setPresence(SetPresenceRequest r) {
    return call(r, SetPresenceResponse.class);
  }

  @Override
  public CompletableFuture<SetTypingResponse> setTyping(SetTypingRequest r) {
    return call(r, SetTypingResponse.class);
  }

  @Override
  public CompletableFuture<SyncAllNewEventsResponse> syncAllNewEvents(SyncAllNewEventsRequest r) {
    return call(r, SyncAllNewEventsResponse.class);
  }

  @Override
  public CompletableFuture<SyncRecentConversationsResponse> syncRecentConversations(
      SyncRecentConversationsRequest r) {
    return call(r, SyncRecentConversationsResponse.class);
  }

  @Override
  public CompletableFuture<UpdateWatermarkResponse> updateWatermark(UpdateWatermarkRequest r) {
    return call(r, UpdateWatermarkResponse.class);
  }

  @Override
  public CompletableFuture<Void> setActive() {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<UploadedImage> uploadImage(
      byte[] image, String fileName, BiConsumer<Long, Long> progress) {
    int n;
    synchronized (this) {
      uploads.add(new Upload(image, fileName, progress));
      n = uploads.size();
    }
    progress.accept((long) image.length / 2, (long) image.length);
    progress.accept((long) image.length, (long) image.length);
    return CompletableFuture.completedFuture(
        new UploadedImage("photo-" + n, "http://server/media/photo-" + n));
  }

  @Override
  public synchronized CompletableFuture<String> joinByLink(String url) {
    CompletableFuture<String> result = joins.get(url);
    return result != null
        ? result
        : CompletableFuture.failedFuture(new RequestRefusedException("no such link"));
  }
}
