package dev.parley.server.channel;

import dev.parley.proto.Hangouts.ActiveClientState;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.UserConversationState;
import dev.parley.wire.ChannelCodec;
import java.util.HashMap;
import java.util.Map;

/**
 * A state update for several accounts, each copy with its own self state, encoded ahead of its
 * publication ({@link ChannelHub#prepareConversationPush}). {@link #publish} queues it on the
 * sessions subscribed to {@code babel} at that moment: it reuses the texts prepared for the
 * sessions that were open when it was prepared and encodes only for sessions that appeared or
 * changed active state since. Publish once, from one thread at a time.
 */
public final class PreparedPush {
  private final ChannelHub hub;
  private final Map<String, UserConversationState> selfStates;
  private final SelfStateSplicer splicer;

  /** Encoded copies by account and active-client state ordinal. */
  private final Map<String, String[]> encoded = new HashMap<>();

  PreparedPush(
      ChannelHub hub,
      StateUpdate update,
      Map<String, UserConversationState> selfStates,
      long nowMicros) {
    this.hub = hub;
    this.selfStates = selfStates;
    this.splicer = new SelfStateSplicer(update, nowMicros);
  }

  void encodeForOpenSessions() {
    forEachSession(false);
  }

  /** Queues the update on every recipient's sessions subscribed to {@code babel}; never blocks. */
  public void publish() {
    forEachSession(true);
  }

  private void forEachSession(boolean deliver) {
    long nowNanos = hub.nanoTime();
    for (Map.Entry<String, UserConversationState> recipient : selfStates.entrySet()) {
      AccountChannels account = hub.account(recipient.getKey());
      if (account == null) {
        continue;
      }
      String active = null;
      boolean activeKnown = false;
      for (PushSession session : account.sessions()) {
        if (!session.isSubscribed(ChannelCodec.SERVICE_BABEL)) {
          continue;
        }
        if (!activeKnown) {
          active = account.activeClient(nowNanos);
          activeKnown = true;
        }
        ActiveClientState state = ChannelHub.stateFor(active, session.clientId);
        String text = textFor(recipient.getKey(), state, recipient.getValue());
        if (deliver) {
          hub.deliver(session, text);
        }
      }
    }
  }

  private String textFor(String accountId, ActiveClientState state, UserConversationState self) {
    String[] byState =
        encoded.computeIfAbsent(accountId, id -> new String[ActiveClientState.values().length]);
    String text = byState[state.ordinal()];
    if (text == null) {
      text = splicer.encode(state, self);
      byState[state.ordinal()] = text;
    }
    return text;
  }
}
