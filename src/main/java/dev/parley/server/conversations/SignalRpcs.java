package dev.parley.server.conversations;

import dev.parley.proto.Hangouts.EasterEggNotification;
import dev.parley.proto.Hangouts.EasterEggRequest;
import dev.parley.proto.Hangouts.EasterEggResponse;
import dev.parley.proto.Hangouts.FocusDevice;
import dev.parley.proto.Hangouts.SetFocusNotification;
import dev.parley.proto.Hangouts.SetFocusRequest;
import dev.parley.proto.Hangouts.SetFocusResponse;
import dev.parley.proto.Hangouts.SetTypingNotification;
import dev.parley.proto.Hangouts.SetTypingRequest;
import dev.parley.proto.Hangouts.SetTypingResponse;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.UpdateWatermarkRequest;
import dev.parley.proto.Hangouts.UpdateWatermarkResponse;
import dev.parley.proto.Hangouts.WatermarkNotification;
import dev.parley.server.rpc.RpcContext;
import dev.parley.server.storage.Membership;
import java.util.List;

/**
 * Signals between participants: typing and focus (pushed, never stored), watermarks (stored, only
 * ever raised) and easter eggs.
 */
public final class SignalRpcs {
  private final ConversationSupport s;

  public SignalRpcs(ConversationSupport support) {
    this.s = support;
  }

  public SetTypingResponse.Builder setTyping(RpcContext ctx, SetTypingRequest req) {
    String conversationId = req.getConversationId().getId();
    List<String> participants = currentParticipants(ctx, conversationId);
    long now = ctx.nowMicros();
    StateUpdate update =
        StateUpdate.newBuilder()
            .setStateUpdateHeader(s.header())
            .setTypingNotification(
                SetTypingNotification.newBuilder()
                    .setConversationId(ConversationViews.conversationId(conversationId))
                    .setSenderId(ConversationViews.participantId(ctx.accountId()))
                    .setTimestamp(now)
                    .setType(req.getType()))
            .build();
    pushExceptSender(ctx, participants, update);
    return SetTypingResponse.newBuilder().setTimestamp(now);
  }

  public SetFocusResponse.Builder setFocus(RpcContext ctx, SetFocusRequest req) {
    String conversationId = req.getConversationId().getId();
    List<String> participants = currentParticipants(ctx, conversationId);
    long now = ctx.nowMicros();
    StateUpdate update =
        StateUpdate.newBuilder()
            .setStateUpdateHeader(s.header())
            .setFocusNotification(
                SetFocusNotification.newBuilder()
                    .setConversationId(ConversationViews.conversationId(conversationId))
                    .setSenderId(ConversationViews.participantId(ctx.accountId()))
                    .setTimestamp(now)
                    .setType(req.getType())
                    .setDevice(FocusDevice.FOCUS_DEVICE_DESKTOP))
            .build();
    pushExceptSender(ctx, participants, update);
    return SetFocusResponse.newBuilder().setTimestamp(now);
  }

  public EasterEggResponse.Builder easterEgg(RpcContext ctx, EasterEggRequest req) {
    String conversationId = req.getConversationId().getId();
    List<String> participants = currentParticipants(ctx, conversationId);
    StateUpdate update =
        StateUpdate.newBuilder()
            .setStateUpdateHeader(s.header())
            .setEasterEggNotification(
                EasterEggNotification.newBuilder()
                    .setSenderId(ConversationViews.participantId(ctx.accountId()))
                    .setConversationId(ConversationViews.conversationId(conversationId))
                    .setEasterEgg(req.getEasterEgg()))
            .build();
    for (String participant : participants) {
      s.pusher.push(participant, update, null);
    }
    return EasterEggResponse.newBuilder().setTimestamp(ctx.nowMicros());
  }

  public UpdateWatermarkResponse.Builder updateWatermark(
      RpcContext ctx, UpdateWatermarkRequest req) {
    String conversationId = req.getConversationId().getId();
    long requested = req.getLastReadTimestamp();
    s.write(
        w -> {
          ConversationSnapshot snapshot =
              ConversationSupport.requireCurrent(w.tx(), conversationId, ctx.accountId());
          Membership self = snapshot.membershipOf(ctx.accountId()).orElseThrow();
          if (requested <= self.latestReadTimestamp()) {
            return null; // never lowered; nothing to tell anyone
          }
          long ts = w.timestamp(ctx.nowMicros());
          // Nobody reads what does not exist yet: cap at the newest event.
          long readUpTo = Math.min(requested, snapshot.conversation().sortTimestamp());
          if (readUpTo <= self.latestReadTimestamp()) {
            return null;
          }
          w.tx().upsertMembership(self.withLatestRead(readUpTo, ts));
          w.tx().updateConversation(snapshot.conversation().modified(ts));
          StateUpdate update =
              StateUpdate.newBuilder()
                  .setStateUpdateHeader(s.header())
                  .setWatermarkNotification(
                      WatermarkNotification.newBuilder()
                          .setSenderId(ConversationViews.participantId(ctx.accountId()))
                          .setConversationId(ConversationViews.conversationId(conversationId))
                          .setLatestReadTimestamp(readUpTo))
                  .build();
          List<String> participants = snapshot.currentIds();
          w.afterCommit(() -> participants.forEach(p -> s.pusher.push(p, update, null)));
          return null;
        });
    return UpdateWatermarkResponse.newBuilder();
  }

  private List<String> currentParticipants(RpcContext ctx, String conversationId) {
    return s.store.read(
        tx -> ConversationSupport.requireCurrent(tx, conversationId, ctx.accountId()).currentIds());
  }

  /** To everyone in the conversation, including the sender's other sessions, not this one. */
  private void pushExceptSender(RpcContext ctx, List<String> participants, StateUpdate update) {
    for (String participant : participants) {
      String exclude = participant.equals(ctx.accountId()) ? ctx.clientId() : null;
      s.pusher.push(participant, update, exclude);
    }
  }
}
