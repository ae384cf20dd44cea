package dev.parley.app.session;

import dev.parley.client.ChatMessageSegment;
import dev.parley.client.TypingStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * An in-memory {@link SessionService} for ViewModel tests: everything happens at once on the
 * calling thread. Tests feed it with {@link #putConversation}, {@link #receive} and friends, and
 * read what the ViewModel did from the recorded lists.
 */
public final class FakeSessionService implements SessionService {
  public static final Person SELF = person("me", "Sam Taylor", true);

  private final Map<String, ConversationSummary> conversations = new LinkedHashMap<>();
  private final Map<String, List<TimelineItem>> timelines = new HashMap<>();
  private final Map<String, List<TimelineItem>> olderHistory = new HashMap<>();
  private final Map<String, Map<String, Instant>> receipts = new HashMap<>();
  private final Map<String, List<Person>> typing = new HashMap<>();
  private final Map<String, Person> people = new HashMap<>();
  private final Map<String, PresenceInfo> presence = new HashMap<>();
  private final Map<String, byte[]> images = new HashMap<>();
  private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong();
  private ConnectionStatus connection = ConnectionStatus.connected();

  /** What the ViewModels asked for. */
  public final List<ChatMessage> sent = new ArrayList<>();

  public final List<String> markedRead = new ArrayList<>();
  public final List<String> typingSent = new ArrayList<>();
  public final List<String> retried = new ArrayList<>();
  public final List<List<String>> created = new ArrayList<>();
  public final List<String> presenceRefreshed = new ArrayList<>();
  public int setActiveCalls;
  public int reconnectNowCalls;
  public boolean closed;

  /** When true, sends complete as FAILED instead of SENT. */
  public boolean failSends;

  /** When true, sends stay PENDING (the server has not answered yet). */
  public boolean holdSends;

  public FakeSessionService() {
    people.put(SELF.id(), SELF);
  }

  public static Person person(String id, String name, boolean self) {
    return new Person(id, name, null, id + "@parley.local", null, self);
  }

  // ---- feeding ----

  public FakeSessionService putPerson(Person person) {
    people.put(person.id(), person);
    return this;
  }

  public FakeSessionService putConversation(ConversationSummary summary) {
    conversations.put(summary.id(), summary);
    summary.participants().forEach(this::putPerson);
    listeners.forEach(l -> l.conversationUpdated(summary));
    return this;
  }

  public void removeConversation(String id) {
    conversations.remove(id);
    listeners.forEach(l -> l.conversationRemoved(id));
  }

  /** Adds an item to the loaded history and tells the listeners. */
  public void receive(TimelineItem item) {
    List<TimelineItem> timeline =
        timelines.computeIfAbsent(item.conversationId(), k -> new ArrayList<>());
    timeline.removeIf(existing -> existing.key().equals(item.key()));
    timeline.add(item);
    timeline.sort(Comparator.comparing(TimelineItem::timestamp));
    listeners.forEach(l -> l.timelineItemUpserted(item));
  }

  /** History {@link #loadOlder} hands out, oldest first. */
  public void putOlderHistory(String conversationId, List<TimelineItem> items) {
    olderHistory.put(conversationId, new ArrayList<>(items));
  }

  public void setTypingPeople(String conversationId, List<Person> who) {
    typing.put(conversationId, List.copyOf(who));
    listeners.forEach(l -> l.typingChanged(conversationId, List.copyOf(who)));
  }

  public void setReceipts(String conversationId, Map<String, Instant> readUpTo) {
    receipts.put(conversationId, Map.copyOf(readUpTo));
    listeners.forEach(l -> l.readReceiptsChanged(conversationId, Map.copyOf(readUpTo)));
  }

  public void setPresence(String personId, PresenceInfo info) {
    presence.put(personId, info);
    listeners.forEach(l -> l.presenceChanged(personId, info));
  }

  public void setConnection(ConnectionStatus status) {
    connection = status;
    listeners.forEach(l -> l.connectionChanged(status));
  }

  public void putImage(String url, byte[] bytes) {
    images.put(url, bytes);
  }

  /** A chat message from someone, at a time. */
  public ChatMessage messageFrom(Person sender, String conversationId, String text, Instant at) {
    return new ChatMessage(
        conversationId,
        "ev-" + ids.incrementAndGet(),
        null,
        sender,
        at,
        ChatMessageSegment.fromString(text),
        List.of(),
        false,
        SendState.SENT,
        null);
  }

  public int listenerCount() {
    return listeners.size();
  }

  // ---- SessionService ----

  @Override
  public Person self() {
    return SELF;
  }

  @Override
  public String serverUrl() {
    return "http://127.0.0.1:1";
  }

  @Override
  public List<ConversationSummary> conversations() {
    return conversations.values().stream()
        .sorted(Comparator.comparing(ConversationSummary::lastActivity).reversed())
        .toList();
  }

  @Override
  public Optional<ConversationSummary> conversation(String conversationId) {
    return Optional.ofNullable(conversations.get(conversationId));
  }

  @Override
  public List<TimelineItem> timeline(String conversationId) {
    return List.copyOf(timelines.getOrDefault(conversationId, List.of()));
  }

  @Override
  public CompletableFuture<HistoryPage> loadOlder(String conversationId, int max) {
    List<TimelineItem> older = olderHistory.getOrDefault(conversationId, new ArrayList<>());
    int from = Math.max(0, older.size() - max);
    List<TimelineItem> page = new ArrayList<>(older.subList(from, older.size()));
    older.subList(from, older.size()).clear();
    timelines.computeIfAbsent(conversationId, k -> new ArrayList<>()).addAll(0, page);
    return CompletableFuture.completedFuture(new HistoryPage(page, older.isEmpty()));
  }

  @Override
  public Map<String, Instant> readReceipts(String conversationId) {
    return receipts.getOrDefault(conversationId, Map.of());
  }

  @Override
  public List<Person> typing(String conversationId) {
    return typing.getOrDefault(conversationId, List.of());
  }

  @Override
  public ChatMessage send(
      String conversationId, String markup, OutgoingImage image, BiConsumer<Long, Long> progress) {
    String cgid = "cg-" + ids.incrementAndGet();
    ChatMessage pending =
        new ChatMessage(
            conversationId,
            null,
            cgid,
            SELF,
            Instant.now(),
            ChatMessageSegment.fromString(markup),
            List.of(),
            false,
            SendState.PENDING,
            null);
    sent.add(pending);
    receive(pending);
    if (image != null && progress != null) {
      progress.accept((long) image.bytes().length, (long) image.bytes().length);
    }
    if (!holdSends) {
      receive(
          failSends
              ? pending.withState(SendState.FAILED, "network down")
              : new ChatMessage(
                  conversationId,
                  "ev-" + ids.incrementAndGet(),
                  cgid,
                  SELF,
                  pending.timestamp(),
                  pending.segments(),
                  List.of(),
                  false,
                  SendState.SENT,
                  null));
    }
    return pending;
  }

  @Override
  public void retry(String conversationId, String clientGeneratedId) {
    retried.add(clientGeneratedId);
  }

  @Override
  public void setTyping(String conversationId, TypingStatus status) {
    typingSent.add(conversationId + ":" + status);
  }

  @Override
  public CompletableFuture<Void> markRead(String conversationId) {
    markedRead.add(conversationId);
    ConversationSummary summary = conversations.get(conversationId);
    if (summary != null && summary.unreadCount() != 0) {
      putConversation(summary.withUnreadCount(0));
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void setActive() {
    setActiveCalls++;
  }

  @Override
  public Person person(String personId) {
    return people.getOrDefault(personId, new Person(personId, null, null, null, null, false));
  }

  @Override
  public PresenceInfo presence(String personId) {
    return presence.getOrDefault(personId, PresenceInfo.unknown());
  }

  @Override
  public void refreshPresence(List<String> personIds) {
    presenceRefreshed.addAll(personIds);
  }

  @Override
  public CompletableFuture<List<Person>> searchPeople(String query, int max) {
    String q = query.toLowerCase();
    return CompletableFuture.completedFuture(
        people.values().stream()
            .filter(p -> !p.self())
            .filter(p -> p.fullName().toLowerCase().contains(q) || p.email().contains(q))
            .sorted(Comparator.comparing(Person::fullName))
            .limit(max)
            .toList());
  }

  @Override
  public CompletableFuture<List<Person>> suggestedPeople(int max) {
    return CompletableFuture.completedFuture(
        people.values().stream()
            .filter(p -> !p.self())
            .sorted(Comparator.comparing(Person::fullName))
            .limit(max)
            .toList());
  }

  @Override
  public CompletableFuture<String> createConversation(List<String> personIds, String groupName) {
    created.add(List.copyOf(personIds));
    String id = "conv-" + ids.incrementAndGet();
    List<Person> participants = new ArrayList<>();
    participants.add(SELF);
    personIds.forEach(p -> participants.add(person(p)));
    putConversation(
        new ConversationSummary(
            id,
            groupName,
            groupName != null || personIds.size() > 1,
            participants,
            Instant.now(),
            null,
            "",
            0,
            false,
            false,
            false,
            false));
    return CompletableFuture.completedFuture(id);
  }

  @Override
  public CompletableFuture<byte[]> fetchImage(String url) {
    byte[] bytes = images.get(url);
    return bytes != null
        ? CompletableFuture.completedFuture(bytes)
        : CompletableFuture.failedFuture(new IllegalStateException("no image " + url));
  }

  @Override
  public ConnectionStatus connectionStatus() {
    return connection;
  }

  @Override
  public void reconnectNow() {
    reconnectNowCalls++;
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
    closed = true;
  }
}
