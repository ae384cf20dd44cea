package dev.parley.examples;

import dev.parley.client.ChatMessageEvent;
import dev.parley.client.Conversation;
import dev.parley.client.ConversationEvent;
import dev.parley.client.ConversationLists;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * hangups' {@code get_events.py}: pages back through a conversation's history with {@code
 * get_events}, {@code --max-events} at a time, to its start, then prints it oldest first.
 *
 * <pre>--conversation ID [--max-events N]</pre>
 */
public final class PageEvents {
  /** A bound in case a server keeps answering: 1,000 pages. */
  static final int MAX_REQUESTS = 1_000;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private PageEvents() {}

  public static void main(String[] args) throws Exception {
    ExampleArgs.main(args, PageEvents::pageEvents);
  }

  /** Prints the conversation's whole history, then how many events and pages it took. */
  public static void pageEvents(ExampleArgs args, PrintStream out) throws Exception {
    String conversationId = ExampleArgs.require(args.conversation(), "--conversation");
    args.run(
        out,
        client -> {
          ConversationLists lists = ExampleArgs.await(ConversationLists.build(client));
          Conversation conversation = lists.conversationList().find(conversationId).orElse(null);
          if (conversation == null) {
            out.println("conversation " + conversationId + " not found");
            return;
          }

          // Without an event id: the newest events. With one: the events before it, from memory
          // or from the server. An empty page means the start of history.
          List<ConversationEvent> all = new ArrayList<>(); // oldest first
          List<ConversationEvent> page =
              ExampleArgs.await(conversation.getEvents(null, args.maxEvents()));
          int requests = 1;
          while (!page.isEmpty() && requests < MAX_REQUESTS) {
            all.addAll(0, page);
            String oldest = page.get(0).getId();
            page = ExampleArgs.await(conversation.getEvents(oldest, args.maxEvents()));
            requests++;
          }

          for (ConversationEvent event : all) {
            String who = conversation.getUser(event.getUserId()).getFullName();
            String line =
                TIME.format(event.getTimestamp()) + " " + event.getClass().getSimpleName();
            if (event instanceof ChatMessageEvent message) {
              line += " " + who + ": '" + message.getText().replace("\n", "\\n") + "'";
            }
            out.println(line);
          }
          if (page.isEmpty()) {
            out.printf(
                "reached the start of history: %d events in %d pages%n", all.size(), requests);
          } else {
            out.printf("stopped after %d pages: %d events%n", requests, all.size());
          }
          lists.close();
        });
  }
}
