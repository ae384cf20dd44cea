package dev.parley.server.conversations;

import dev.parley.proto.Hangouts.AddUserRequest;
import dev.parley.proto.Hangouts.AddUserResponse;
import dev.parley.proto.Hangouts.ConversationView;
import dev.parley.proto.Hangouts.DeleteAction;
import dev.parley.proto.Hangouts.DeleteActionNotification;
import dev.parley.proto.Hangouts.DeleteConversationRequest;
import dev.parley.proto.Hangouts.DeleteConversationResponse;
import dev.parley.proto.Hangouts.DeleteType;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.EventType;
import dev.parley.proto.Hangouts.GroupLinkSharingStatus;
import dev.parley.proto.Hangouts.InviteeID;
import dev.parley.proto.Hangouts.MembershipChange;
import dev.parley.proto.Hangouts.MembershipChangeType;
import dev.parley.proto.Hangouts.NotificationLevel;
import dev.parley.proto.Hangouts.RemoveUserRequest;
import dev.parley.proto.Hangouts.RemoveUserResponse;
import dev.parley.proto.Hangouts.SetConversationNotificationLevelNotification;
import dev.parley.proto.Hangouts.SetConversationNotificationLevelRequest;
import dev.parley.proto.Hangouts.SetConversationNotificationLevelResponse;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.server.rpc.RpcContext;
import dev.parley.server.rpc.RpcRefusedException;
import dev.parley.server.storage.ConversationRecord;
import dev.parley.server.storage.Membership;
import dev.parley.server.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Who is in a conversation and how each person keeps it: add, remove, join, delete, mute. */
public final class MembershipRpcs {
  private final ConversationSupport s;

  public MembershipRpcs(ConversationSupport support) {
    this.s = support;
  }

  static Membership newMembership(String conversationId, String accountId, long ts) {
    return new Membership(
        conversationId,
        accountId,
        ts,
        0,
        0,
        NotificationLevel.NOTIFICATION_LEVEL_RING_VALUE,
        ConversationView.CONVERSATION_VIEW_INBOX_VALUE,
        0,
        ts);
  }

  public AddUserResponse.Builder addUser(RpcContext ctx, AddUserRequest req) {
    String conversationId = req.getEventRequestHeader().getConversationId().getId();
    Set<String> invitees = new LinkedHashSet<>();
    for (InviteeID invitee : req.getInviteeIdList()) {
      invitees.add(invitee.getGaiaId());
    }
    if (invitees.isEmpty()) {
      throw new RpcRefusedException("invitee_id is required");
    }
    return s.write(
        w -> {
          StoreTransaction tx = w.tx();
          ConversationSnapshot snapshot =
              ConversationSupport.requireCurrent(tx, conversationId, ctx.accountId());
          ManagementRpcs.requireGroup(snapshot);
          List<String> added = new ArrayList<>();
          for (String invitee : invitees) {
            if (tx.account(invitee).isEmpty()) {
              throw new RpcRefusedException("no such person: " + invitee);
            }
            if (!snapshot.isCurrentParticipant(invitee)) {
              added.add(invitee);
            }
          }
          if (added.isEmpty()) {
            throw new RpcRefusedException("everyone invited is already a participant");
          }
          if (snapshot.current().size() + added.size() > ManagementRpcs.MAX_PARTICIPANTS) {
            throw new RpcRefusedException(
                "at most " + ManagementRpcs.MAX_PARTICIPANTS + " participants");
          }
          Event event = join(w, snapshot, ctx, ctx.accountId(), added);
          return AddUserResponse.newBuilder().setCreatedEvent(event);
        });
  }

  /** Adds people (the caller or others) with a JOIN event and pushes it. */
  private Event join(
      WriteScope w,
      ConversationSnapshot snapshot,
      RpcContext ctx,
      String senderId,
      List<String> joining) {
    StoreTransaction tx = w.tx();
    long joinedAt = w.timestamp(ctx.nowMicros());
    for (String accountId : joining) {
      Optional<Membership> earlier = snapshot.membershipOf(accountId);
      tx.upsertMembership(
          earlier
              .map(m -> m.rejoined(joinedAt))
              .orElse(newMembership(snapshot.conversation().id(), accountId, joinedAt)));
    }
    ConversationSnapshot after =
        ConversationSnapshot.load(tx, tx.conversation(snapshot.conversation().id()).orElseThrow());
    MembershipChange.Builder change =
        MembershipChange.newBuilder().setType(MembershipChangeType.MEMBERSHIP_CHANGE_TYPE_JOIN);
    joining.forEach(id -> change.addParticipantIds(ConversationViews.participantId(id)));
    Event event =
        s.storeEvent(
            w,
            after,
            senderId,
            Event.newBuilder()
                .setEventType(EventType.EVENT_TYPE_ADD_USER)
                .setMembershipChange(change),
            null,
            ctx);
    s.pushEvent(w, after.conversation().id(), event, List.of());
    return event;
  }

