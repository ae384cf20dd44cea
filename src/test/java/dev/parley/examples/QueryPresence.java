package dev.parley.examples;

import dev.parley.client.ConversationLists;
import dev.parley.client.Presence;
import dev.parley.client.User;
import dev.parley.client.UserId;
import dev.parley.client.UserList;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * hangups' {@code query_presence.py}: asks whether people are reachable and available, when they
 * were last seen and what their status message says. Without {@code --user}, asks about everyone in
 * the signed-in user's conversations.
 *
 * <pre>[--user ID|EMAIL]...</pre>
 */
public final class QueryPresence {
  private QueryPresence() {}

  public static void main(String[] args) throws Exception {
    ExampleArgs.main(args, QueryPresence::queryPresence);
  }

  /** Prints one line per person. */
  public static void queryPresence(ExampleArgs args, PrintStream out) throws Exception {
    args.run(
        out,
        client -> {
          ConversationLists lists = ExampleArgs.await(ConversationLists.build(client));
          UserList userList = lists.userList();
          List<UserId> ids =
              args.users().isEmpty()
                  ? userList.getAllUsers().stream()
                      .filter(user -> !user.isSelf())
                      .map(User::getId)
                      .toList()
                  : ExampleArgs.userIds(userList, args.users());

          Map<UserId, Presence> presences = ExampleArgs.await(userList.queryPresence(ids));
          for (UserId id : ids) {
            Presence presence = presences.get(id);
            String name = userList.getUser(id).getFullName();
            if (presence == null) {
              out.println(name + ": unknown");
              continue;
            }
            out.printf(
                "%s: reachable=%b available=%b desktop=%b mobile=%b last seen %s%s%n",
                name,
                presence.reachable(),
                presence.available(),
                presence.desktopActive(),
                presence.mobileActive(),
                presence.lastSeen() == null ? "never" : presence.lastSeen(),
                presence.statusMessageText().isEmpty()
                    ? ""
                    : ", status '" + presence.statusMessageText() + "'");
          }
          lists.close();
        });
  }
}
