package dev.parley.app.session;

import dev.parley.client.Conversation;
import dev.parley.client.ConversationList;
import dev.parley.client.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session as the UI sees it: one {@link ConversationModel} per conversation, their summaries
 * sorted for the list, the connection status, and the listeners, told of every change. Confined to
 * the UI thread: the client's observers reach it only through the dispatcher, so queries answer
 * from memory without locks.
 */
final class SessionModel {
  private static final Logger log = LoggerFactory.getLogger(SessionModel.class);
  private static final Comparator<ConversationSummary> NEWEST_FIRST =
      Comparator.comparing(ConversationSummary::lastActivity)
          .reversed()
          .thenComparing(ConversationSummary::id);

  private final ConversationList list;
  private final UserId self;
  private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, ConversationModel> models = new LinkedHashMap<>();
  private List<ConversationSummary> sorted;
  private ConnectionStatus connection =
      new ConnectionStatus(ConnectionStatus.Kind.CONNECTING, null, null);

  SessionModel(ConversationList list, UserId self) {
    this.list = list;
    this.self = self;
  }

  // ---- listeners ----

  void addListener(SessionListener listener) {
    listeners.add(listener);
  }

  void removeListener(SessionListener listener) {
    listeners.remove(listener);
  }

  /** Tells every listener; one that throws is logged and the others still hear. */
  void tell(Consumer<SessionListener> call) {
    for (SessionListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        log.warn("A session listener failed", e);
      }
    }
  }

  // ---- queries ----

  List<ConversationSummary> conversations() {
    if (sorted == null) {
      List<ConversationSummary> all = new ArrayList<>();
      for (ConversationModel m : models.values()) {
        if (m.summary() != null) {
          all.add(m.summary());
        }
      }
      all.sort(NEWEST_FIRST);
      sorted = List.copyOf(all);
    }
    return sorted;
  }

  Optional<ConversationSummary> conversation(String id) {
    ConversationModel m = models.get(id);
    return m == null ? Optional.empty() : Optional.ofNullable(m.summary());
  }

  /** The model of a conversation, made empty if not known yet. */
  ConversationModel model(String id) {
    return models.computeIfAbsent(id, ConversationModel::new);
  }

  /** The model, if the conversation is known. */
  Optional<ConversationModel> find(String id) {
    return Optional.ofNullable(models.get(id));
  }

  ConnectionStatus connection() {
    return connection;
  }

  // ---- changes ----

  /**
   * Adds or replaces timeline items and, if any changed, tells the listeners of each and then of
   * the conversation's new summary.
   */
  void upsert(String conversationId, List<? extends TimelineItem> items) {
    ConversationModel m = model(conversationId);
    List<TimelineItem> changed = new ArrayList<>();
    for (TimelineItem item : items) {
      if (item.eventId() != null) {
        m.sawEvent(item.eventId(), item.timestamp());
      }
      if (m.upsert(item)) {
        changed.add(item);
      }
    }
    for (TimelineItem item : changed) {
      tell(l -> l.timelineItemUpserted(item));
    }
    if (!changed.isEmpty()) {
      refresh(conversationId);
    }
  }

  /** Recomputes a conversation's summary and read receipts; tells the listeners what changed. */
  void refresh(String conversationId) {
    list.find(conversationId).ifPresent(this::refresh);
  }

  void refresh(Conversation c) {
    ConversationModel m = model(c.getId());
    ConversationSummary summary = SummaryMapper.summarize(c, m);
    if (m.setSummary(summary)) {
      sorted = null;
      tell(l -> l.conversationUpdated(summary));
    }
    Map<String, Instant> receipts = receiptsOf(c);
    if (m.setReceipts(receipts)) {
      tell(l -> l.readReceiptsChanged(c.getId(), m.receipts()));
    }
  }

  /** Every conversation containing this person, after their name or photo changed. */
  void refreshWith(String personId) {
    for (Conversation c : list.getAll(true)) {
      if (c.getUsers().stream().anyMatch(u -> u.getId().gaiaId().equals(personId))) {
        refresh(c);
      }
    }
  }

  void removed(String conversationId) {
    if (models.remove(conversationId) != null) {
      sorted = null;
      tell(l -> l.conversationRemoved(conversationId));
    }
  }

  void connection(ConnectionStatus status) {
    if (!status.equals(connection)) {
      connection = status;
      tell(l -> l.connectionChanged(status));
    }
  }

  private Map<String, Instant> receiptsOf(Conversation c) {
    Map<String, Instant> others = new LinkedHashMap<>();
    c.getWatermarks()
        .forEach(
            (user, at) -> {
              if (!user.equals(self)) {
                others.put(user.gaiaId(), at);
              }
            });
    return others;
  }
}
