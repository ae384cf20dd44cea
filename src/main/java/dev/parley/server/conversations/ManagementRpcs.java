package dev.parley.server.conversations;

import dev.parley.proto.Hangouts.Conversation;
import dev.parley.proto.Hangouts.ConversationNotification;
import dev.parley.proto.Hangouts.ConversationRename;
import dev.parley.proto.Hangouts.ConversationType;
import dev.parley.proto.Hangouts.CreateConversationRequest;
import dev.parley.proto.Hangouts.CreateConversationResponse;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.EventType;
import dev.parley.proto.Hangouts.GetGroupConversationUrlRequest;
import dev.parley.proto.Hangouts.GetGroupConversationUrlResponse;
import dev.parley.proto.Hangouts.GroupLinkSharingModification;
import dev.parley.proto.Hangouts.GroupLinkSharingStatus;
import dev.parley.proto.Hangouts.InviteeID;
import dev.parley.proto.Hangouts.ModifyOTRStatusRequest;
import dev.parley.proto.Hangouts.ModifyOTRStatusResponse;
import dev.parley.proto.Hangouts.OTRModification;
import dev.parley.proto.Hangouts.OffTheRecordStatus;
import dev.parley.proto.Hangouts.OffTheRecordToggle;
import dev.parley.proto.Hangouts.RenameConversationRequest;
import dev.parley.proto.Hangouts.RenameConversationResponse;
import dev.parley.proto.Hangouts.SetGroupLinkSharingEnabledRequest;
import dev.parley.proto.Hangouts.SetGroupLinkSharingEnabledResponse;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.server.rpc.RpcContext;
import dev.parley.server.rpc.RpcRefusedException;
import dev.parley.server.storage.ConversationRecord;
import dev.parley.server.storage.StoreTransaction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Creating and reshaping conversations: create, rename, off the record, link sharing. Membership
 * changes live in {@link MembershipRpcs}.
 */
public final class ManagementRpcs {
  public static final int MAX_NAME_LENGTH = 1000;
  public static final int MAX_PARTICIPANTS = 500;

  private final ConversationSupport s;

  public ManagementRpcs(ConversationSupport support) {
    this.s = support;
  }

  public CreateConversationResponse.Builder createConversation(
      RpcContext ctx, CreateConversationRequest req) {
    String me = ctx.accountId();
    Set<String> invitees = new LinkedHashSet<>();
    for (InviteeID invitee : req.getInviteeIdList()) {
      if (!invitee.getGaiaId().equals(me)) {
        invitees.add(invitee.getGaiaId());
      }
    }
    String name = req.hasName() ? validName(req.getName()) : null;
    String clientGeneratedId =
        req.hasClientGeneratedId() ? Long.toUnsignedString(req.getClientGeneratedId()) : null;
    boolean oneToOne = req.getType() == ConversationType.CONVERSATION_TYPE_ONE_TO_ONE;
    if (!oneToOne && req.getType() != ConversationType.CONVERSATION_TYPE_GROUP) {
      throw new RpcRefusedException("type must be ONE_TO_ONE or GROUP");
    }
    if (oneToOne && invitees.size() != 1) {
      throw new RpcRefusedException("a one-to-one conversation needs exactly one other person");
    }
    if (invitees.size() + 1 > MAX_PARTICIPANTS) {
      throw new RpcRefusedException("at most " + MAX_PARTICIPANTS + " participants");
    }
    return s.write(
        w -> {
          StoreTransaction tx = w.tx();
          for (String invitee : invitees) {
            if (tx.account(invitee).isEmpty()) {
              throw new RpcRefusedException("no such person: " + invitee);
            }
          }
          if (clientGeneratedId != null) {
            Optional<String> earlier =
                tx.dedupResult(
                    me,
                    "create",
                    clientGeneratedId,
                    ctx.nowMicros() - MessagingRpcs.DEDUP_WINDOW_MICROS);
            if (earlier.isPresent() && tx.conversation(earlier.get()).isPresent()) {
              return existing(tx, earlier.get(), me);
            }
          }
          String key = null;
          if (oneToOne) {
            String other = invitees.iterator().next();
            key = me.compareTo(other) < 0 ? me + " " + other : other + " " + me;
            Optional<ConversationRecord> found = tx.conversationByOneToOneKey(key);
            if (found.isPresent()) {
              return existing(tx, found.get().id(), me);
            }
          }
          long ts = w.timestamp(ctx.nowMicros());
          ConversationRecord c =
              new ConversationRecord(
                  s.ids.conversationId(),
                  req.getType().getNumber(),
                  name,
                  OffTheRecordStatus.OFF_THE_RECORD_STATUS_ON_THE_RECORD_VALUE,
                  GroupLinkSharingStatus.GROUP_LINK_SHARING_STATUS_OFF_VALUE,
                  null,
                  key,
                  ts,
                  ts,
                  ts);
          tx.insertConversation(c);
          List<String> members = new ArrayList<>();
          members.add(me);
          members.addAll(invitees);
          for (String member : members) {
            tx.upsertMembership(MembershipRpcs.newMembership(c.id(), member, ts));
          }
          if (clientGeneratedId != null) {
            tx.insertDedup(me, "create", clientGeneratedId, c.id(), ctx.nowMicros());
          }
          ConversationSnapshot snapshot = ConversationSnapshot.load(tx, c);
          pushConversationNotification(w, snapshot);
          return CreateConversationResponse.newBuilder()
              .setConversation(ConversationViews.forViewer(snapshot, me))
              .setNewConversationCreated(true);
        });
  }

