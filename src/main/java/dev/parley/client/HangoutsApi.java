package dev.parley.client;

import dev.parley.proto.Hangouts.AddUserRequest;
import dev.parley.proto.Hangouts.AddUserResponse;
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
import java.util.concurrent.CompletableFuture;

/**
 * hangups' low-level API: one method per RPC with the protocol's own request and response messages,
 * and the events of a connected client. {@code Client} implements it over HTTP; the high-level
 * model ({@code ConversationList}, {@code UserList}) uses only this interface.
 *
 * <p>Every future completes exceptionally with a {@link ClientException} subclass: {@link
 * NetworkException} when the server cannot be reached, {@link AuthenticationException} on 401,
 * {@link RateLimitedException} on 429, {@link RequestRefusedException} when the response status is
 * INVALID_REQUEST. Futures complete on the client's callback executor, never on an I/O thread.
 */
public interface HangoutsApi {
  /** Fired once the push channel is up for the first time after {@code connect()}. */
  Event<Void> onConnect();

  /** Fired when the channel is up again after a loss; missed events are then being caught up. */
  Event<Void> onReconnect();

  /** Fired when the channel is lost (a reconnect is scheduled) or closed. */
  Event<Void> onDisconnect();

  /**
   * Every StateUpdate from the push channel and from catch-up, in order per conversation, each
   * exactly once.
   */
  Event<StateUpdate> onStateUpdate();

  /** The connection state as people see it, fired on every change. */
  Event<ConnectionState> onConnectionState();

  ConnectionState connectionState();

  /** A request header naming this client (its channel client id once known). */
  RequestHeader getRequestHeader();

  /** A random 64-bit id for {@code client_generated_id}. */
  long getClientGeneratedId();

  /**
   * Where catch-up ({@code syncallnewevents} after a reconnect) starts: microseconds since the
   * epoch. {@link ConversationLists#build(HangoutsApi)} sets it to the server time of its last
   * {@code syncrecentconversations} page. Implementations without catch-up ignore it.
   */
  default void setSyncTimestamp(long micros) {}

  /** The active client's state as the last StateUpdate header told it. */
  dev.parley.proto.Hangouts.ActiveClientState activeClientState();

  CompletableFuture<AddUserResponse> addUser(AddUserRequest request);

  CompletableFuture<CreateConversationResponse> createConversation(
      CreateConversationRequest request);

  CompletableFuture<DeleteConversationResponse> deleteConversation(
      DeleteConversationRequest request);

  CompletableFuture<EasterEggResponse> easterEgg(EasterEggRequest request);

  CompletableFuture<GetConversationResponse> getConversation(GetConversationRequest request);

  CompletableFuture<GetEntityByIdResponse> getEntityById(GetEntityByIdRequest request);

  CompletableFuture<GetGroupConversationUrlResponse> getGroupConversationUrl(
      GetGroupConversationUrlRequest request);

  CompletableFuture<GetSelfInfoResponse> getSelfInfo(GetSelfInfoRequest request);

  CompletableFuture<GetSuggestedEntitiesResponse> getSuggestedEntities(
      GetSuggestedEntitiesRequest request);

  CompletableFuture<QueryPresenceResponse> queryPresence(QueryPresenceRequest request);

  CompletableFuture<RemoveUserResponse> removeUser(RemoveUserRequest request);

  CompletableFuture<RenameConversationResponse> renameConversation(
      RenameConversationRequest request);

  CompletableFuture<SearchEntitiesResponse> searchEntities(SearchEntitiesRequest request);

  CompletableFuture<SendChatMessageResponse> sendChatMessage(SendChatMessageRequest request);

  CompletableFuture<ModifyOTRStatusResponse> modifyOtrStatus(ModifyOTRStatusRequest request);

  CompletableFuture<SendOffnetworkInvitationResponse> sendOffnetworkInvitation(
      SendOffnetworkInvitationRequest request);

  CompletableFuture<SetActiveClientResponse> setActiveClient(SetActiveClientRequest request);

  CompletableFuture<SetConversationNotificationLevelResponse> setConversationNotificationLevel(
      SetConversationNotificationLevelRequest request);

  CompletableFuture<SetFocusResponse> setFocus(SetFocusRequest request);

  CompletableFuture<SetGroupLinkSharingEnabledResponse> setGroupLinkSharingEnabled(
      SetGroupLinkSharingEnabledRequest request);

  CompletableFuture<SetPresenceResponse> setPresence(SetPresenceRequest request);

  CompletableFuture<SetTypingResponse> setTyping(SetTypingRequest request);

  CompletableFuture<SyncAllNewEventsResponse> syncAllNewEvents(SyncAllNewEventsRequest request);

  CompletableFuture<SyncRecentConversationsResponse> syncRecentConversations(
      SyncRecentConversationsRequest request);

  CompletableFuture<UpdateWatermarkResponse> updateWatermark(UpdateWatermarkRequest request);

  /**
   * Marks this client active, at most once per 60 s as hangups does; does nothing until the channel
   * has a client id.
   */
  CompletableFuture<Void> setActive();

  /**
   * Uploads an image in the two steps of PROTOCOL.md section 8 and returns its photo id.
   *
   * @param progress told bytes sent so far and the total, on the callback executor
   */
  CompletableFuture<UploadedImage> uploadImage(
      byte[] image, String fileName, java.util.function.BiConsumer<Long, Long> progress);

  /** Joins a group by its shared link ({@code POST /join/<token>}); returns the conversation id. */
  CompletableFuture<String> joinByLink(String url);
}
