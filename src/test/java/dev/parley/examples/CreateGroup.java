package dev.parley.examples;

import dev.parley.client.Conversation;
import dev.parley.client.ConversationLists;
import dev.parley.client.User;
import dev.parley.client.UserId;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * hangups' {@code create_group_conversation.py}: creates a group conversation with some people,
 * named or not.
 *
 * <pre>--user ID|EMAIL [--user ID|EMAIL]... [--name TEXT]</pre>
 */
public final class CreateGroup {
  private CreateGroup() {}

  public static void main(String[] args) throws Exception {
    ExampleArgs.main(args, CreateGroup::createGroup);
  }

  /** Creates the group; prints its id and who is in it. */
  public static void createGroup(ExampleArgs args, PrintStream out) throws Exception {
    if (args.users().isEmpty()) {
      throw new IllegalArgumentException("--user is required; " + ExampleArgs.USAGE);
    }
    args.run(
        out,
        client -> {
          ConversationLists lists = ExampleArgs.await(ConversationLists.build(client));
          List<UserId> others = ExampleArgs.userIds(lists.userList(), args.users());

          // The new conversation joins the conversation list, which is what createGroup returns.
          Conversation group =
              ExampleArgs.await(lists.conversationList().createGroup(others, args.name()));
          String people =
              group.getUsers().stream().map(User::getFullName).collect(Collectors.joining(", "));
          out.printf(
              "created group %s (%s) with %s%n",
              group.getName() == null ? "without a name" : "'" + group.getName() + "'",
              group.getId(),
              people);
          lists.close();
        });
  }
}
