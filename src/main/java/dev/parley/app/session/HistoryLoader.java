package dev.parley.app.session;

import dev.parley.app.UiDispatcher;
import dev.parley.client.ChatMessageEvent;
import dev.parley.client.ClientException;
import dev.parley.client.Conversation;
import dev.parley.client.ConversationEvent;
import dev.parley.client.ConversationList;
import dev.parley.client.RequestRefusedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Older history: pages the user scrolls back to ({@link #loadOlder}), and, after the list is built
 * with only the newest event of each conversation, the recent history of every conversation whose
 * newest event is unread, so that its unread count is right ({@link #backfillUnread}). Confined to
 * the UI thread; the library's futures are mapped on its threads and applied here.
 */
final class HistoryLoader {
  private static final Logger log = LoggerFactory.getLogger(HistoryLoader.class);

  /** How many backfills run at once, so a long list does not flood the server. */
  static final int PARALLEL_BACKFILLS = 4;

  private final ConversationList list;
  private final SessionModel model;
  private final TimelineMapper mapper;
  private final UiDispatcher ui;
  private final int backfillEvents;
  private final Map<String, CompletableFuture<HistoryPage>> loading = new HashMap<>();
  private final Deque<String> backfills = new ArrayDeque<>();
  private int backfillsRunning;

  /** The events of a page and their items, mapped off the UI thread. */
  private record Loaded(List<ConversationEvent> events, List<TimelineItem> items) {}

  private final SystemLineRewording rewording;

  HistoryLoader(
      ConversationList list,
      SessionModel model,
      TimelineMapper mapper,
      UiDispatcher ui,
      int backfillEvents,
      SystemLineRewording rewording) {
    this.list = list;
    this.model = model;
    this.mapper = mapper;
    this.ui = ui;
    this.backfillEvents = backfillEvents;
    this.rewording = rewording;
  }

  /**
   * Takes what the conversation list was built with (each conversation's newest event), then
   * backfills the conversations with unread messages.
   */
  void loadInitial(List<Conversation> conversations) {
    List<String> ids = new ArrayList<>();
    for (Conversation c : conversations) {
      List<ConversationEvent> events = c.getEvents();
      addHistory(c.getId(), new Loaded(events, map(events)), true);
      model.refresh(c);
      ids.add(c.getId());
    }
    backfillUnread(ids);
  }

  /** Up to {@code max} items before the oldest loaded one; see {@link SessionService}. */
  CompletableFuture<HistoryPage> loadOlder(String conversationId, int max) {
    CompletableFuture<HistoryPage> running = loading.get(conversationId);
    if (running != null) {
      return running;
    }
    Optional<Conversation> conversation = list.find(conversationId);
    if (conversation.isEmpty()) {
      return UiFutures.failed(new RequestRefusedException("no conversation " + conversationId), ui);
    }
    ConversationModel m = model.model(conversationId);
    if (m.reachedStart()) {
      return UiFutures.completed(new HistoryPage(List.of(), true), ui);
    }
    CompletableFuture<HistoryPage> page =
        UiFutures.onUi(
            load(conversation.get(), m.oldestEventId(), max),
            ui,
            loaded -> {
              loading.remove(conversationId);
              boolean start = loaded.events().isEmpty();
              addHistory(conversationId, loaded, false);
              if (start) {
                m.markReachedStart();
              }
              return new HistoryPage(loaded.items(), start);
            });
    page.whenComplete(
        (p, failure) -> {
          if (failure != null) {
            loading.remove(conversationId);
          }
        });
    loading.put(conversationId, page);
    return page;
  }

  /**
   * Loads, in the background, the recent history of each of these conversations whose summary shows
   * unread messages; each conversation's summary is announced again when it arrives.
   */
  private void backfillUnread(List<String> conversationIds) {
    for (String id : conversationIds) {
      Optional<ConversationSummary> summary = model.conversation(id);
      if (summary.isPresent() && summary.get().unreadCount() > 0) {
        backfills.add(id);
      }
    }
    nextBackfills();
  }

  private void nextBackfills() {
    while (backfillsRunning < PARALLEL_BACKFILLS && !backfills.isEmpty()) {
      String id = backfills.poll();
      Optional<Conversation> conversation = list.find(id);
      String oldest = model.model(id).oldestEventId();
      if (conversation.isEmpty() || oldest == null) {
        continue;
      }
      backfillsRunning++;
      UiFutures.onUi(
              load(conversation.get(), oldest, backfillEvents),
              ui,
              loaded -> {
                addHistory(id, loaded, true);
                return null;
              })
          .whenComplete(
              (v, failure) -> {
                if (failure != null) {
                  log.warn("Could not load the unread history of {}: {}", id, failure.toString());
                }
                backfillsRunning--;
                nextBackfills();
              });
    }
  }

  private CompletableFuture<Loaded> load(Conversation conversation, String before, int max) {
    CompletableFuture<List<ConversationEvent>> events;
    try {
      events = conversation.getEvents(before, max);
    } catch (NoSuchElementException e) {
      return CompletableFuture.failedFuture(
          new ClientException("the history of " + conversation.getId() + " is not loaded", e));
    }
    return events.thenApply(loaded -> new Loaded(loaded, map(loaded)));
  }

  private List<TimelineItem> map(List<ConversationEvent> events) {
    List<TimelineItem> items = new ArrayList<>();
    for (ConversationEvent event : events) {
      TimelineItem item = mapper.map(event);
      if (item != null) {
        items.add(item);
      }
    }
    return List.copyOf(items);
  }

  /** Adds a page to the model; {@code announce} tells listeners of each item as well. */
  private void addHistory(String conversationId, Loaded loaded, boolean announce) {
    ConversationModel m = model.model(conversationId);
    List<TimelineItem> items = new ArrayList<>(loaded.items());
    for (ConversationEvent event : loaded.events()) {
      m.sawEvent(event.getId(), event.getTimestamp());
      if (!(event instanceof ChatMessageEvent)) {
        // System lines mapped off this thread may name someone as "Unknown" who is known now,
        // or still unknown: map them here, where rewording keeps track.
        TimelineItem now = rewording.mapNow(event);
        if (now != null) {
          items.replaceAll(i -> i.key().equals(now.key()) ? now : i);
        }
      }
    }
    loaded = new Loaded(loaded.events(), List.copyOf(items));
    if (announce) {
      model.upsert(conversationId, loaded.items());
    } else {
      loaded.items().forEach(m::upsert);
      model.refresh(conversationId);
    }
  }
}