  public RemoveUserResponse.Builder removeUser(RpcContext ctx, RemoveUserRequest req) {
    String conversationId = req.getEventRequestHeader().getConversationId().getId();
    String target =
        req.hasParticipantId() && !req.getParticipantId().getGaiaId().isEmpty()
            ? req.getParticipantId().getGaiaId()
            : ctx.accountId();
    return s.write(
        w -> {
          StoreTransaction tx = w.tx();
          ConversationSnapshot snapshot =
              ConversationSupport.requireCurrent(tx, conversationId, ctx.accountId());
          ManagementRpcs.requireGroup(snapshot);
          if (!snapshot.isCurrentParticipant(target)) {
            throw new RpcRefusedException("that person is not a participant");
          }
          MembershipChange change =
              MembershipChange.newBuilder()
                  .setType(MembershipChangeType.MEMBERSHIP_CHANGE_TYPE_LEAVE)
                  .addParticipantIds(ConversationViews.participantId(target))
                  .build();
          // The LEAVE event is the last thing the removed person sees.
          Event event =
              s.storeEvent(
                  w,
                  snapshot,
                  ctx.accountId(),
                  Event.newBuilder()
                      .setEventType(EventType.EVENT_TYPE_REMOVE_USER)
                      .setMembershipChange(change),
                  null,
                  ctx);
          Membership leaving = tx.membership(conversationId, target).orElseThrow();
          tx.upsertMembership(leaving.withLeftAt(event.getTimestamp()));
          s.pushEvent(w, conversationId, event, List.of(target));
          return RemoveUserResponse.newBuilder().setCreatedEvent(event);
        });
  }

  /** {@code POST /join/<token>}: joins a group whose link sharing is on. Returns its id. */
  public String joinByLink(RpcContext ctx, String token) {
    return s.write(
        w -> {
          StoreTransaction tx = w.tx();
          ConversationRecord c =
              tx.conversationByJoinToken(token)
                  .filter(
                      r ->
                          r.linkSharingStatus()
                              == GroupLinkSharingStatus.GROUP_LINK_SHARING_STATUS_ON_VALUE)
                  .orElseThrow(() -> new RpcRefusedException("this link does not work (any more)"));
          ConversationSnapshot snapshot = ConversationSnapshot.load(tx, c);
          if (!snapshot.isCurrentParticipant(ctx.accountId())) {
            join(w, snapshot, ctx, ctx.accountId(), List.of(ctx.accountId()));
          }
          return c.id();
        });
  }

  public DeleteConversationResponse.Builder deleteConversation(
      RpcContext ctx, DeleteConversationRequest req) {
    String conversationId = req.getConversationId().getId();
    return s.write(
        w -> {
          StoreTransaction tx = w.tx();
          ConversationSupport.requireAny(tx, conversationId, ctx.accountId());
          long ts = w.timestamp(ctx.nowMicros());
          long upTo =
              req.getDeleteUpperBoundTimestamp() > 0
                  ? Math.min(req.getDeleteUpperBoundTimestamp(), ts)
                  : ts;
          Membership m = tx.membership(conversationId, ctx.accountId()).orElseThrow();
          tx.upsertMembership(m.withDeletedUpTo(Math.max(upTo, m.deletedUpTo()), ts));
          DeleteAction action =
              DeleteAction.newBuilder()
                  .setDeleteActionTimestamp(ts)
                  .setDeleteUpperBoundTimestamp(upTo)
                  .setDeleteType(DeleteType.DELETE_TYPE_UPPER_BOUND)
                  .build();
          StateUpdate update =
              StateUpdate.newBuilder()
                  .setStateUpdateHeader(s.header())
                  .setDeleteNotification(
                      DeleteActionNotification.newBuilder()
                          .setConversationId(ConversationViews.conversationId(conversationId))
                          .setDeleteAction(action))
                  .build();
          w.afterCommit(() -> s.pusher.push(ctx.accountId(), update, null));
          return DeleteConversationResponse.newBuilder().setDeleteAction(action);
        });
  }

  public SetConversationNotificationLevelResponse.Builder setConversationNotificationLevel(
      RpcContext ctx, SetConversationNotificationLevelRequest req) {
    String conversationId = req.getConversationId().getId();
    NotificationLevel level = req.getLevel();
    if (level != NotificationLevel.NOTIFICATION_LEVEL_QUIET
        && level != NotificationLevel.NOTIFICATION_LEVEL_RING) {
      throw new RpcRefusedException("level must be QUIET or RING");
    }
    return s.write(
        w -> {
          StoreTransaction tx = w.tx();
          ConversationSnapshot snapshot =
              ConversationSupport.requireCurrent(tx, conversationId, ctx.accountId());
          long ts = w.timestamp(ctx.nowMicros());
          Membership m = snapshot.membershipOf(ctx.accountId()).orElseThrow();
          tx.upsertMembership(m.withNotificationLevel(level.getNumber(), ts));
          ConversationSnapshot after = ConversationSnapshot.load(tx, snapshot.conversation());
          StateUpdate update =
              StateUpdate.newBuilder()
                  .setStateUpdateHeader(s.header())
                  .setConversation(ConversationViews.forViewer(after, ctx.accountId()))
                  .setNotificationLevelNotification(
                      SetConversationNotificationLevelNotification.newBuilder()
                          .setConversationId(ConversationViews.conversationId(conversationId))
                          .setLevel(level)
                          .setTimestamp(ts))
                  .build();
          w.afterCommit(() -> s.pusher.push(ctx.accountId(), update, null));
          return SetConversationNotificationLevelResponse.newBuilder().setTimestamp(ts);
        });
  }
}
