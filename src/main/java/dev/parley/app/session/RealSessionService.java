package dev.parley.app.session;

import dev.parley.app.ScheduledUiTimer;
import dev.parley.app.UiDispatcher;
import dev.parley.client.ChatMessageSegment;
import dev.parley.client.Client;
import dev.parley.client.ClientOptions;
import dev.parley.client.ConnectionState;
import dev.parley.client.Conversation;
import dev.parley.client.ConversationLists;
import dev.parley.client.Cookies;
import dev.parley.client.RequestRefusedException;
import dev.parley.client.TypingStatus;
import dev.parley.client.UserId;
import dev.parley.client.UserList;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SessionService} of a real server: a {@link Client} whose {@code connect()} runs on a
 * daemon thread of its own, and the {@link ConversationLists} built from it.
 *
 * <p>Threading: the library calls its observers on its own threads; {@link IncomingEvents} maps
 * what they carry there and hands it to the UI thread through the {@link UiDispatcher}, where all
 * of this session's state lives ({@link SessionModel}, {@link Outbox}, {@link HistoryLoader}). So
 * queries answer from memory, listeners and futures only ever run on the UI thread, and no network
 * thread ever waits for the UI. Every method is to be called on the UI thread.
 */
public final class RealSessionService implements SessionService {
  private static final Logger log = LoggerFactory.getLogger(RealSessionService.class);

  /** The bound of the image cache. */
  public static final long MEDIA_CACHE_BYTES = 100L * 1024 * 1024;

  /** How long a "typing" lasts without being repeated. */
  static final Duration TYPING_EXPIRY = Duration.ofSeconds(15);

  /** How many recent events are loaded to count a conversation's unread messages. */
  static final int UNREAD_HISTORY = 50;

  private final Client client;
  private final ConversationLists lists;
  private final UiDispatcher ui;
  private final Thread connectThread;
  private final ScheduledUiTimer timer;
  private final People people;
  private final SessionModel model;
  private final TypingTracker typing;
  private final Outbox outbox;
  private final HistoryLoader history;
  private final IncomingEvents incoming;
  private final Management management;
  private boolean closed;

  RealSessionService(
      Client client,
      ConversationLists lists,
      UiDispatcher ui,
      Thread connectThread,
      Duration typingExpiry) {
    this.client = client;
    this.lists = lists;
    this.ui = ui;
    this.connectThread = connectThread;
    this.timer = new ScheduledUiTimer(ui);
    UserId self = lists.userList().getSelf().getId();
    this.people = new People(lists.userList());
    TimelineMapper mapper = new TimelineMapper(people);
    this.model = new SessionModel(lists.conversationList(), self);
    this.typing = new TypingTracker(typingExpiry);
    this.outbox =
        new Outbox(
            lists.conversationList(),
            model,
            mapper,
            people,
            ui,
            timer,
            client::getClientGeneratedId);
    SystemLineRewording rewording = new SystemLineRewording(mapper, model);
    this.history =
        new HistoryLoader(lists.conversationList(), model, mapper, ui, UNREAD_HISTORY, rewording);
    this.incoming =
        new IncomingEvents(model, outbox, mapper, people, typing, ui, timer, self, rewording);
    this.management = new Management(lists.conversationList(), model, ui);
    incoming.observe(client, lists);
    ConnectionState state = client.connectionState();
    if (state.kind() != ConnectionState.Kind.DISCONNECTED) { // else connect() is yet to begin
      model.connection(IncomingEvents.status(state));
    }

    history.loadInitial(lists.conversationList().getAll(true));
    Set<UserId> others = new LinkedHashSet<>();
    for (ConversationSummary summary : model.conversations()) {
      summary.others().forEach(p -> others.add(UserId.of(p.id())));
    }
    if (!others.isEmpty()) {
      lists.userList().queryPresence(others).exceptionally(RealSessionService::ignored);
    }
  }

