package dev.parley.server.conversations;

import dev.parley.proto.Hangouts.ConversationState;
import dev.parley.proto.Hangouts.ConversationView;
import dev.parley.proto.Hangouts.EventContinuationToken;
import dev.parley.proto.Hangouts.GetConversationRequest;
import dev.parley.proto.Hangouts.GetConversationResponse;
import dev.parley.proto.Hangouts.ResponseHeader;
import dev.parley.proto.Hangouts.SyncAllNewEventsRequest;
import dev.parley.proto.Hangouts.SyncFilter;
import dev.parley.proto.Hangouts.SyncRecentConversationsRequest;
import dev.parley.proto.Hangouts.SyncRecentConversationsResponse;
import dev.parley.server.rpc.RpcContext;
import dev.parley.server.rpc.RpcReply;
import dev.parley.server.storage.ConversationRecord;
import dev.parley.server.storage.Membership;
import dev.parley.server.storage.StoreTransaction;
import dev.parley.server.storage.StoredEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The reading RPCs: {@code getconversation}, {@code syncrecentconversations} and {@code
 * syncallnewevents}. Every reader reports "synced up to" times from {@link TimestampLedger} so no
 * event that commits later can fall below them.
 */
public final class SyncRpcs {
  public static final int MAX_CONVERSATIONS = 100;
  public static final int MAX_EVENTS_PER_CONVERSATION = 50;
  public static final int DEFAULT_EVENTS_PER_CONVERSATION = 20;
  public static final int MAX_HISTORY_PAGE = 100;
  public static final long MAX_SYNC_BYTES = 1024 * 1024;

  private final ConversationSupport s;
  private final CatchUpViews views = new CatchUpViews();
  private final CatchUpCursors cursors = new CatchUpCursors();

  public SyncRpcs(ConversationSupport support) {
    this.s = support;
  }

  /** The time up to which a reading response is complete; also its current_server_time. */
  public long syncPoint(RpcContext ctx) {
    return s.ledger.syncPoint(ctx.nowMicros());
  }

  public GetConversationResponse.Builder getConversation(
      RpcContext ctx, GetConversationRequest req) {
    String conversationId = req.getConversationSpec().getConversationId().getId();
    long syncPoint = syncPoint(ctx);
    return s.store.read(
        tx -> {
          ConversationSnapshot snapshot =
              ConversationSupport.requireAny(tx, conversationId, ctx.accountId());
          Membership self = snapshot.membershipOf(ctx.accountId()).orElseThrow();
          ConversationState.Builder state =
              ConversationState.newBuilder()
                  .setConversationId(ConversationViews.conversationId(conversationId));
          if (!req.hasIncludeConversationMetadata() || req.getIncludeConversationMetadata()) {
            state.setConversation(ConversationViews.forViewer(snapshot, ctx.accountId()));
          }
          if (req.getIncludeEvent()) {
            int limit =
                clamp(
                    req.getMaxEventsPerConversation(),
                    MAX_EVENTS_PER_CONVERSATION,
                    MAX_HISTORY_PAGE);
            long before =
                req.getEventContinuationToken().getEventTimestamp() > 0
                    ? req.getEventContinuationToken().getEventTimestamp()
                    : upperBound(self, syncPoint) + 1;
            before = Math.min(before, upperBound(self, syncPoint) + 1);
            addNewestEvents(tx, state, self, before, limit);
          }
          return GetConversationResponse.newBuilder()
              .setResponseHeader(ResponseHeader.newBuilder().setCurrentServerTime(syncPoint))
              .setConversationState(state);
        });
  }

