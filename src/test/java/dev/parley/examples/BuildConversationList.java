package dev.parley.examples;

import dev.parley.client.Conversation;
import dev.parley.client.ConversationLists;
import dev.parley.client.User;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * hangups' {@code build_conversation_list.py}: builds the user list and the conversation list (the
 * high-level API) and prints them.
 */
public final class BuildConversationList {
  private BuildConversationList() {}

  public static void main(String[] args) throws Exception {
    ExampleArgs.main(args, BuildConversationList::buildConversationList);
  }

  /** Prints every known user and every conversation, archived ones too. */
  public static void buildConversationList(ExampleArgs args, PrintStream out) throws Exception {
    args.run(
        out,
        client -> {
          ConversationLists lists = ExampleArgs.await(ConversationLists.build(client));
          List<User> users = lists.userList().getAllUsers();
          List<Conversation> conversations = lists.conversationList().getAll(true);

          out.println(users.size() + " known users");
          for (int i = 0; i < users.size(); i++) {
            User user = users.get(i);
            out.printf("    (%d) %s: %s%n", i + 1, user.getFullName(), user.getId().gaiaId());
          }

          out.println(conversations.size() + " known conversations");
          for (int i = 0; i < conversations.size(); i++) {
            Conversation conversation = conversations.get(i);
            String name = conversation.getName();
            if (name == null) {
              // No name: name it after the other participants.
              name =
                  "Conversation with "
                      + conversation.getUsers().stream()
                          .filter(user -> !user.isSelf())
                          .map(User::getFullName)
                          .collect(Collectors.joining(", "));
            }
            out.printf("    (%d) %s (%s)%n", i + 1, name, conversation.getId());
          }
          lists.close();
        });
  }
}
