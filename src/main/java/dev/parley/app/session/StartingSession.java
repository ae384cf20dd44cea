package dev.parley.app.session;

import dev.parley.client.ChatMessageSegment;
import dev.parley.client.NetworkException;
import dev.parley.client.TypingStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The session while the app signs in: it answers from the conversation list saved at the last run
 * ({@link ListSnapshot}) so the window shows it at once, and becomes the real session when that is
 * ready ({@link #ready}) — forwarding every call and event to it, after announcing what changed
 * meanwhile and {@link SessionListener#stateReloaded()}.
 *
 * <p>Before then: history, images, marking read and presence wait for the real session; messages
 * written are shown pending and sent, in order, when it is ready; management requests wait while
 * the first sign-in attempt runs and fail with {@link NetworkException} once one has failed (the
 * server is unreachable: {@link #retrying}). UI thread only, like every {@link SessionService}.
 */
public final class StartingSession implements SessionService {
  private final ListSnapshot snapshot;
  private final Map<String, ConversationSummary> byId = new HashMap<>();
  private final Map<String, Person> people = new HashMap<>();
  private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
  private final CompletableFuture<SessionService> ready = new CompletableFuture<>();
  private final List<QueuedSend> queued = new ArrayList<>();
  private final Runnable retryNow;
  private final SessionListener forwarder = new Forwarder();
  private ConnectionStatus status =
      new ConnectionStatus(ConnectionStatus.Kind.CONNECTING, null, null);
  private SessionService real;
  private boolean closed;
  private long nextQueuedId;

  /**
   * @param retryNow asked to try signing in again at once ("Retry now" while unreachable)
   */
  public StartingSession(ListSnapshot snapshot, Runnable retryNow) {
    this.snapshot = snapshot;
    this.retryNow = retryNow;
    for (ConversationSummary c : snapshot.conversations()) {
      byId.put(c.id(), c);
      c.participants().forEach(p -> people.putIfAbsent(p.id(), p));
    }
    people.put(snapshot.self().id(), snapshot.self());
  }

  /** The saved list this session started from. */
  public ListSnapshot snapshot() {
    return snapshot;
  }

  /** Whether the real session has taken over. */
  public boolean isReady() {
    return real != null;
  }

  /**
   * The real session takes over: queued messages are sent, conversations gone since the snapshot
   * are removed and the others announced, then {@link SessionListener#stateReloaded()}.
   */
  public void ready(SessionService session) {
    if (closed || real != null) {
      session.close();
      return;
    }
    real = session;
    session.addListener(forwarder);
    for (QueuedSend q : queued) {
      session.send(q.conversationId(), q.markup(), q.image(), q.progress());
    }
    queued.clear();
    Set<String> now = new HashSet<>();
    List<ConversationSummary> current = session.conversations();
    current.forEach(c -> now.add(c.id()));
    for (ConversationSummary c : snapshot.conversations()) {
      if (!now.contains(c.id())) {
        listeners.forEach(l -> l.conversationRemoved(c.id()));
      }
    }
    for (ConversationSummary c : current) {
      listeners.forEach(l -> l.conversationUpdated(c));
    }
    ConnectionStatus connection = session.connectionStatus();
    listeners.forEach(l -> l.connectionChanged(connection));
    listeners.forEach(SessionListener::stateReloaded);
    ready.complete(session);
  }

  /**
   * Signing in failed for now (the server cannot be reached); the next attempt is due at {@code
   * next}.
   */
  public void retrying(Instant next, String reason) {
    if (real != null || closed) {
      return;
    }
    status = new ConnectionStatus(ConnectionStatus.Kind.RECONNECTING, next, reason);
    listeners.forEach(l -> l.connectionChanged(status));
  }

  /** A new sign-in attempt has begun. */
  public void connecting() {
    if (real != null || closed) {
      return;
    }
    status = new ConnectionStatus(ConnectionStatus.Kind.CONNECTING, null, status.reason());
    listeners.forEach(l -> l.connectionChanged(status));
  }

  // ---- answered from the snapshot until ready ----

  @Override
  public Person self() {
    return real != null ? real.self() : snapshot.self();
  }

  @Override
  public String serverUrl() {
    return real != null ? real.serverUrl() : snapshot.serverUrl();
  }

  @Override
  public List<ConversationSummary> conversations() {
    return real != null ? real.conversations() : snapshot.conversations();
  }

  @Override
  public Optional<ConversationSummary> conversation(String conversationId) {
    return real != null
        ? real.conversation(conversationId)
        : Optional.ofNullable(byId.get(conversationId));
  }

  @Override
  public List<TimelineItem> timeline(String conversationId) {
    if (real != null) {
      return real.timeline(conversationId);
    }
    List<TimelineItem> pending = new ArrayList<>();
    for (QueuedSend q : queued) {
      if (q.conversationId().equals(conversationId)) {
        pending.add(q.message());
      }
    }
    return pending;
  }

  @Override
  public Map<String, Instant> readReceipts(String conversationId) {
    return real != null ? real.readReceipts(conversationId) : Map.of();
  }

  @Override
  public List<Person> typing(String conversationId) {
    return real != null ? real.typing(conversationId) : List.of();
  }

  @Override
  public Person person(String personId) {
    if (real != null) {
      return real.person(personId);
    }
    Person known = people.get(personId);
    return known != null ? known : new Person(personId, null, null, null, null, false);
  }

  @Override
  public PresenceInfo presence(String personId) {
    return real != null ? real.presence(personId) : PresenceInfo.unknown();
  }

  @Override
  public ConnectionStatus connectionStatus() {
    return real != null ? real.connectionStatus() : status;
  }

  // ---- waiting for the real session ----

  @Override
  public CompletableFuture<HistoryPage> loadOlder(String conversationId, int max) {
    // The view reads the timeline again when the real session arrives; a page asked for before
    // then is answered empty (not "reached the start") and superseded.
    return real != null
        ? real.loadOlder(conversationId, max)
        : ready.thenApply(s -> new HistoryPage(List.of(), false));
  }

  @Override
  public CompletableFuture<Void> markRead(String conversationId) {
    return whenReady(s -> s.markRead(conversationId));
  }

  @Override
  public void refreshPresence(List<String> personIds) {
    List<String> ids = List.copyOf(personIds);
    if (real != null) {
      real.refreshPresence(ids);
    } else {
      ready.thenAccept(s -> s.refreshPresence(ids));
    }
  }

  @Override
  public CompletableFuture<byte[]> fetchImage(String url) {
    // Never failed early: an image loader would remember the failure as a broken image.
    return whenReady(s -> s.fetchImage(url));
  }

  @Override
  public ChatMessage send(
      String conversationId, String markup, OutgoingImage image, BiConsumer<Long, Long> progress) {
    if (real != null) {
      return real.send(conversationId, markup, image, progress);
    }
    ChatMessage message =
        new ChatMessage(
            conversationId,
            null,
            "starting-" + nextQueuedId++,
            snapshot.self(),
            Instant.now(),
            ChatMessageSegment.fromString(markup == null ? "" : markup),
            List.of(),
            false,
            SendState.PENDING,
            null);
    queued.add(new QueuedSend(conversationId, markup, image, progress, message));
    listeners.forEach(l -> l.timelineItemUpserted(message));
    return message;
  }

  @Override
  public void retry(String conversationId, String clientGeneratedId) {
    if (real != null) {
      real.retry(conversationId, clientGeneratedId);
    }
  }

  @Override
  public void setTyping(String conversationId, TypingStatus status) {
    if (real != null) {
      real.setTyping(conversationId, status);
    }
  }

  @Override
  public void setActive() {
    if (real != null) {
      real.setActive();
    }
  }

  @Override
  public void reconnectNow() {
    if (real != null) {
      real.reconnectNow();
    } else if (status.kind() == ConnectionStatus.Kind.RECONNECTING) {
      retryNow.run();
    }
  }

  // ---- requests: wait while starting, fail once the server proved unreachable ----

  @Override
  public CompletableFuture<List<Person>> searchPeople(String query, int max) {
    return request(s -> s.searchPeople(query, max));
  }

  @Override
  public CompletableFuture<Void> setStatusMessage(String text) {
    return request(s -> s.setStatusMessage(text));
  }

  @Override
  public CompletableFuture<Void> setAvailable(boolean available) {
    return request(s -> s.setAvailable(available));
  }

  @Override
  public CompletableFuture<List<Person>> suggestedPeople(int max) {
    return request(s -> s.suggestedPeople(max));
  }

  @Override
  public CompletableFuture<String> createConversation(List<String> personIds, String groupName) {
    List<String> ids = List.copyOf(personIds);
    return request(s -> s.createConversation(ids, groupName));
  }

  @Override
  public CompletableFuture<Void> rename(String conversationId, String name) {
    return request(s -> s.rename(conversationId, name));
  }

  @Override
  public CompletableFuture<Void> addPeople(String conversationId, List<String> personIds) {
    List<String> ids = List.copyOf(personIds);
    return request(s -> s.addPeople(conversationId, ids));
  }

  @Override
  public CompletableFuture<Void> removePerson(String conversationId, String personId) {
    return request(s -> s.removePerson(conversationId, personId));
  }

  @Override
  public CompletableFuture<Void> leave(String conversationId) {
    return request(s -> s.leave(conversationId));
  }

  @Override
  public CompletableFuture<Void> deleteHistory(String conversationId) {
    return request(s -> s.deleteHistory(conversationId));
  }

  @Override
  public CompletableFuture<Void> setQuiet(String conversationId, boolean quiet) {
    return request(s -> s.setQuiet(conversationId, quiet));
  }

  @Override
  public CompletableFuture<Void> setOffTheRecord(String conversationId, boolean offTheRecord) {
    return request(s -> s.setOffTheRecord(conversationId, offTheRecord));
  }

  @Override
  public CompletableFuture<Void> setLinkSharing(String conversationId, boolean enabled) {
    return request(s -> s.setLinkSharing(conversationId, enabled));
  }

  @Override
  public CompletableFuture<String> groupLink(String conversationId) {
    return request(s -> s.groupLink(conversationId));
  }

  @Override
  public CompletableFuture<String> joinByLink(String url) {
    return request(s -> s.joinByLink(url));
  }

  @Override
  public void addListener(SessionListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(SessionListener listener) {
    listeners.remove(listener);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (real != null) {
      real.removeListener(forwarder);
      real.close();
    }
    ready.cancel(false);
  }

  private <T> CompletableFuture<T> whenReady(Function<SessionService, CompletableFuture<T>> call) {
    return real != null ? call.apply(real) : ready.thenCompose(call);
  }

  private <T> CompletableFuture<T> request(Function<SessionService, CompletableFuture<T>> call) {
    if (real == null && status.kind() == ConnectionStatus.Kind.RECONNECTING) {
      return CompletableFuture.failedFuture(
          new NetworkException("not connected to the server yet: " + status.reason()));
    }
    return whenReady(call);
  }

  private record QueuedSend(
      String conversationId,
      String markup,
      OutgoingImage image,
      BiConsumer<Long, Long> progress,
      ChatMessage message) {}

  /** Hands the real session's events on to this session's listeners. */
  private final class Forwarder implements SessionListener {
    @Override
    public void conversationUpdated(ConversationSummary summary) {
      listeners.forEach(l -> l.conversationUpdated(summary));
    }

    @Override
    public void conversationRemoved(String conversationId) {
      listeners.forEach(l -> l.conversationRemoved(conversationId));
    }

    @Override
    public void timelineItemUpserted(TimelineItem item) {
      listeners.forEach(l -> l.timelineItemUpserted(item));
    }

    @Override
    public void typingChanged(String conversationId, List<Person> typing) {
      listeners.forEach(l -> l.typingChanged(conversationId, typing));
    }

    @Override
    public void readReceiptsChanged(String conversationId, Map<String, Instant> readUpTo) {
      listeners.forEach(l -> l.readReceiptsChanged(conversationId, readUpTo));
    }

    @Override
    public void presenceChanged(String personId, PresenceInfo presence) {
      listeners.forEach(l -> l.presenceChanged(personId, presence));
    }

    @Override
    public void stateReloaded() {
      listeners.forEach(SessionListener::stateReloaded);
    }

    @Override
    public void connectionChanged(ConnectionStatus status) {
      listeners.forEach(l -> l.connectionChanged(status));
    }

    @Override
    public void activeClientChanged(boolean thisClientActive) {
      listeners.forEach(l -> l.activeClientChanged(thisClientActive));
    }
  }
}
