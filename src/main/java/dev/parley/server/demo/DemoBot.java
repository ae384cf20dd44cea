package dev.parley.server.demo;

import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.EventType;
import dev.parley.proto.Hangouts.Segment;
import dev.parley.proto.Hangouts.SegmentType;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.server.TimeSource;
import dev.parley.server.storage.Account;
import dev.parley.server.storage.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parley Bot: answers every chat message that reaches it, in whatever conversation it is in. Text
 * comes back in bold ("You said: **...**"), {@code /image} gets a freshly painted picture and
 * {@code /help} the list of commands. It hears messages through the pushes the server sends it and
 * never answers itself or any other bot, so two bots cannot talk each other into a loop.
 *
 * <p>{@link #heard} runs on the thread that publishes the push (inside the server's commit path),
 * so it only filters and hands off to the demo's scheduler, which answers after a short pause.
 */
final class DemoBot {
  /** The longest echo, in characters, so an answer always fits in one message. */
  static final int MAX_ECHO_CHARS = 2000;

  private static final Logger LOG = LoggerFactory.getLogger(DemoBot.class);

  private final Account bot;
  private final Store store;
  private final DemoActions actions;
  private final ScheduledExecutorService executor;
  private final DemoTimings timings;
  private final TimeSource time;

  DemoBot(
      Account bot,
      Store store,
      DemoActions actions,
      ScheduledExecutorService executor,
      DemoTimings timings,
      TimeSource time) {
    this.bot = bot;
    this.store = store;
    this.actions = actions;
    this.executor = executor;
    this.timings = timings;
    this.time = time;
  }

  /** Sees a push to any account; schedules an answer to chat messages others sent the bot. */
  void heard(String accountId, StateUpdate update) {
    if (!accountId.equals(bot.id()) || !update.hasEventNotification()) {
      return;
    }
    Event event = update.getEventNotification().getEvent();
    if (event.getEventType() != EventType.EVENT_TYPE_REGULAR_CHAT_MESSAGE
        || !event.hasChatMessage()
        || event.getSenderId().getGaiaId().equals(bot.id())) {
      return;
    }
    try {
      executor.schedule(() -> answerNow(event), timings.botReplyMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("the demo is shutting down; the bot will not answer");
    }
  }

  private void answerNow(Event message) {
    try {
      String senderId = message.getSenderId().getGaiaId();
      boolean fromBot = store.read(tx -> tx.account(senderId).map(Account::bot).orElse(true));
      if (!fromBot) {
        answer(message, time.nowMicros());
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "Parley Bot could not answer in conversation {}", message.getConversationId().getId(), e);
    }
  }

  /** Answers a chat message in its conversation at {@code atMicros}; returns the answer. */
  Event answer(Event message, long atMicros) {
    String conversationId = message.getConversationId().getId();
    List<Segment> segments = message.getChatMessage().getMessageContent().getSegmentList();
    String command = plainText(segments).strip().toLowerCase(Locale.ROOT);
    if (command.equals("/image") || command.startsWith("/image ")) {
      byte[] png = DemoPictures.picture("art", ThreadLocalRandom.current().nextLong());
      String photoId = actions.storeImage(bot, png, "parley-bot-art.png", atMicros);
      return actions.send(
          bot,
          conversationId,
          DemoText.segments("Here's a picture, fresh from my easel 🎨"),
          photoId,
          atMicros);
    }
    if (command.equals("/help")) {
      return actions.send(
          bot,
          conversationId,
          DemoText.segments(
              "I repeat whatever you write, in **bold**.\\n*/image* paints you a picture\\n"
                  + "*/help* shows this"),
          null,
          atMicros);
    }
    if (command.isEmpty()) {
      return actions.send(
          bot,
          conversationId,
          DemoText.segments("Nice picture! 📷 Send */image* and I'll paint one for you."),
          null,
          atMicros);
    }
    return actions.send(bot, conversationId, echo(segments), null, atMicros);
  }

  /** "You said: " and the message's own segments in bold, links and line breaks kept. */
  static List<Segment> echo(List<Segment> segments) {
    List<Segment> answer = new ArrayList<>();
    answer.add(DemoText.text("You said: ", false, false));
    int budget = MAX_ECHO_CHARS;
    for (Segment segment : segments) {
      String text = segment.getText();
      boolean cut = text.length() > budget;
      if (cut) {
        int end = budget;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
          end--;
        }
        text = text.substring(0, end) + "…";
      }
      Segment.Builder bold = segment.toBuilder().setText(text);
      if (segment.getType() != SegmentType.SEGMENT_TYPE_LINE_BREAK) {
        bold.getFormattingBuilder().setBold(true);
      }
      answer.add(bold.build());
      budget -= text.length();
      if (cut) {
        break;
      }
    }
    return answer;
  }

  /** Text and link texts, a new line per line break. */
  static String plainText(List<Segment> segments) {
    StringBuilder sb = new StringBuilder();
    for (Segment segment : segments) {
      sb.append(
          segment.getType() == SegmentType.SEGMENT_TYPE_LINE_BREAK ? "\n" : segment.getText());
    }
    return sb.toString();
  }
}
