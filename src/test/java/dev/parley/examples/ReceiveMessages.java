package dev.parley.examples;

import dev.parley.client.ChatMessageEvent;
import dev.parley.client.ConversationLists;
import dev.parley.client.User;
import java.io.PrintStream;

/**
 * hangups' {@code receive_messages.py}: prints every chat message that arrives, using the
 * high-level API, until interrupted (Ctrl-C) or {@code --seconds} have passed.
 *
 * <pre>[--seconds N]</pre>
 */
public final class ReceiveMessages {
  private ReceiveMessages() {}

  public static void main(String[] args) throws Exception {
    ExampleArgs.main(args, ReceiveMessages::receiveMessages);
  }

  /** Prints chat messages as they arrive; returns after {@code --seconds} or when interrupted. */
  public static void receiveMessages(ExampleArgs args, PrintStream out) throws Exception {
    args.run(
        out,
        client -> {
          out.println("loading conversation list...");
          ConversationLists lists = ExampleArgs.await(ConversationLists.build(client));

          // Observers run on the client's callback threads, one conversation's events in order.
          lists
              .conversationList()
              .onEvent()
              .addObserver(
                  event -> {
                    if (event instanceof ChatMessageEvent message) {
                      User sender = lists.userList().getUser(message.getUserId());
                      out.printf(
                          "received chat message from %s: '%s'%n",
                          sender.getFullName(), message.getText().replace("\n", "\\n"));
                    }
                  });

          out.println("waiting for chat messages...");
          try {
            Thread.sleep(args.duration() == null ? Long.MAX_VALUE : args.duration().toMillis());
          } finally {
            lists.close();
          }
        });
  }
}