  public SyncRecentConversationsResponse.Builder syncRecentConversations(
      RpcContext ctx, SyncRecentConversationsRequest req) {
    long syncPoint = syncPoint(ctx);
    Set<Integer> views = new HashSet<>();
    for (SyncFilter filter : req.getSyncFilterList()) {
      if (filter == SyncFilter.SYNC_FILTER_INBOX) {
        views.add(ConversationView.CONVERSATION_VIEW_INBOX_VALUE);
      } else if (filter == SyncFilter.SYNC_FILTER_ARCHIVED) {
        views.add(ConversationView.CONVERSATION_VIEW_ARCHIVED_VALUE);
      }
    }
    int maxConversations = clamp(req.getMaxConversations(), MAX_CONVERSATIONS, MAX_CONVERSATIONS);
    int maxEvents =
        req.hasMaxEventsPerConversation()
            ? (int) Math.min(req.getMaxEventsPerConversation(), MAX_EVENTS_PER_CONVERSATION)
            : DEFAULT_EVENTS_PER_CONVERSATION;
    long olderThan = req.getLastEventTimestamp() > 0 ? req.getLastEventTimestamp() : Long.MAX_VALUE;
    return s.store.read(
        tx -> {
          List<Listed> listed = new ArrayList<>();
          for (Membership m : tx.membershipsOf(ctx.accountId())) {
            if (!m.isCurrent()) {
              continue;
            }
            int view = ConversationViews.view(m).getNumber();
            if (!views.isEmpty() && !views.contains(view)) {
              continue;
            }
            ConversationRecord c = tx.conversation(m.conversationId()).orElse(null);
            if (c == null || c.sortTimestamp() >= olderThan) {
              continue;
            }
            if (m.deletedUpTo() > 0 && c.sortTimestamp() <= m.deletedUpTo()) {
              continue; // deleted by this user, and nothing newer arrived
            }
            listed.add(new Listed(c, m));
          }
          listed.sort(
              Comparator.comparingLong((Listed l) -> l.conversation.sortTimestamp()).reversed());
          SyncRecentConversationsResponse.Builder response =
              SyncRecentConversationsResponse.newBuilder()
                  .setResponseHeader(ResponseHeader.newBuilder().setCurrentServerTime(syncPoint))
                  .setSyncTimestamp(syncPoint);
          int count = Math.min(maxConversations, listed.size());
          for (int i = 0; i < count; i++) {
            Listed l = listed.get(i);
            ConversationSnapshot snapshot = ConversationSnapshot.load(tx, l.conversation);
            ConversationState.Builder state =
                ConversationState.newBuilder()
                    .setConversationId(ConversationViews.conversationId(l.conversation.id()))
                    .setConversation(ConversationViews.forViewer(snapshot, ctx.accountId()));
            if (maxEvents > 0) {
              addNewestEvents(
                  tx, state, l.membership, upperBound(l.membership, syncPoint) + 1, maxEvents);
            }
            response.addConversationState(state);
          }
          response.setContinuationEndTimestamp(
              count < listed.size() ? listed.get(count - 1).conversation.sortTimestamp() : 0);
          return response;
        });
  }

  /**
   * The events and state changes after {@code last_sync_timestamp}, oldest first, until the page is
   * full (see {@link CatchUpPage}); a {@code SyncAllNewEventsResponse}.
   */
  public RpcReply syncAllNewEvents(RpcContext ctx, SyncAllNewEventsRequest req) {
    long syncPoint = syncPoint(ctx);
    long since = req.getLastSyncTimestamp();
    long maxBytes =
        req.getMaxResponseSizeBytes() > 0
            ? Math.min(req.getMaxResponseSizeBytes(), MAX_SYNC_BYTES)
            : MAX_SYNC_BYTES;
    RpcReply r =
        s.store.read(
            tx ->
                new CatchUpPage(tx, ctx.accountId(), since, syncPoint, maxBytes, views, cursors)
                    .fill());
    return r;
  }

  /** The newest event time this member may see: the sync point, or when they left. */
  private static long upperBound(Membership m, long syncPoint) {
    return m.isCurrent() ? syncPoint : Math.min(syncPoint, m.leftAt());
  }

  /** Adds up to {@code limit} events before {@code before}, oldest first, with a token. */
  private static void addNewestEvents(
      StoreTransaction tx, ConversationState.Builder state, Membership m, long before, int limit) {
    List<StoredEvent> newestFirst =
        tx.eventsNewestFirst(m.conversationId(), m.deletedUpTo(), before, limit + 1);
    boolean more = newestFirst.size() > limit;
    List<StoredEvent> page = more ? newestFirst.subList(0, limit) : newestFirst;
    for (int i = page.size() - 1; i >= 0; i--) {
      state.addEvent(ConversationSupport.parseEvent(page.get(i)));
    }
    if (more) {
      StoredEvent oldest = page.get(page.size() - 1);
      state.setEventContinuationToken(
          EventContinuationToken.newBuilder()
              .setEventId(oldest.eventId())
              .setEventTimestamp(oldest.timestamp()));
    }
  }

  private static int clamp(long requested, int fallback, int max) {
    if (requested <= 0) {
      return fallback;
    }
    return (int) Math.min(requested, max);
  }

  private record Listed(ConversationRecord conversation, Membership membership) {}
}
