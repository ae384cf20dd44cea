package dev.parley.server.presence;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.parley.proto.Hangouts.ClientPresenceStateType;
import dev.parley.proto.Hangouts.DeviceStatus;
import dev.parley.proto.Hangouts.LastSeen;
import dev.parley.proto.Hangouts.ParticipantId;
import dev.parley.proto.Hangouts.Presence;
import dev.parley.proto.Hangouts.PresenceNotification;
import dev.parley.proto.Hangouts.PresenceResult;
import dev.parley.proto.Hangouts.QueryPresenceRequest;
import dev.parley.proto.Hangouts.QueryPresenceResponse;
import dev.parley.proto.Hangouts.SetActiveClientRequest;
import dev.parley.proto.Hangouts.SetActiveClientResponse;
import dev.parley.proto.Hangouts.SetPresenceRequest;
import dev.parley.proto.Hangouts.SetPresenceResponse;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.StateUpdateHeader;
import dev.parley.proto.Hangouts.StatusMessageState;
import dev.parley.server.conversations.ConversationViews;
import dev.parley.server.conversations.Pusher;
import dev.parley.server.people.Entities;
import dev.parley.server.rpc.RpcContext;
import dev.parley.server.rpc.RpcRefusedException;
import dev.parley.server.storage.PresenceRecord;
import dev.parley.server.storage.Store;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Presence (PROTOCOL.md section 6.5): reachable = an open long poll; available = reachable, not
 * do-not-disturb, and an active client or a desktop-active presence state; last seen = the last
 * time a client of the account was active or called the server.
 */
public final class PresenceRpcs {
  public static final int MAX_ACTIVE_CLIENT_TIMEOUT = 600;

  private final Store store;
  private final ClientActivity activity;
  private final Pusher pusher;
  private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();

  public PresenceRpcs(Store store, ClientActivity activity, Pusher pusher) {
    this.store = store;
    this.activity = activity;
    this.pusher = pusher;
  }

  /** Records that the account did something now (any authenticated call). */
  public void touch(String accountId, long nowMicros) {
    lastSeen.merge(accountId, nowMicros, Math::max);
  }

  public QueryPresenceResponse.Builder queryPresence(RpcContext ctx, QueryPresenceRequest req) {
    return store.read(
        tx -> {
          Set<String> contacts = Entities.contactsOf(tx, ctx.accountId());
          QueryPresenceResponse.Builder response = QueryPresenceResponse.newBuilder();
          for (ParticipantId id : req.getParticipantIdList()) {
            if (!contacts.contains(id.getGaiaId())) {
              continue; // strangers learn nothing, not even that they are strangers
            }
            Optional<PresenceRecord> record = tx.presence(id.getGaiaId());
            response.addPresenceResult(
                PresenceResult.newBuilder()
                    .setUserId(ConversationViews.participantId(id.getGaiaId()))
                    .setPresence(presenceOf(id.getGaiaId(), record, ctx.nowMicros())));
          }
          return response;
        });
  }

  Presence presenceOf(String accountId, Optional<PresenceRecord> record, long now) {
    boolean reachable = activity.isReachable(accountId);
    boolean active = activity.hasActiveClient(accountId);
    boolean dnd = record.map(r -> r.dndExpiresAt() > now).orElse(false);
    boolean desktopActive = record.map(PresenceRecord::available).orElse(false);
    long seen =
        Math.max(
            lastSeen.getOrDefault(accountId, 0L),
            record.map(PresenceRecord::lastSeenAt).orElse(0L));
    Presence.Builder presence =
        Presence.newBuilder()
            .setReachable(reachable)
            .setAvailable(reachable && !dnd && (active || desktopActive))
            .setDeviceStatus(DeviceStatus.newBuilder().setDesktop(active));
    if (seen > 0) {
      presence.setLastSeen(
          LastSeen.newBuilder()
              .setLastSeenTimestampUsec(seen)
              .setUsecSinceLastSeen(Math.max(0, now - seen)));
    }
    record
        .map(PresenceRecord::statusMessage)
        .filter(bytes -> bytes != null && bytes.length > 0)
        .ifPresent(bytes -> presence.setStatusMessage(parseStatus(bytes)));
    return presence.build();
  }

