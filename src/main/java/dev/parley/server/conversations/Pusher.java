package dev.parley.server.conversations;

import dev.parley.proto.Hangouts.StateUpdate;

/** Hands state updates to the push channel; never blocks on a slow client. */
public interface Pusher {
  /**
   * Pushes to every chat session of an account, except the session with {@code excludeClientId}
   * (may be null). The channel fills in the per-session header.
   */
  void push(String accountId, StateUpdate update, String excludeClientId);

  /** Pushes presence to the account's sessions subscribed to presence. */
  void pushPresence(String accountId, StateUpdate update);

  Pusher NONE =
      new Pusher() {
        @Override
        public void push(String accountId, StateUpdate update, String excludeClientId) {}

        @Override
        public void pushPresence(String accountId, StateUpdate update) {}
      };
}