  /**
   * Connects to {@code serverUrl} as the holder of {@code cookies}, with images cached under {@code
   * cacheDir} (a directory per account), and completes on the UI thread once the conversation list
   * is built, or exceptionally with the library's exception when it cannot be.
   */
  public static CompletableFuture<RealSessionService> start(
      String serverUrl, Cookies cookies, UiDispatcher ui, Path cacheDir) {
    return start(
        ClientOptions.builder(serverUrl, cookies)
            .mediaCache(cacheDir.resolve("media"), MEDIA_CACHE_BYTES)
            .build(),
        ui);
  }

  /** Like {@link #start(String, Cookies, UiDispatcher, Path)} with options of one's own. */
  public static CompletableFuture<RealSessionService> start(
      ClientOptions options, UiDispatcher ui) {
    return start(options, ui, TYPING_EXPIRY);
  }

  static CompletableFuture<RealSessionService> start(
      ClientOptions options, UiDispatcher ui, Duration typingExpiry) {
    return SessionStart.start(options, ui, typingExpiry);
  }

  // ---- SessionService ----

  @Override
  public Person self() {
    return people.self();
  }

  @Override
  public String serverUrl() {
    return client.options().serverUrl();
  }

  @Override
  public List<ConversationSummary> conversations() {
    return model.conversations();
  }

  @Override
  public Optional<ConversationSummary> conversation(String conversationId) {
    return model.conversation(conversationId);
  }

  @Override
  public List<TimelineItem> timeline(String conversationId) {
    return model.find(conversationId).map(ConversationModel::timeline).orElse(List.of());
  }

  @Override
  public CompletableFuture<HistoryPage> loadOlder(String conversationId, int max) {
    return history.loadOlder(conversationId, max);
  }

  @Override
  public Map<String, Instant> readReceipts(String conversationId) {
    return model.find(conversationId).map(ConversationModel::receipts).orElse(Map.of());
  }

  @Override
  public List<Person> typing(String conversationId) {
    return incoming.typing(conversationId);
  }

  @Override
  public ChatMessage send(
      String conversationId, String markup, OutgoingImage image, BiConsumer<Long, Long> progress) {
    return outbox.send(conversationId, markup, image, progress);
  }

  @Override
  public void retry(String conversationId, String clientGeneratedId) {
    outbox.retry(conversationId, clientGeneratedId);
  }

  @Override
  public void setTyping(String conversationId, TypingStatus status) {
    if (!closed) {
      lists
          .conversationList()
          .find(conversationId)
          .ifPresent(c -> c.setTyping(status).exceptionally(RealSessionService::ignored));
    }
  }

  @Override
  public CompletableFuture<Void> markRead(String conversationId) {
    Optional<Conversation> conversation = lists.conversationList().find(conversationId);
    if (conversation.isEmpty()) {
      return UiFutures.failed(new RequestRefusedException("no conversation " + conversationId), ui);
    }
    CompletableFuture<Void> request = conversation.get().updateReadTimestamp();
    model.refresh(conversation.get()); // the library moved the read timestamp at once
    return UiFutures.onUi(request, ui);
  }

  @Override
  public void setActive() {
    if (!closed) {
      client.setActive().exceptionally(RealSessionService::ignored);
    }
  }

  @Override
  public Person person(String personId) {
    return people.person(personId);
  }

  @Override
  public PresenceInfo presence(String personId) {
    return lists
        .userList()
        .getPresence(UserId.of(personId))
        .map(People::presence)
        .orElseGet(PresenceInfo::unknown);
  }

  @Override
  public void refreshPresence(List<String> personIds) {
    if (!closed && !personIds.isEmpty()) {
      lists
          .userList()
          .queryPresence(personIds.stream().map(UserId::of).toList())
          .exceptionally(RealSessionService::ignored);
    }
  }

  @Override
  public CompletableFuture<List<Person>> searchPeople(String query, int max) {
    UserList users = lists.userList();
    return UiFutures.onUi(
        users.searchPeople(query, max).thenApply(found -> found.stream().map(People::of).toList()),
        ui);
  }

