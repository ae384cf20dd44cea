package dev.parley.app.session;

import dev.parley.client.ChatMessageSegment;
import dev.parley.client.ConversationTypeException;
import dev.parley.client.RequestRefusedException;
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

  /** Management requests, worded "rename c1 Trip", "leave c1", "quiet c1 true", ... */
  public final List<String> managed = new ArrayList<>();

  /** When set, every management request fails with it (and changes nothing). */
  public Throwable failManagement;

  /** When true, management requests never complete (the server has not answered yet). */
  public boolean holdManagement;

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
  public CompletableFuture<Void> setStatusMessage(String text) {
    return manageSelf("status " + text, () -> selfStatus = text.strip());
  }

  @Override
  public CompletableFuture<Void> setAvailable(boolean available) {
    return manageSelf("available " + available, () -> selfAvailable = available);
  }

  /** What the user set with {@link #setStatusMessage} and {@link #setAvailable}. */
  public String selfStatus = "";

  public boolean selfAvailable = true;

  private CompletableFuture<Void> manageSelf(String what, Runnable change) {
    managed.add(what);
    if (holdManagement) {
      return new CompletableFuture<>();
    }
    if (failManagement != null) {
      return CompletableFuture.failedFuture(failManagement);
    }
    change.run();
    PresenceInfo now = new PresenceInfo(selfAvailable, Instant.now(), selfStatus);
    setPresence(SELF.id(), now);
    return CompletableFuture.completedFuture(null);
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

  // ---- managing (applies the change and its system event, as the server would) ----

  /** The join link of a group, as {@link #groupLink} hands it out. */
  public static String joinLink(String conversationId) {
    return "http://127.0.0.1:1/join/" + conversationId;
  }

  /** Makes a group joinable by {@link #joinByLink} without the user being in it yet. */
  public FakeSessionService putJoinable(ConversationSummary summary) {
    joinable.put(summary.id(), summary);
    return this;
  }

  private final Map<String, ConversationSummary> joinable = new HashMap<>();

  @Override
  public CompletableFuture<Void> rename(String conversationId, String name) {
    return manage(
        "rename " + conversationId + " " + name,
        conversationId,
        false,
        c -> {
          String trimmed = name.strip();
          if (trimmed.length() > MAX_CONVERSATION_NAME_LENGTH) {
            throw new RequestRefusedException("a name is at most 1000 characters");
          }
          if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new RequestRefusedException("a name cannot contain control characters");
          }
          update(
              c,
              trimmed.isEmpty() ? null : trimmed,
              c.participants(),
              c.quiet(),
              c.offTheRecord(),
              c.linkSharing());
          systemEvent(
              conversationId,
              SystemEvent.Kind.RENAME,
              "You renamed the conversation to " + trimmed);
        });
  }

  @Override
  public CompletableFuture<Void> addPeople(String conversationId, List<String> personIds) {
    return manage(
        "add " + conversationId + " " + String.join(",", personIds),
        conversationId,
        true,
        c -> {
          List<Person> participants = new ArrayList<>(c.participants());
          for (String id : personIds) {
            if (!people.containsKey(id)) {
              throw new RequestRefusedException("no such person: " + id);
            }
            if (participants.stream().noneMatch(p -> p.id().equals(id))) {
              participants.add(person(id));
            }
          }
          update(c, c.customName(), participants, c.quiet(), c.offTheRecord(), c.linkSharing());
          systemEvent(conversationId, SystemEvent.Kind.MEMBERSHIP, "You added someone");
        });
  }

  @Override
  public CompletableFuture<Void> removePerson(String conversationId, String personId) {
    return manage(
        "remove " + conversationId + " " + personId,
        conversationId,
        true,
        c -> {
          if (c.participants().stream().noneMatch(p -> p.id().equals(personId))) {
            throw new RequestRefusedException("that person is not a participant");
          }
          List<Person> participants =
              c.participants().stream().filter(p -> !p.id().equals(personId)).toList();
          update(c, c.customName(), participants, c.quiet(), c.offTheRecord(), c.linkSharing());
          systemEvent(conversationId, SystemEvent.Kind.MEMBERSHIP, "You removed someone");
        });
  }

  @Override
  public CompletableFuture<Void> leave(String conversationId) {
    return manage(
        "leave " + conversationId, conversationId, true, c -> removeConversation(conversationId));
  }

  @Override
  public CompletableFuture<Void> deleteHistory(String conversationId) {
    return manage(
        "delete " + conversationId,
        conversationId,
        false,
        c -> {
          if (c.group()) {
            throw new ConversationTypeException("only a one-to-one conversation");
          }
          timelines.remove(conversationId);
          removeConversation(conversationId);
        });
  }

  @Override
  public CompletableFuture<Void> setQuiet(String conversationId, boolean quiet) {
    return manage(
        "quiet " + conversationId + " " + quiet,
        conversationId,
        false,
        c -> update(c, c.customName(), c.participants(), quiet, c.offTheRecord(), c.linkSharing()));
  }

  @Override
  public CompletableFuture<Void> setOffTheRecord(String conversationId, boolean offTheRecord) {
    return manage(
        "otr " + conversationId + " " + offTheRecord,
        conversationId,
        false,
        c -> {
          update(c, c.customName(), c.participants(), c.quiet(), offTheRecord, c.linkSharing());
          systemEvent(
              conversationId,
              SystemEvent.Kind.OFF_THE_RECORD,
              offTheRecord ? "You turned history off" : "You turned history on");
        });
  }

  @Override
  public CompletableFuture<Void> setLinkSharing(String conversationId, boolean enabled) {
    return manage(
        "link " + conversationId + " " + enabled,
        conversationId,
        true,
        c -> {
          update(c, c.customName(), c.participants(), c.quiet(), c.offTheRecord(), enabled);
          systemEvent(
              conversationId,
              SystemEvent.Kind.LINK_SHARING,
              enabled ? "You turned link sharing on" : "You turned link sharing off");
        });
  }

  @Override
  public CompletableFuture<String> groupLink(String conversationId) {
    CompletableFuture<String> result = new CompletableFuture<>();
    manage(
            "groupLink " + conversationId,
            conversationId,
            true,
            c -> {
              if (!c.linkSharing()) {
                throw new RequestRefusedException("link sharing is off for this conversation");
              }
            })
        .whenComplete(
            (v, failure) -> {
              if (failure != null) {
                result.completeExceptionally(failure);
              } else {
                result.complete(joinLink(conversationId));
              }
            });
    return result;
  }

  @Override
  public CompletableFuture<String> joinByLink(String url) {
    managed.add("join " + url);
    if (holdManagement) {
      return new CompletableFuture<>();
    }
    if (failManagement != null) {
      return CompletableFuture.failedFuture(failManagement);
    }
    String prefix = "/join/";
    int at = url.indexOf(prefix);
    if (at < 0 || at + prefix.length() >= url.length()) {
      return CompletableFuture.failedFuture(new RequestRefusedException("not a group link"));
    }
    String id = url.substring(at + prefix.length()).strip();
    ConversationSummary group = conversations.getOrDefault(id, joinable.get(id));
    if (group == null || !group.linkSharing()) {
      return CompletableFuture.failedFuture(
          new RequestRefusedException("this link does not work (any more)"));
    }
    if (!conversations.containsKey(id)) {
      List<Person> participants = new ArrayList<>(group.participants());
      if (participants.stream().noneMatch(Person::self)) {
        participants.add(SELF);
      }
      update(
          group,
          group.customName(),
          participants,
          group.quiet(),
          group.offTheRecord(),
          group.linkSharing());
      systemEvent(id, SystemEvent.Kind.MEMBERSHIP, "You joined");
    }
    return CompletableFuture.completedFuture(id);
  }

  /** A management request: recorded; refused, held or applied; completes at once. */
  private CompletableFuture<Void> manage(
      String what, String conversationId, boolean groupOnly, ManagementChange change) {
    managed.add(what);
    if (holdManagement) {
      return new CompletableFuture<>();
    }
    if (failManagement != null) {
      return CompletableFuture.failedFuture(failManagement);
    }
    ConversationSummary c = conversations.get(conversationId);
    if (c == null) {
      return CompletableFuture.failedFuture(
          new RequestRefusedException("no conversation " + conversationId));
    }
    if (groupOnly && !c.group()) {
      return CompletableFuture.failedFuture(
          new ConversationTypeException("that needs a group conversation"));
    }
    try {
      change.apply(c);
      return CompletableFuture.completedFuture(null);
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private interface ManagementChange {
    void apply(ConversationSummary c) throws Exception;
  }

  private void update(
      ConversationSummary c,
      String name,
      List<Person> participants,
      boolean quiet,
      boolean offTheRecord,
      boolean linkSharing) {
    putConversation(
        new ConversationSummary(
            c.id(),
            name,
            c.group(),
            participants,
            c.lastActivity(),
            c.lastMessageSender(),
            c.lastMessagePreview(),
            c.unreadCount(),
            quiet,
            c.archived(),
            offTheRecord,
            linkSharing));
  }

  private void systemEvent(String conversationId, SystemEvent.Kind kind, String text) {
    receive(
        new SystemEvent(
            conversationId, "ev-" + ids.incrementAndGet(), Instant.now(), kind, SELF, text));
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
