package dev.parley.client;

import dev.parley.proto.Hangouts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The result of hangups' {@code build_user_conversation_list}: the {@link UserList} and the {@link
 * ConversationList} of a connected client, both following its state updates.
 *
 * @param userList every known user
 * @param conversationList the signed-in user's conversations
 */
public record ConversationLists(UserList userList, ConversationList conversationList) {
  private static final Logger log = LoggerFactory.getLogger(ConversationLists.class);

  /** hangups' {@code CONVERSATIONS_PER_REQUEST}. */
  static final int CONVERSATIONS_PER_REQUEST = 100;

  /** hangups' {@code MAX_CONVERSATION_PAGES}. */
  static final int MAX_CONVERSATION_PAGES = 100;

  public ConversationLists {
    Objects.requireNonNull(userList, "userList");
    Objects.requireNonNull(conversationList, "conversationList");
  }

  /**
   * hangups' {@code build_user_conversation_list} (PROTOCOL.md section 10): pages {@code
   * syncrecentconversations} (100 conversations with their newest event each, inbox and archived)
   * until {@code continuation_end_timestamp} is 0; asks {@code getentitybyid} once for every
   * participant (a failure there only costs names); then {@code getselfinfo}. The api's sync
   * timestamp ({@link HangoutsApi#setSyncTimestamp(long)}) is set to the last page's server time,
   * so catch-up after a reconnect starts there.
   */
  public static CompletableFuture<ConversationLists> build(HangoutsApi api) {
    Objects.requireNonNull(api, "api");
    // Who the user is does not depend on the conversations: asked alongside, not after them.
    CompletableFuture<Hangouts.GetSelfInfoResponse> self =
        api.getSelfInfo(
            Hangouts.GetSelfInfoRequest.newBuilder()
                .setRequestHeader(api.getRequestHeader())
                .build());
    return syncAllConversations(api, 0, 0, new ArrayList<>())
        .thenCompose(
            sync ->
                requestEntities(api, sync.states())
                    .thenCombine(self, (entities, me) -> assemble(api, sync, entities, me)));
  }

  /** Stops both lists following the api's updates (they stay readable). */
  public void close() {
    conversationList.close();
    userList.close();
  }

  private record Sync(List<Hangouts.ConversationState> states, long serverTime) {}

  private static CompletableFuture<Sync> syncAllConversations(
      HangoutsApi api,
      long lastEventTimestamp,
      int page,
      List<Hangouts.SyncRecentConversationsResponse> pages) {
    Hangouts.SyncRecentConversationsRequest.Builder request =
        Hangouts.SyncRecentConversationsRequest.newBuilder()
            .setRequestHeader(api.getRequestHeader())
            .setMaxConversations(CONVERSATIONS_PER_REQUEST)
            .setMaxEventsPerConversation(1)
            .addSyncFilter(Hangouts.SyncFilter.SYNC_FILTER_INBOX)
            .addSyncFilter(Hangouts.SyncFilter.SYNC_FILTER_ARCHIVED);
    if (lastEventTimestamp != 0) {
      request.setLastEventTimestamp(lastEventTimestamp);
    }
    return api.syncRecentConversations(request.build())
        .thenCompose(
            response -> {
              pages.add(response);
              long next = response.getContinuationEndTimestamp();
              if (next == 0) {
                return CompletableFuture.completedFuture(collect(pages));
              }
              if (page + 1 >= MAX_CONVERSATION_PAGES) {
                log.warn("Exceeded maximum number of conversation pages");
                return CompletableFuture.completedFuture(collect(pages));
              }
              return syncAllConversations(api, next, page + 1, pages);
            });
  }

  /** Every conversation once, the newest page's copy winning; the last page's server time. */
  private static Sync collect(List<Hangouts.SyncRecentConversationsResponse> pages) {
    Map<String, Hangouts.ConversationState> states = new LinkedHashMap<>();
    for (Hangouts.SyncRecentConversationsResponse page : pages) {
      for (Hangouts.ConversationState cs : page.getConversationStateList()) {
        states.putIfAbsent(cs.getConversation().getConversationId().getId(), cs);
      }
    }
    long serverTime = pages.get(pages.size() - 1).getResponseHeader().getCurrentServerTime();
    log.debug("Synced {} total conversations", states.size());
    return new Sync(List.copyOf(states.values()), serverTime);
  }

  private static CompletableFuture<List<Hangouts.Entity>> requestEntities(
      HangoutsApi api, List<Hangouts.ConversationState> states) {
    Set<UserId> ids = new LinkedHashSet<>();
    for (Hangouts.ConversationState cs : states) {
      for (Hangouts.ConversationParticipantData p : cs.getConversation().getParticipantDataList()) {
        ids.add(UserId.fromProto(p.getId()));
      }
    }
    if (ids.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    return UserList.lookUp(api, ids);
  }

  private static ConversationLists assemble(
      HangoutsApi api,
      Sync sync,
      List<Hangouts.Entity> entities,
      Hangouts.GetSelfInfoResponse selfInfo) {
    List<Hangouts.ConversationParticipantData> participants = new ArrayList<>();
    for (Hangouts.ConversationState cs : sync.states()) {
      participants.addAll(cs.getConversation().getParticipantDataList());
    }
    UserList users = new UserList(api, selfInfo.getSelfEntity(), entities, participants);
    ConversationList conversations = new ConversationList(api, users, sync.states());
    api.setSyncTimestamp(sync.serverTime());
    return new ConversationLists(users, conversations);
  }
}
