package dev.parley.app.session;

import dev.parley.client.TypingStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is typing where, from typing notifications: STARTED adds a person (or refreshes them), PAUSED
 * and STOPPED drop them, and so does silence longer than the expiry (a client that vanished
 * mid-sentence). Confined to the UI thread.
 */
final class TypingTracker {
  private final Duration expiry;
  private final Map<String, Map<String, Instant>> typing = new HashMap<>();

  TypingTracker(Duration expiry) {
    this.expiry = expiry;
  }

  Duration expiry() {
    return expiry;
  }

  /**
   * Takes a notification received at {@code now}.
   *
   * @return whether the conversation's typists changed
   */
  boolean update(String conversationId, String personId, TypingStatus status, Instant now) {
    Map<String, Instant> here = typing.computeIfAbsent(conversationId, k -> new LinkedHashMap<>());
    if (status == TypingStatus.STARTED) {
      return here.put(personId, now.plus(expiry)) == null;
    }
    return here.remove(personId) != null;
  }

  /** Someone who sent a message has stopped typing it. */
  boolean stopped(String conversationId, String personId) {
    Map<String, Instant> here = typing.get(conversationId);
    return here != null && here.remove(personId) != null;
  }

  /** Drops the people not heard from in time; whether anybody was dropped. */
  boolean expire(String conversationId, Instant now) {
    Map<String, Instant> here = typing.get(conversationId);
    return here != null && here.values().removeIf(until -> !until.isAfter(now));
  }

  /** The ids of the people typing, in the order they started. */
  List<String> typing(String conversationId) {
    return new ArrayList<>(typing.getOrDefault(conversationId, Map.of()).keySet());
  }

  void forget(String conversationId) {
    typing.remove(conversationId);
  }
}
