package dev.parley.app.session;

import dev.parley.client.ChatMessageEvent;
import dev.parley.client.ConversationEvent;
import dev.parley.client.UserId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * System lines name people ("You added Carol"); one mapped while someone it names was unknown says
 * "Unknown" and is worded again when that person becomes known. Every path that puts system events
 * into the model (pushes and history pages) goes through here. UI thread only.
 */
final class SystemLineRewording {
  private final TimelineMapper mapper;
  private final SessionModel model;
  private final Map<UserId, List<ConversationEvent>> waiting = new HashMap<>();

  SystemLineRewording(TimelineMapper mapper, SessionModel model) {
    this.mapper = mapper;
    this.model = model;
  }

  /**
   * Maps {@code event} with what is known now and, if it names someone still unknown, remembers it;
   * answers the item (null for events the timeline does not show).
   */
  TimelineItem mapNow(ConversationEvent event) {
    if (!(event instanceof ChatMessageEvent)) {
      // Asked before mapping: someone who becomes known in between (the user list fills on
      // another thread) is then still waited for, and their change event words the line again.
      for (UserId unknown : mapper.unknownPeople(event)) {
        waiting.computeIfAbsent(unknown, k -> new ArrayList<>()).add(event);
      }
    }
    return mapper.map(event);
  }

  /** Words again, and puts into the model, the lines that wait for {@code person}. */
  void personChanged(UserId person) {
    List<ConversationEvent> events = waiting.remove(person);
    if (events == null) {
      return;
    }
    for (ConversationEvent event : events) {
      // A change may only have brought the placeholder name: then it keeps waiting.
      TimelineItem item = mapNow(event);
      if (item != null) {
        model.upsert(event.getConversationId(), List.of(item));
      }
    }
  }
}
