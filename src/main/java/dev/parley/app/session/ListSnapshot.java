package dev.parley.app.session;

import java.util.List;
import java.util.Objects;

/**
 * The conversation list as it was when the app last ran, kept on disk so the next start paints it
 * at once (as Signal and Telegram do from their local databases) while signing in goes on.
 *
 * @param accountKey which saved account it belongs to; a snapshot of another account is ignored
 * @param self the signed-in user
 * @param serverUrl the server the session talked to
 * @param conversations every conversation, most recent activity first
 */
public record ListSnapshot(
    String accountKey, Person self, String serverUrl, List<ConversationSummary> conversations) {
  public ListSnapshot {
    Objects.requireNonNull(accountKey, "accountKey");
    Objects.requireNonNull(self, "self");
    serverUrl = serverUrl == null ? "" : serverUrl;
    conversations = List.copyOf(conversations);
  }
}