  @Override
  public CompletableFuture<Void> setStatusMessage(String text) {
    String plain = text == null ? "" : text.strip();
    List<ChatMessageSegment> segments =
        plain.isEmpty() ? List.of() : List.of(ChatMessageSegment.text(plain));
    return UiFutures.onUi(lists.userList().setStatusMessage(segments), ui);
  }

  @Override
  public CompletableFuture<Void> setAvailable(boolean available) {
    UserList users = lists.userList();
    CompletableFuture<Void> request =
        available
            ? users.setDoNotDisturb(false, null).thenCompose(v -> users.setPresence(true, null))
            : users.setDoNotDisturb(true, null);
    return UiFutures.onUi(request, ui);
  }

  @Override
  public CompletableFuture<List<Person>> suggestedPeople(int max) {
    UserList users = lists.userList();
    return UiFutures.onUi(
        users.suggestedPeople(max).thenApply(found -> found.stream().map(People::of).toList()), ui);
  }

  @Override
  public CompletableFuture<String> createConversation(List<String> personIds, String groupName) {
    List<UserId> ids = personIds.stream().map(UserId::of).toList();
    CompletableFuture<Conversation> created =
        ids.size() == 1 && groupName == null
            ? lists.conversationList().createOneToOne(ids.get(0))
            : lists.conversationList().createGroup(ids, groupName);
    return UiFutures.onUi(
        created,
        ui,
        conversation -> {
          model.refresh(conversation); // listed before the caller opens it
          return conversation.getId();
        });
  }

  @Override
  public CompletableFuture<Void> rename(String conversationId, String name) {
    return management.rename(conversationId, name);
  }

  @Override
  public CompletableFuture<Void> addPeople(String conversationId, List<String> personIds) {
    return management.addPeople(conversationId, personIds);
  }

  @Override
  public CompletableFuture<Void> removePerson(String conversationId, String personId) {
    return management.removePerson(conversationId, personId);
  }

  @Override
  public CompletableFuture<Void> leave(String conversationId) {
    return management.leave(conversationId);
  }

  @Override
  public CompletableFuture<Void> deleteHistory(String conversationId) {
    return management.deleteHistory(conversationId);
  }

  @Override
  public CompletableFuture<Void> setQuiet(String conversationId, boolean quiet) {
    return management.setQuiet(conversationId, quiet);
  }

  @Override
  public CompletableFuture<Void> setOffTheRecord(String conversationId, boolean offTheRecord) {
    return management.setOffTheRecord(conversationId, offTheRecord);
  }

  @Override
  public CompletableFuture<Void> setLinkSharing(String conversationId, boolean enabled) {
    return management.setLinkSharing(conversationId, enabled);
  }

  @Override
  public CompletableFuture<String> groupLink(String conversationId) {
    return management.groupLink(conversationId);
  }

  @Override
  public CompletableFuture<String> joinByLink(String url) {
    return management.joinByLink(url);
  }

  @Override
  public CompletableFuture<byte[]> fetchImage(String url) {
    return UiFutures.onUi(client.fetchMedia(url), ui);
  }

  @Override
  public ConnectionStatus connectionStatus() {
    return model.connection();
  }

  @Override
  public void reconnectNow() {
    client.reconnectNow();
  }

  @Override
  public void addListener(SessionListener listener) {
    model.addListener(listener);
  }

  @Override
  public void removeListener(SessionListener listener) {
    model.removeListener(listener);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    incoming.close();
    outbox.close();
    lists.close();
    client.disconnect();
    timer.close();
    model.connection(new ConnectionStatus(ConnectionStatus.Kind.OFFLINE, null, "closed"));
  }

  /** The thread {@code connect()} runs on; it ends soon after {@link #close()}. */
  Thread connectThread() {
    return connectThread;
  }

  Client client() {
    return client;
  }

  private static <T> T ignored(Throwable failure) {
    log.debug("Ignoring a failed background request: {}", failure.toString());
    return null;
  }
}