  private static CreateConversationResponse.Builder existing(
      StoreTransaction tx, String conversationId, String me) {
    ConversationSnapshot snapshot =
        ConversationSnapshot.load(tx, tx.conversation(conversationId).orElseThrow());
    return CreateConversationResponse.newBuilder()
        .setConversation(ConversationViews.forViewer(snapshot, me))
        .setNewConversationCreated(false);
  }

  void pushConversationNotification(WriteScope w, ConversationSnapshot snapshot) {
    w.afterCommit(
        () -> {
          for (String member : snapshot.currentIds()) {
            Conversation view = ConversationViews.forViewer(snapshot, member);
            s.pusher.push(
                member,
                StateUpdate.newBuilder()
                    .setStateUpdateHeader(s.header())
                    .setConversation(view)
                    .setConversationNotification(
                        ConversationNotification.newBuilder().setConversation(view))
                    .build(),
                null);
          }
        });
  }

  public RenameConversationResponse.Builder renameConversation(
      RpcContext ctx, RenameConversationRequest req) {
    String conversationId = req.getEventRequestHeader().getConversationId().getId();
    String newName = validName(req.getNewName());
    return s.write(
        w -> {
          ConversationSnapshot snapshot = lockAndRequire(w, ctx, conversationId);
          ConversationRecord c = snapshot.conversation();
          ConversationRename.Builder rename =
              ConversationRename.newBuilder().setNewName(newName == null ? "" : newName);
          rename.setOldName(c.name() == null ? "" : c.name());
          Event event =
              recordChange(
                  w,
                  ctx,
                  snapshot,
                  c.withName(newName),
                  Event.newBuilder()
                      .setEventType(EventType.EVENT_TYPE_CONVERSATION_RENAME)
                      .setConversationRename(rename));
          return RenameConversationResponse.newBuilder().setCreatedEvent(event);
        });
  }

  public ModifyOTRStatusResponse.Builder modifyOtrStatus(
      RpcContext ctx, ModifyOTRStatusRequest req) {
    String conversationId = req.getEventRequestHeader().getConversationId().getId();
    OffTheRecordStatus wanted = req.getOtrStatus();
    if (wanted != OffTheRecordStatus.OFF_THE_RECORD_STATUS_OFF_THE_RECORD
        && wanted != OffTheRecordStatus.OFF_THE_RECORD_STATUS_ON_THE_RECORD) {
      throw new RpcRefusedException("otr_status must be OFF_THE_RECORD or ON_THE_RECORD");
    }
    return s.write(
        w -> {
          ConversationSnapshot snapshot = lockAndRequire(w, ctx, conversationId);
          ConversationRecord c = snapshot.conversation();
          OffTheRecordStatus old = ConversationViews.otrStatus(c);
          Event event =
              recordChange(
                  w,
                  ctx,
                  snapshot,
                  c.withOtrStatus(wanted.getNumber()),
                  Event.newBuilder()
                      .setEventType(EventType.EVENT_TYPE_OTR_MODIFICATION)
                      .setOtrModification(
                          OTRModification.newBuilder()
                              .setOldOtrStatus(old)
                              .setNewOtrStatus(wanted)
                              .setOldOtrToggle(OffTheRecordToggle.OFF_THE_RECORD_TOGGLE_ENABLED)
                              .setNewOtrToggle(OffTheRecordToggle.OFF_THE_RECORD_TOGGLE_ENABLED)));
          return ModifyOTRStatusResponse.newBuilder().setCreatedEvent(event);
        });
  }

