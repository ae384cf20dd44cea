package dev.parley.client;

import dev.parley.proto.Hangouts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The loaded events of one conversation, oldest first, deduplicated by id, and where loading older
 * history continues. Not thread-safe: {@link ConversationState} guards it.
 */
final class EventHistory {
  /** What {@link #page} decided: events served from memory, or a request for older ones. */
  record Page(List<ConversationEvent> served, Hangouts.EventContinuationToken token) {
    boolean needsLoad() {
      return served == null;
    }
  }

  private final List<ConversationEvent> events = new ArrayList<>();
  private final Map<String, ConversationEvent> byId = new HashMap<>();
  private Hangouts.EventContinuationToken token;
  private boolean reachedStart;

  EventHistory(Hangouts.EventContinuationToken token) {
    this.token = token;
  }

  /** Adds an event in timestamp order; false if an event with its id is already here. */
  boolean add(ConversationEvent event) {
    if (byId.putIfAbsent(event.getId(), event) != null) {
      return false;
    }
    int i = events.size();
    while (i > 0 && events.get(i - 1).getTimestampMicros() > event.getTimestampMicros()) {
      i--;
    }
    events.add(i, event);
    return true;
  }

  List<ConversationEvent> all() {
    return List.copyOf(events);
  }

  Optional<ConversationEvent> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  Optional<ConversationEvent> newest() {
    return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
  }

  /** hangups' {@code next_event}: the event after (or before) {@code id}, if any. */
  Optional<ConversationEvent> next(String id, boolean previous) {
    int i = events.indexOf(require(id));
    int j = previous ? i - 1 : i + 1;
    return j >= 0 && j < events.size() ? Optional.of(events.get(j)) : Optional.empty();
  }

  ConversationEvent require(String id) {
    ConversationEvent event = byId.get(id);
    if (event == null) {
      throw new NoSuchElementException("no event " + id + " in this conversation");
    }
    return event;
  }

  /**
   * hangups' {@code get_events}: without an id the newest {@code max} events; with one, up to
   * {@code max} loaded events before it, or, when it is the oldest loaded event, a request for the
   * page before it (with the stored continuation token, else one made from its timestamp). Nothing
   * loaded yet asks for the newest page; the start of history reached serves nothing.
   */
  Page page(String eventId, int max) {
    if (eventId == null) {
      if (!events.isEmpty() || reachedStart) {
        return served(events.subList(Math.max(0, events.size() - max), events.size()));
      }
      return new Page(null, null);
    }
    ConversationEvent event = require(eventId);
    int index = events.indexOf(event);
    if (index > 0) {
      return served(events.subList(Math.max(0, index - max), index));
    }
    if (reachedStart) {
      return served(List.of());
    }
    Hangouts.EventContinuationToken t =
        token != null
            ? token
            : Hangouts.EventContinuationToken.newBuilder()
                .setEventTimestamp(event.getTimestampMicros())
                .build();
    return new Page(null, t);
  }

  private static Page served(List<ConversationEvent> events) {
    return new Page(List.copyOf(events), null);
  }

  /**
   * Takes a loaded page: its events join the history (duplicates ignored); its continuation token
   * is kept, and a page without one marks the start of history. Returns the page's events, oldest
   * first.
   */
  List<ConversationEvent> addPage(Hangouts.ConversationState page) {
    if (page.hasEventContinuationToken()) {
      token = page.getEventContinuationToken();
    } else {
      token = null;
      reachedStart = true;
    }
    List<ConversationEvent> loaded = new ArrayList<>();
    for (Hangouts.Event e : page.getEventList()) {
      ConversationEvent event = ConversationEvent.wrap(e);
      add(event);
      loaded.add(byId.get(event.getId()));
    }
    loaded.sort((a, b) -> Long.compare(a.getTimestampMicros(), b.getTimestampMicros()));
    return List.copyOf(loaded);
  }
}
