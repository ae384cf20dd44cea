package dev.parley.server.conversations;

import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.UserConversationState;
import java.util.Map;

/** Hands state updates to the push channel; never blocks on a slow client. */
public interface Pusher {
  /**
   * Pushes to every chat session of an account, except the session with {@code excludeClientId}
   * (may be null). The channel fills in the per-session header.
   */
  void push(String accountId, StateUpdate update, String excludeClientId);

  /** Pushes presence to the account's sessions subscribed to presence. */
  void pushPresence(String accountId, StateUpdate update);

  /**
   * Prepares {@code update} (which carries a {@code conversation} without self state) for each
   * account in {@code selfStates}, whose copy carries its own {@code self_conversation_state}. The
   * costly part (encoding) happens here, outside the caller's ordered section; the returned
   * publication only queues, like {@link #push}, and runs once, in publication order.
   */
  default Runnable prepareConversationPush(
      StateUpdate update, Map<String, UserConversationState> selfStates) {
    return () ->
        selfStates.forEach((accountId, self) -> push(accountId, withSelf(update, self), null));
  }

  /** The copy of {@code update} whose conversation carries {@code self}. */
  static StateUpdate withSelf(StateUpdate update, UserConversationState self) {
    StateUpdate.Builder copy = update.toBuilder();
    copy.getConversationBuilder().setSelfConversationState(self);
    return copy.build();
  }

  Pusher NONE =
      new Pusher() {
        @Override
        public void push(String accountId, StateUpdate update, String excludeClientId) {}

        @Override
        public void pushPresence(String accountId, StateUpdate update) {}

        @Override
        public Runnable prepareConversationPush(
            StateUpdate update, Map<String, UserConversationState> selfStates) {
          return () -> {};
        }
      };
}
