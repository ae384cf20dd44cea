package dev.parley.app.session;

import dev.parley.app.UiDispatcher;
import dev.parley.app.UiTimer;
import dev.parley.client.ChatMessageEvent;
import dev.parley.client.ChatMessageSegment;
import dev.parley.client.Conversation;
import dev.parley.client.ConversationList;
import dev.parley.client.MessageImage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages the user writes, on their way: one queue per conversation, sent one at a time in
 * order with {@link Conversation#enqueueMessage(List, MessageImage, long)} under a client-generated
 * id fixed when the message is written. The server deduplicates by that id, so sending again after
 * a network failure, a lost answer or a retry can never create a second message. A network failure
 * keeps the message PENDING and tries again later (at once when the connection comes back); a
 * refusal makes it FAILED, and the queue goes on with the next one. An image is uploaded once, just
 * before its message is sent. Confined to the UI thread.
 */
final class Outbox {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);
  private final ConversationList list;
  private final SessionModel model;
  private final TimelineMapper mapper;
  private final People people;
  private final UiDispatcher ui;
  private final UiTimer timer;
  private final LongSupplier ids;
  private final Map<String, Deque<Entry>> queues = new HashMap<>();
  private final Map<String, Entry> entries = new HashMap<>();
  private boolean closed;

  /** One message: queued, in flight, waiting to be tried again, or failed (kept for a retry). */
  private static final class Entry {
    final String conversationId;
    final long clientGeneratedId;
    final List<ChatMessageSegment> segments;
    final OutgoingImage image;
    final BiConsumer<Long, Long> progress;
    ChatMessage message;
    String photoId;
    int failures;
    boolean inFlight;
    boolean delivered;
    UiTimer.Scheduled wait;

    Entry(
        String conversationId,
        long clientGeneratedId,
        List<ChatMessageSegment> segments,
        OutgoingImage image,
        BiConsumer<Long, Long> progress) {
      this.conversationId = conversationId;
      this.clientGeneratedId = clientGeneratedId;
      this.segments = segments;
      this.image = image;
      this.progress = progress;
    }

    String key() {
      return Long.toUnsignedString(clientGeneratedId);
    }
  }

  Outbox(
      ConversationList list,
      SessionModel model,
      TimelineMapper mapper,
      People people,
      UiDispatcher ui,
      UiTimer timer,
      LongSupplier ids) {
    this.list = list;
    this.model = model;
    this.mapper = mapper;
    this.people = people;
    this.ui = ui;
    this.timer = timer;
    this.ids = ids;
  }

  /** Queues a message; returns (and announces) it as PENDING, or FAILED when it is empty. */
  ChatMessage send(
      String conversationId, String markup, OutgoingImage image, BiConsumer<Long, Long> progress) {
    List<ChatMessageSegment> segments = ChatMessageSegment.fromString(markup == null ? "" : markup);
    Entry e = new Entry(conversationId, ids.getAsLong(), segments, image, progress);
    e.message =
        new ChatMessage(
            conversationId,
            null,
            e.key(),
            people.self(),
            timestampAfter(conversationId),
            segments,
            List.of(),
            false,
            SendState.PENDING,
            null);
    entries.put(e.key(), e);
    if (segments.isEmpty() && image == null) {
      e.message = e.message.withState(SendState.FAILED, "There is nothing to send.");
      model.upsert(conversationId, List.of(e.message));
      return e.message;
    }
    model.upsert(conversationId, List.of(e.message));
    enqueue(e);
    return e.message;
  }

  /** Sends a FAILED message again under the same client-generated id, keeping its timestamp. */
  void retry(String conversationId, String clientGeneratedId) {
    Entry e = entries.get(clientGeneratedId);
    if (e == null
        || !e.conversationId.equals(conversationId)
        || e.message.state() != SendState.FAILED) {
      return;
    }
    e.failures = 0;
    e.message = e.message.withState(SendState.PENDING, null);
    model.upsert(conversationId, List.of(e.message));
    enqueue(e);
  }

  /** The connection is back: what waits to be tried again goes now. */
  void connected() {
    for (Map.Entry<String, Deque<Entry>> queue : Map.copyOf(queues).entrySet()) {
      Entry head = queue.getValue().peekFirst();
      if (head != null && head.wait != null) {
        head.wait.cancel();
        head.wait = null;
      }
      pump(queue.getKey());
    }
  }

  /** The server's event for a message of ours arrived (through the channel or a catch-up). */
  void delivered(ChatMessage sent) {
    Entry e = sent.clientGeneratedId() == null ? null : entries.get(sent.clientGeneratedId());
    if (e == null || !e.conversationId.equals(sent.conversationId())) {
      return;
    }
    e.delivered = true;
    if (!e.inFlight) {
      finish(e);
      pump(e.conversationId);
    }
  }

  void close() {
    closed = true;
    for (Entry e : entries.values()) {
      if (e.wait != null) {
        e.wait.cancel();
      }
    }
  }

  private void enqueue(Entry e) {
    queues.computeIfAbsent(e.conversationId, k -> new ArrayDeque<>()).addLast(e);
    // Later, so that listeners hear PENDING before anything else happens to the message.
    ui.dispatch(() -> pump(e.conversationId));
  }

  private void pump(String conversationId) {
    Deque<Entry> queue = queues.get(conversationId);
    Entry head = queue == null ? null : queue.peekFirst();
    if (closed || head == null || head.inFlight || head.wait != null) {
      return;
    }
    if (head.delivered) {
      finish(head);
      pump(conversationId);
      return;
    }
    Optional<Conversation> conversation = list.find(conversationId);
    if (conversation.isEmpty()) {
      fail(head, "This conversation is no longer available.");
      return;
    }
    head.inFlight = true;
    if (head.image != null && head.photoId == null) {
      UiFutures.onUi(
              list.uploadImage(head.image.bytes(), head.image.fileName(), progressOnUi(head)), ui)
          .whenComplete(
              (uploaded, failure) -> {
                head.inFlight = false;
                if (failure != null) {
                  failed(head, failure);
                } else {
                  head.photoId = uploaded.photoId();
                  pump(conversationId);
                }
              });
      return;
    }
    MessageImage image = head.photoId == null ? null : MessageImage.existing(head.photoId);
    UiFutures.onUi(
            conversation
                .get()
                .enqueueMessage(head.segments, image, head.clientGeneratedId)
                .result(),
            ui)
        .whenComplete(
            (event, failure) -> {
              head.inFlight = false;
              if (failure != null) {
                failed(head, failure);
              } else {
                sent(head, event);
              }
            });
  }

  private void sent(Entry e, ChatMessageEvent event) {
    finish(e);
    if (!closed) {
      model.upsert(e.conversationId, List.of(mapper.message(event)));
    }
    pump(e.conversationId);
  }

  private void failed(Entry e, Throwable failure) {
    if (closed) {
      return;
    }
    if (e.delivered) {
      finish(e);
      pump(e.conversationId);
      return;
    }
    Throwable cause = UiFutures.unwrap(failure);
    boolean connected = model.connection().kind() == ConnectionStatus.Kind.CONNECTED;
    if (SendFailures.worthRetrying(cause, connected, e.failures + 1)) {
      e.failures++;
      Duration delay = SendFailures.retryDelay(cause, e.failures);
      log.info("Sending {} failed ({}); trying again in {}", e.key(), cause.toString(), delay);
      e.wait =
          timer.schedule(
              delay,
              () -> {
                e.wait = null;
                pump(e.conversationId);
              });
      return;
    }
    log.warn("Sending {} failed: {}", e.key(), cause.toString());
    fail(e, SendFailures.describe(cause));
  }

  /** Marks the head message FAILED and goes on with the next one. */
  private void fail(Entry e, String reason) {
    Deque<Entry> queue = queues.get(e.conversationId);
    if (queue != null) {
      queue.remove(e);
    }
    e.message = e.message.withState(SendState.FAILED, reason);
    model.upsert(e.conversationId, List.of(e.message));
    pump(e.conversationId);
  }

  private void finish(Entry e) {
    Deque<Entry> queue = queues.get(e.conversationId);
    if (queue != null) {
      queue.remove(e);
      if (queue.isEmpty()) {
        queues.remove(e.conversationId);
      }
    }
    entries.remove(e.key());
    if (e.wait != null) {
      e.wait.cancel();
      e.wait = null;
    }
  }

  private BiConsumer<Long, Long> progressOnUi(Entry e) {
    if (e.progress == null) {
      return null;
    }
    return (sent, total) -> ui.dispatch(() -> e.progress.accept(sent, total));
  }

  /** Now, or just after the newest item if the local clock is behind the server's. */
  private Instant timestampAfter(String conversationId) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    TimelineItem newest = model.model(conversationId).newest();
    if (newest != null && !now.isAfter(newest.timestamp())) {
      return newest.timestamp().plus(1, ChronoUnit.MICROS);
    }
    return now;
  }
}