  public SetGroupLinkSharingEnabledResponse.Builder setGroupLinkSharingEnabled(
      RpcContext ctx, SetGroupLinkSharingEnabledRequest req) {
    String conversationId = req.getEventRequestHeader().getConversationId().getId();
    GroupLinkSharingStatus wanted = req.getGroupLinkSharingStatus();
    if (wanted != GroupLinkSharingStatus.GROUP_LINK_SHARING_STATUS_ON
        && wanted != GroupLinkSharingStatus.GROUP_LINK_SHARING_STATUS_OFF) {
      throw new RpcRefusedException("group_link_sharing_status must be ON or OFF");
    }
    return s.write(
        w -> {
          ConversationSnapshot snapshot = lockAndRequire(w, ctx, conversationId);
          ConversationRecord c = requireGroup(snapshot);
          String token = c.joinToken() != null ? c.joinToken() : s.ids.token(18);
          Event event =
              recordChange(
                  w,
                  ctx,
                  snapshot,
                  c.withLinkSharing(wanted.getNumber(), token),
                  Event.newBuilder()
                      .setEventType(EventType.EVENT_TYPE_GROUP_LINK_SHARING_MODIFICATION)
                      .setGroupLinkSharingModification(
                          GroupLinkSharingModification.newBuilder().setNewStatus(wanted)));
          ConversationSnapshot after =
              ConversationSnapshot.load(w.tx(), w.tx().conversation(conversationId).orElseThrow());
          return SetGroupLinkSharingEnabledResponse.newBuilder()
              .setCreatedEvent(event)
              .setUpdatedConversation(ConversationViews.forViewer(after, ctx.accountId()));
        });
  }

  public GetGroupConversationUrlResponse.Builder getGroupConversationUrl(
      RpcContext ctx, GetGroupConversationUrlRequest req) {
    String conversationId = req.getConversationId().getId();
    return s.store.read(
        tx -> {
          ConversationSnapshot snapshot =
              ConversationSupport.requireCurrent(tx, conversationId, ctx.accountId());
          ConversationRecord c = requireGroup(snapshot);
          if (c.linkSharingStatus() != GroupLinkSharingStatus.GROUP_LINK_SHARING_STATUS_ON_VALUE
              || c.joinToken() == null) {
            throw new RpcRefusedException("link sharing is off for this conversation");
          }
          return GetGroupConversationUrlResponse.newBuilder()
              .setGroupConversationUrl(s.publicUrl + "/join/" + c.joinToken());
        });
  }

  /**
   * Takes the timestamp counter, then checks the caller is a participant. The counter comes first:
   * on PostgreSQL it is a row lock, and taking it after other writes could deadlock another writer.
   */
  private static ConversationSnapshot lockAndRequire(
      WriteScope w, RpcContext ctx, String conversationId) {
    w.timestamp(ctx.nowMicros());
    return ConversationSupport.requireCurrent(w.tx(), conversationId, ctx.accountId());
  }

  /**
   * A change to the conversation's own attributes: stores the new record and the event that tells
   * of it, and pushes the event to every participant.
   */
  private Event recordChange(
      WriteScope w,
      RpcContext ctx,
      ConversationSnapshot snapshot,
      ConversationRecord changed,
      Event.Builder event) {
    w.tx().updateConversation(changed);
    ConversationSnapshot updated = snapshot.with(w.tx().conversation(changed.id()).orElseThrow());
    Event stored = s.storeEvent(w, updated, ctx.accountId(), event, null, ctx);
    s.pushEvent(w, changed.id(), stored, List.of());
    return stored;
  }

  static ConversationRecord requireGroup(ConversationSnapshot snapshot) {
    ConversationRecord c = snapshot.conversation();
    if (c.type() != ConversationType.CONVERSATION_TYPE_GROUP_VALUE) {
      throw new RpcRefusedException("only group conversations can do that");
    }
    return c;
  }

  /** A trimmed name, or null for none; refuses names that are too long or hold controls. */
  static String validName(String name) {
    String trimmed = name.strip();
    if (trimmed.length() > MAX_NAME_LENGTH) {
      throw new RpcRefusedException("a name is at most " + MAX_NAME_LENGTH + " characters");
    }
    for (int i = 0; i < trimmed.length(); i++) {
      if (Character.isISOControl(trimmed.charAt(i))) {
        throw new RpcRefusedException("a name cannot contain control characters");
      }
    }
    return trimmed.isEmpty() ? null : trimmed;
  }
}