  public SetPresenceResponse.Builder setPresence(RpcContext ctx, SetPresenceRequest req) {
    long now = ctx.nowMicros();
    touch(ctx.accountId(), now);
    store.write(
        tx -> {
          PresenceRecord old =
              tx.presence(ctx.accountId())
                  .orElse(new PresenceRecord(ctx.accountId(), false, 0, null, 0));
          boolean available = old.available();
          if (req.hasPresenceStateSetting()) {
            available =
                req.getPresenceStateSetting().getType()
                    == ClientPresenceStateType.CLIENT_PRESENCE_STATE_DESKTOP_ACTIVE;
          }
          long dndExpiresAt = old.dndExpiresAt();
          if (req.hasDndSetting()) {
            if (!req.getDndSetting().getDoNotDisturb()) {
              dndExpiresAt = 0;
            } else {
              long timeout = req.getDndSetting().getTimeoutSecs();
              dndExpiresAt = timeout > 0 ? now + timeout * 1_000_000L : Long.MAX_VALUE;
            }
          }
          byte[] status = old.statusMessage();
          if (req.hasStatusMessageSetting()) {
            if (req.getStatusMessageSetting().getSerializedSize() > 4096) {
              throw new RpcRefusedException("a status message is at most 4 KiB");
            }
            status =
                StatusMessageState.newBuilder()
                    .addAllStatusMessage(req.getStatusMessageSetting().getStatusMessageList())
                    .build()
                    .toByteArray();
          }
          tx.upsertPresence(
              new PresenceRecord(ctx.accountId(), available, dndExpiresAt, status, now));
          return null;
        });
    announce(ctx.accountId(), now);
    return SetPresenceResponse.newBuilder();
  }

  public SetActiveClientResponse.Builder setActiveClient(
      RpcContext ctx, SetActiveClientRequest req) {
    String jid = req.getFullJid();
    int slash = jid.indexOf('/');
    String clientId = slash >= 0 ? jid.substring(slash + 1) : ctx.clientId();
    if (clientId == null || clientId.isEmpty()) {
      throw new RpcRefusedException("full_jid must be <email>/<client id>");
    }
    int timeout = (int) Math.min(Math.max(req.getTimeoutSecs(), 0), MAX_ACTIVE_CLIENT_TIMEOUT);
    if (req.getIsActive()) {
      activity.setActiveClient(ctx.accountId(), clientId, timeout);
      touch(ctx.accountId(), ctx.nowMicros());
      announce(ctx.accountId(), ctx.nowMicros());
    }
    return SetActiveClientResponse.newBuilder();
  }

  /** Pushes the account's presence to everyone who shares a conversation with it. */
  public void announce(String accountId, long now) {
    store.read(
        tx -> {
          Presence presence = presenceOf(accountId, tx.presence(accountId), now);
          StateUpdate update =
              StateUpdate.newBuilder()
                  .setStateUpdateHeader(StateUpdateHeader.newBuilder().setCurrentServerTime(now))
                  .setPresenceNotification(
                      PresenceNotification.newBuilder()
                          .addPresence(
                              PresenceResult.newBuilder()
                                  .setUserId(ConversationViews.participantId(accountId))
                                  .setPresence(presence)))
                  .build();
          for (String contact : Entities.contactsOf(tx, accountId)) {
            pusher.pushPresence(contact, update);
          }
          return null;
        });
  }

  private static StatusMessageState parseStatus(byte[] bytes) {
    try {
      return StatusMessageState.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      return StatusMessageState.getDefaultInstance();
    }
  }
}
