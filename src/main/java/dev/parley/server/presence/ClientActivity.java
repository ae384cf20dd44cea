package dev.parley.server.presence;

/** What the push channel knows about an account's clients, for presence. */
public interface ClientActivity {
  /** Has a session with an open long poll. */
  boolean isReachable(String accountId);

  /** Has an active client whose timeout has not passed. */
  boolean hasActiveClient(String accountId);

  /** Marks the client active for {@code timeoutSeconds}. */
  void setActiveClient(String accountId, String clientId, int timeoutSeconds);

  ClientActivity NONE =
      new ClientActivity() {
        @Override
        public boolean isReachable(String accountId) {
          return false;
        }

        @Override
        public boolean hasActiveClient(String accountId) {
          return false;
        }

        @Override
        public void setActiveClient(String accountId, String clientId, int timeoutSeconds) {}
      };
}
