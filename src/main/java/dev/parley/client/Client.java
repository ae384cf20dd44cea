package dev.parley.client;

import static dev.parley.client.internal.Endpoint.ADD_USER;
import static dev.parley.client.internal.Endpoint.CREATE_CONVERSATION;
import static dev.parley.client.internal.Endpoint.DELETE_CONVERSATION;
import static dev.parley.client.internal.Endpoint.EASTER_EGG;
import static dev.parley.client.internal.Endpoint.GET_CONVERSATION;
import static dev.parley.client.internal.Endpoint.GET_ENTITY_BY_ID;
import static dev.parley.client.internal.Endpoint.GET_GROUP_CONVERSATION_URL;
import static dev.parley.client.internal.Endpoint.GET_SELF_INFO;
import static dev.parley.client.internal.Endpoint.GET_SUGGESTED_ENTITIES;
import static dev.parley.client.internal.Endpoint.MODIFY_OTR_STATUS;
import static dev.parley.client.internal.Endpoint.QUERY_PRESENCE;
import static dev.parley.client.internal.Endpoint.REMOVE_USER;
import static dev.parley.client.internal.Endpoint.RENAME_CONVERSATION;
import static dev.parley.client.internal.Endpoint.SEARCH_ENTITIES;
import static dev.parley.client.internal.Endpoint.SEND_CHAT_MESSAGE;
import static dev.parley.client.internal.Endpoint.SEND_OFFNETWORK_INVITATION;
import static dev.parley.client.internal.Endpoint.SET_ACTIVE_CLIENT;
import static dev.parley.client.internal.Endpoint.SET_CONVERSATION_NOTIFICATION_LEVEL;
import static dev.parley.client.internal.Endpoint.SET_FOCUS;
import static dev.parley.client.internal.Endpoint.SET_GROUP_LINK_SHARING_ENABLED;
import static dev.parley.client.internal.Endpoint.SET_PRESENCE;
import static dev.parley.client.internal.Endpoint.SET_TYPING;
import static dev.parley.client.internal.Endpoint.SYNC_ALL_NEW_EVENTS;
import static dev.parley.client.internal.Endpoint.SYNC_RECENT_CONVERSATIONS;
import static dev.parley.client.internal.Endpoint.UPDATE_WATERMARK;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.parley.client.internal.ActiveClient;
import dev.parley.client.internal.AuthHeaders;
import dev.parley.client.internal.CatchUpCalls;
import dev.parley.client.internal.ClientEvents;
import dev.parley.client.internal.Completions;
import dev.parley.client.internal.Endpoint;
import dev.parley.client.internal.Http;
import dev.parley.client.internal.OrderedExecutor;
import dev.parley.client.internal.RealChannel;
import dev.parley.client.internal.RealConnection;
import dev.parley.client.internal.RealJoin;
import dev.parley.client.internal.RealMedia;
import dev.parley.client.internal.RealRpc;
import dev.parley.client.internal.RealUpload;
import dev.parley.client.internal.Version;
import dev.parley.proto.Hangouts.ActiveClientState;
import dev.parley.proto.Hangouts.AddUserRequest;
import dev.parley.proto.Hangouts.AddUserResponse;
import dev.parley.proto.Hangouts.ClientIdentifier;
import dev.parley.proto.Hangouts.ClientVersion;
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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * hangups' {@code Client} for a Parley server: one method per RPC, the push channel with its
 * events, catch-up after every reconnect, image upload and joining by link.
 *
 * <p>Use: get {@link Cookies} from {@link Auth#getAuth}, make a client, add observers, then call
 * {@link #connect()} on a thread of its own; it returns only after {@link #disconnect()}. RPCs may
 * be called at any time, connected or not. Observers survive reconnects, and {@code connect()} may
 * be called again after it returned.
 *
 * <p>Threading rules:
 *
 * <ul>
 *   <li>The thread in {@code connect()} is the channel's reader: it only reads and decodes.
 *   <li>A control thread per client subscribes, catches up and filters duplicates, one thing at a
 *       time, so updates pushed during a catch-up come after it.
 *   <li>Observers and future completions run on the callback executor ({@link
 *       ClientOptions#callbackExecutor()}), never on an I/O thread. State updates keep their order
 *       per conversation (an {@code AsyncButOrdered} lane each); connection events share the global
 *       lane, so they arrive in order too.
 *   <li>No lock is held across I/O or callbacks. Every public method may be called from any thread.
 * </ul>
 */
public final class Client implements HangoutsApi {
  /** This library's version, as the Maven build stamped it. */
  public static final String VERSION = Version.read();

  private static final long MAX_SYNC_RESPONSE_BYTES = 1024 * 1024;

  private final ClientOptions options;
  private final ClientEvents events = ClientEvents.create();
  private final SecureRandom random = new SecureRandom();
  private final RealRpc rpc;
  private final RealUpload upload;
  private final RealJoin joins;
  private final RealMedia media;
  private final RealConnection connection;
  private final ActiveClient activeClient;
  private final Completions completions;
  private final OrderedExecutor uploadProgress;
  private final AtomicLong uploadCount = new AtomicLong();

  public Client(ClientOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    HttpUrl server = HttpUrl.parse(options.serverUrl());
    if (server == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + options.serverUrl());
    }
    AuthHeaders headers =
        new AuthHeaders(
            options.cookies(),
            options.origin() != null ? options.origin() : AuthHeaders.originOf(server),
            options.userAgent(),
            System.currentTimeMillis() / 1000);
    Duration connect = options.connectTimeout();
    Duration read = options.readTimeout();
    OkHttpClient http = Http.withTimeouts(connect, read, read, options.callTimeout());
    OkHttpClient streaming = Http.withTimeouts(connect, read, read, Duration.ZERO);
    OkHttpClient polling =
        Http.withTimeouts(connect, options.channelReadTimeout(), read, Duration.ZERO);
    Executor executor =
        options.callbackExecutor() != null
            ? options.callbackExecutor()
            : Completions.defaultExecutor();
    this.completions = new Completions(executor);
    this.uploadProgress = new OrderedExecutor(executor);
    this.rpc = new RealRpc(http, server, headers, options.retryPolicy(), random);
    this.upload = new RealUpload(streaming, server, headers);
    this.joins = new RealJoin(http, server, headers);
    this.media =
        new RealMedia(
            http,
            server,
            headers,
            options.maxMediaBytes(),
            options.mediaCacheDir(),
            options.mediaCacheMaxBytes());
    this.connection =
        new RealConnection(
            listener ->
                new RealChannel(
                    polling, http, server, headers, options.reconnectBackoff(), random, listener),
            new CatchUpCalls(rpc, this::getRequestHeader, MAX_SYNC_RESPONSE_BYTES)::page,
            this::getSelfInfoInternal,
            events,
            executor);
    this.activeClient = new ActiveClient(rpc, connection, this::getRequestHeader);
  }

  /** A client with default options. */
  public static Client create(String serverUrl, Cookies cookies) {
    return new Client(ClientOptions.builder(serverUrl, cookies).build());
  }

  public ClientOptions options() {
    return options;
  }

  /**
   * Connects the push channel and keeps it connected, reconnecting with backoff after every loss,
   * until {@link #disconnect()}; then returns. Blocks the calling thread, which becomes the
   * channel's reader.
   *
   * @throws IllegalStateException if it is already running
   */
  public void connect() {
    connection.run();
  }

  /** Makes a running {@link #connect()} return promptly; from any thread. */
  public void disconnect() {
    connection.stop();
  }

  /**
   * Skips the wait before the next reconnect attempt, so a running {@link #connect()} tries at once
   * (a "Try now" button). While an attempt is under way, the wait after it is skipped should it
   * fail. Does nothing while connected or not running; from any thread.
   */
  public void reconnectNow() {
    connection.reconnectNow();
  }

  /**
   * Sets where the next catch-up starts (microseconds since the epoch), e.g. the {@code
   * current_server_time} of the {@code syncrecentconversations} response the conversation list was
   * built from. Without it, the first connect starts from the server's present time.
   */
  @Override
  public void setSyncTimestamp(long micros) {
    connection.onControlThread(() -> connection.dispatcher().setSyncTimestamp(micros));
  }

  /** Where the next catch-up starts, in microseconds; 0 when not known yet. */
  public long syncTimestamp() {
    return connection.dispatcher().syncTimestamp();
  }

  @Override
  public Event<Void> onConnect() {
    return events.onConnect();
  }

  @Override
  public Event<Void> onReconnect() {
    return events.onReconnect();
  }

  @Override
  public Event<Void> onDisconnect() {
    return events.onDisconnect();
  }

  @Override
  public Event<StateUpdate> onStateUpdate() {
    return events.onStateUpdate();
  }

  @Override
  public Event<ConnectionState> onConnectionState() {
    return events.onConnectionState();
  }

  @Override
  public ConnectionState connectionState() {
    return connection.state();
  }

  @Override
  public RequestHeader getRequestHeader() {
    RequestHeader.Builder header =
        RequestHeader.newBuilder()
            .setClientVersion(ClientVersion.newBuilder().setMajorVersion("parley-" + VERSION))
            .setLanguageCode("en");
    String clientId = connection.clientId();
    if (clientId != null) {
      header.setClientIdentifier(ClientIdentifier.newBuilder().setResource(clientId));
    }
    return header.build();
  }

  /** 64 random bits from a {@link SecureRandom}. */
  @Override
  public long getClientGeneratedId() {
    return random.nextLong();
  }

  @Override
  public ActiveClientState activeClientState() {
    return connection.dispatcher().activeClientState();
  }

  /** True while this client is the user's active client (PROTOCOL.md section 6.4). */
  public boolean isActiveClient() {
    return activeClientState() == ActiveClientState.ACTIVE_CLIENT_STATE_IS_ACTIVE;
  }

  /**
   * Fired with {@code true} when this client becomes the active client ({@link #setActive()}, or
   * the server says so) and with {@code false} when another client of the user takes over.
   */
  public Event<Boolean> onActiveClientChanged() {
    return events.onActiveClientChanged();
  }

  // ---- RPCs ----

  @Override
  public CompletableFuture<AddUserResponse> addUser(AddUserRequest request) {
    return call(ADD_USER, request, AddUserResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<CreateConversationResponse> createConversation(
      CreateConversationRequest request) {
    CreateConversationRequest.Builder withId = request.toBuilder();
    if (!request.hasClientGeneratedId()) {
      withId.setClientGeneratedId(getClientGeneratedId());
    }
    return call(
        CREATE_CONVERSATION, withId.build(), CreateConversationResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<DeleteConversationResponse> deleteConversation(
      DeleteConversationRequest request) {
    return call(DELETE_CONVERSATION, request, DeleteConversationResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<EasterEggResponse> easterEgg(EasterEggRequest request) {
    return call(EASTER_EGG, request, EasterEggResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<GetConversationResponse> getConversation(
      GetConversationRequest request) {
    return call(GET_CONVERSATION, request, GetConversationResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<GetEntityByIdResponse> getEntityById(GetEntityByIdRequest request) {
    return call(GET_ENTITY_BY_ID, request, GetEntityByIdResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<GetGroupConversationUrlResponse> getGroupConversationUrl(
      GetGroupConversationUrlRequest request) {
    return call(
        GET_GROUP_CONVERSATION_URL, request, GetGroupConversationUrlResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<GetSelfInfoResponse> getSelfInfo(GetSelfInfoRequest request) {
    return completions.hop(getSelfInfoInternal(request));
  }

  @Override
  public CompletableFuture<GetSuggestedEntitiesResponse> getSuggestedEntities(
      GetSuggestedEntitiesRequest request) {
    return call(GET_SUGGESTED_ENTITIES, request, GetSuggestedEntitiesResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<QueryPresenceResponse> queryPresence(QueryPresenceRequest request) {
    return call(QUERY_PRESENCE, request, QueryPresenceResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<RemoveUserResponse> removeUser(RemoveUserRequest request) {
    return call(REMOVE_USER, request, RemoveUserResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<RenameConversationResponse> renameConversation(
      RenameConversationRequest request) {
    return call(RENAME_CONVERSATION, request, RenameConversationResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<SearchEntitiesResponse> searchEntities(SearchEntitiesRequest request) {
    return call(SEARCH_ENTITIES, request, SearchEntitiesResponse.getDefaultInstance());
  }

  /**
   * Sends a chat message. A missing {@code client_generated_id} is filled in, so the server can
   * tell a retry from a new message and the call is safe to retry.
   */
  @Override
  public CompletableFuture<SendChatMessageResponse> sendChatMessage(
      SendChatMessageRequest request) {
    SendChatMessageRequest.Builder withId = request.toBuilder();
    if (!request.getEventRequestHeader().hasClientGeneratedId()) {
      withId.getEventRequestHeaderBuilder().setClientGeneratedId(getClientGeneratedId());
    }
    return call(SEND_CHAT_MESSAGE, withId.build(), SendChatMessageResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<ModifyOTRStatusResponse> modifyOtrStatus(
      ModifyOTRStatusRequest request) {
    return call(MODIFY_OTR_STATUS, request, ModifyOTRStatusResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<SendOffnetworkInvitationResponse> sendOffnetworkInvitation(
      SendOffnetworkInvitationRequest request) {
    return call(
        SEND_OFFNETWORK_INVITATION, request, SendOffnetworkInvitationResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<SetActiveClientResponse> setActiveClient(
      SetActiveClientRequest request) {
    return call(SET_ACTIVE_CLIENT, request, SetActiveClientResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<SetConversationNotificationLevelResponse>
      setConversationNotificationLevel(SetConversationNotificationLevelRequest request) {
    return call(
        SET_CONVERSATION_NOTIFICATION_LEVEL,
        request,
        SetConversationNotificationLevelResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<SetFocusResponse> setFocus(SetFocusRequest request) {
    return call(SET_FOCUS, request, SetFocusResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<SetGroupLinkSharingEnabledResponse> setGroupLinkSharingEnabled(
      SetGroupLinkSharingEnabledRequest request) {
    return call(
        SET_GROUP_LINK_SHARING_ENABLED,
        request,
        SetGroupLinkSharingEnabledResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<SetPresenceResponse> setPresence(SetPresenceRequest request) {
    return call(SET_PRESENCE, request, SetPresenceResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<SetTypingResponse> setTyping(SetTypingRequest request) {
    return call(SET_TYPING, request, SetTypingResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<SyncAllNewEventsResponse> syncAllNewEvents(
      SyncAllNewEventsRequest request) {
    return call(SYNC_ALL_NEW_EVENTS, request, SyncAllNewEventsResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<SyncRecentConversationsResponse> syncRecentConversations(
      SyncRecentConversationsRequest request) {
    return call(
        SYNC_RECENT_CONVERSATIONS, request, SyncRecentConversationsResponse.getDefaultInstance());
  }

  @Override
  public CompletableFuture<UpdateWatermarkResponse> updateWatermark(
      UpdateWatermarkRequest request) {
    return call(UPDATE_WATERMARK, request, UpdateWatermarkResponse.getDefaultInstance());
  }

  // ---- beyond plain RPCs ----

  /**
   * Marks this client active as hangups does: only when it is not the active client already or the
   * last call is over 60 s ago, for 120 s, with {@code full_jid = "<email>/<client id>"} (the email
   * comes from {@code getselfinfo}, asked once). Completes at once, doing nothing, while the
   * channel has no client id.
   */
  @Override
  public CompletableFuture<Void> setActive() {
    return completions.hop(activeClient.setActive(this::getSelfInfoInternal));
  }

  @Override
  public CompletableFuture<UploadedImage> uploadImage(
      byte[] image, String fileName, BiConsumer<Long, Long> progress) {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(fileName, "fileName");
    String lane = "upload-" + uploadCount.incrementAndGet();
    BiConsumer<Long, Long> onProgress =
        progress == null
            ? (sent, total) -> {}
            : (sent, total) -> uploadProgress.execute(lane, () -> progress.accept(sent, total));
    return completions.hop(upload.upload(image, fileName, onProgress));
  }

  @Override
  public CompletableFuture<String> joinByLink(String url) {
    return completions.hop(joins.join(url));
  }

  /**
   * The bytes of an image on this client's server ({@code GET /media/<id>}: an attachment, its
   * thumbnail, an avatar), with the session's cookies and through the media cache of {@link
   * ClientOptions.Builder#mediaCache} when set. A {@code /media/} URL naming another host (the
   * server's public URL) is fetched from this client's server; any other URL must be on its origin,
   * so the cookies never leave it.
   *
   * @return the bytes; or fails with {@link RequestRefusedException} (4xx such as 404, not an
   *     image, over {@link ClientOptions#maxMediaBytes()}, another host), {@link
   *     AuthenticationException} (401) or {@link NetworkException}
   */
  public CompletableFuture<byte[]> fetchMedia(String url) {
    return completions.hop(media.fetch(url));
  }

  // ---- plumbing ----

  private <R extends Message> CompletableFuture<R> call(
      Endpoint endpoint, Message request, R prototype) {
    return completions.hop(rpc.call(endpoint, withRequestHeader(request), prototype));
  }

  /** Fills in {@code request_header} when the caller left it out. */
  private Message withRequestHeader(Message request) {
    FieldDescriptor field = request.getDescriptorForType().findFieldByName("request_header");
    if (field == null || request.hasField(field)) {
      return request;
    }
    return request.toBuilder().setField(field, getRequestHeader()).build();
  }

  private CompletableFuture<GetSelfInfoResponse> getSelfInfoInternal() {
    return getSelfInfoInternal(GetSelfInfoRequest.getDefaultInstance());
  }

  private CompletableFuture<GetSelfInfoResponse> getSelfInfoInternal(GetSelfInfoRequest request) {
    return rpc.call(
            GET_SELF_INFO, withRequestHeader(request), GetSelfInfoResponse.getDefaultInstance())
        .thenApply(activeClient::remember);
  }
}
