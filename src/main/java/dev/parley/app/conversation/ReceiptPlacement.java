package dev.parley.app.conversation;

import dev.parley.app.session.ChatMessage;
import dev.parley.app.session.Person;
import dev.parley.app.session.SendState;
import dev.parley.app.session.TimelineItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Where "Seen by" goes: each person's receipt sits under the newest sent message at or before their
 * read timestamp (so at most once per person), and nowhere when that message is their own.
 */
final class ReceiptPlacement {
  private ReceiptPlacement() {}

  /** Message key to the people (sorted by name) whose receipt stops there. */
  static Map<String, List<Person>> place(
      List<TimelineItem> items, Map<String, Instant> readUpTo, Function<String, Person> people) {
    Map<String, List<Person>> placed = new HashMap<>();
    for (Map.Entry<String, Instant> receipt : readUpTo.entrySet()) {
      int i = insertionPoint(items, receipt.getValue()) - 1;
      while (i >= 0 && !(items.get(i) instanceof ChatMessage m && m.state() == SendState.SENT)) {
        i--;
      }
      if (i < 0 || ((ChatMessage) items.get(i)).sender().id().equals(receipt.getKey())) {
        continue;
      }
      placed
          .computeIfAbsent(items.get(i).key(), k -> new ArrayList<>())
          .add(people.apply(receipt.getKey()));
    }
    placed.values().forEach(l -> l.sort(Comparator.comparing(Person::fullName)));
    return placed;
  }

  /** The keys whose list of people differs between two placements. */
  static Set<String> changedKeys(
      Map<String, List<Person>> before, Map<String, List<Person>> after) {
    Set<String> changed = new HashSet<>();
    for (String key : after.keySet()) {
      if (!Objects.equals(after.get(key), before.get(key))) {
        changed.add(key);
      }
    }
    for (String key : before.keySet()) {
      if (!after.containsKey(key)) {
        changed.add(key);
      }
    }
    return changed;
  }

  /** Where an item stamped {@code at} goes in {@code items}: after every item at or before it. */
  static int insertionPoint(List<TimelineItem> items, Instant at) {
    int lo = 0;
    int hi = items.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (items.get(mid).timestamp().isAfter(at)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
