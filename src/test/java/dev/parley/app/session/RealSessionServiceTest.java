package dev.parley.app.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.app.UiDispatcher;
import dev.parley.client.AuthenticationException;
import dev.parley.client.BackoffPolicy;
import dev.parley.client.ChatMessageEvent;
import dev.parley.client.ChatMessageSegment;
import dev.parley.client.Client;
import dev.parley.client.ClientOptions;
import dev.parley.client.ConnectionState;
import dev.parley.client.Conversation;
import dev.parley.client.ConversationEvent;
import dev.parley.client.ConversationLists;
import dev.parley.client.Cookies;
import dev.parley.client.RecordingObserver;
import dev.parley.client.RequestRefusedException;
import dev.parley.client.TypingStatus;
import dev.parley.client.UserId;
import dev.parley.server.storage.Account;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session against a real server: Alice uses the app's session, Bob (and sometimes Carol, or
 * Alice on another device) the client library. The session's UI thread is a single-thread executor;
 * every listener callback must arrive on it.
 */
class RealSessionServiceTest {
  private static final String UI_THREAD = "test-ui";
  private static final Duration WAIT = RecordingSessionListener.WAIT;
  private static final BackoffPolicy FAST =
      new BackoffPolicy(Duration.ofMillis(50), Duration.ofMillis(400), 0);
  private static final Duration TYPING_EXPIRY = Duration.ofSeconds(2);

  @TempDir Path dir;
  private RestartableServer server;
  private ExecutorService uiThread;
  private UiDispatcher ui;
  private Account alice;
  private Account bob;
  private Peer bobPeer;
  private final List<Peer> peers = new ArrayList<>();
  private RealSessionService session;
  private final RecordingSessionListener events = new RecordingSessionListener(UI_THREAD);

  /** Someone using the client library directly. */
  private record Peer(Client client, ConversationLists lists, Thread thread) {
    Conversation conversation(String id) {
      return lists.conversationList().get(id);
    }
  }

  @BeforeEach
  void start() throws Exception {
    server = new RestartableServer(dir);
    alice = server.createAccount("alice@example.org", "Alice Liddell");
    bob = server.createAccount("bob@example.org", "Bob Builder");
    uiThread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, UI_THREAD);
              t.setDaemon(true);
              return t;
            });
    ui = uiThread::execute;
    bobPeer = peer(bob.email(), true);
  }

  @AfterEach
  void stop() throws Exception {
    if (session != null) {
      onUi(
          () -> {
            session.close();
            return null;
          });
      session.connectThread().join(TimeUnit.SECONDS.toMillis(10));
      assertThat(session.connectThread().isAlive()).as("connect() returned").isFalse();
    }
    for (Peer peer : peers) {
      peer.lists().close();
      peer.client().disconnect();
      if (peer.thread() != null) {
        peer.thread().join(TimeUnit.SECONDS.toMillis(10));
      }
    }
    server.close();
    uiThread.shutdownNow();
    events.assertAllOnUiThread();
  }

  // ---- the conversation list ----

  @Test
  void conversationsAreListedNewestFirstWithTheirUnreadCounts() throws Exception {
    Conversation trip = group(bobPeer, "Trip", alice);
    send(trip, "b1");
    Conversation chat = oneToOne(bobPeer, alice);
    send(chat, "a1", "a2", "a3");

    startSession();

    awaitSummary(chat.getId(), s -> s.unreadCount() == 3, "three unread");
    awaitSummary(trip.getId(), s -> s.unreadCount() == 1, "one unread");
    List<ConversationSummary> list = onUi(session::conversations);
    assertThat(list)
        .extracting(ConversationSummary::id)
        .containsExactly(chat.getId(), trip.getId());
    assertThat(list.get(0).title()).isEqualTo("Bob Builder");
    assertThat(list.get(0).lastMessagePreview()).isEqualTo("a3");
    assertThat(list.get(0).lastMessageSender().fullName()).isEqualTo("Bob Builder");
    assertThat(list.get(0).otherPerson().email()).isEqualTo("bob@example.org");
    assertThat(list.get(1).title()).isEqualTo("Trip");
    assertThat(list.get(1).group()).isTrue();
    assertThat(texts(onUi(() -> session.timeline(chat.getId())))).containsExactly("a1", "a2", "a3");
  }

  @Test
  void anIncomingMessageIsAnnouncedCountedAndPutsItsConversationOnTop() throws Exception {
    Conversation trip = group(bobPeer, "Trip", alice);
    send(trip, "b1");
    Conversation chat = oneToOne(bobPeer, alice);
    send(chat, "a1");
    startSession();
    awaitSummary(trip.getId(), s -> s.unreadCount() == 1, "one unread");

    send(trip, "b2");

    ChatMessage b2 = (ChatMessage) events.items.await(text("b2"), "b2");
    assertThat(b2.conversationId()).isEqualTo(trip.getId());
    assertThat(b2.sender().fullName()).isEqualTo("Bob Builder");
    assertThat(b2.own()).isFalse();
    assertThat(b2.state()).isEqualTo(SendState.SENT);
    ConversationSummary summary =
        events.summaries.await(
            s -> s.id().equals(trip.getId()) && s.unreadCount() == 2, "trip with two unread");
    assertThat(summary.lastMessagePreview()).isEqualTo("b2");
    assertThat(onUi(session::conversations).get(0).id()).isEqualTo(trip.getId());
  }

  @Test
  void markReadDropsTheUnreadCountToZero() throws Exception {
    Conversation chat = oneToOne(bobPeer, alice);
    send(chat, "a1", "a2");
    startSession();
    awaitSummary(chat.getId(), s -> s.unreadCount() == 2, "two unread");

    CompletableFuture<Void> marked = onUi(() -> session.markRead(chat.getId()));

    events.summaries.await(
        s -> s.id().equals(chat.getId()) && s.unreadCount() == 0, "nothing unread");
    await(marked);
    send(chat, "a3");
    awaitSummary(chat.getId(), s -> s.unreadCount() == 1, "one unread again");
  }

  @Test
  void readingOnAnotherDeviceDropsTheUnreadCount() throws Exception {
    Conversation chat = oneToOne(bobPeer, alice);
    send(chat, "a1", "a2");
    startSession();
    awaitSummary(chat.getId(), s -> s.unreadCount() == 2, "two unread");

    Peer phone = peer(alice.email(), false);
    await(phone.conversation(chat.getId()).updateReadTimestamp());

    awaitSummary(chat.getId(), s -> s.unreadCount() == 0, "nothing unread");
  }

  // ---- writing ----

  @Test
  void aSentMessageGoesFromPendingToSentUnderOneKeyExactlyOnce() throws Exception {
    Conversation chat = oneToOne(bobPeer, alice);
    send(chat, "hi alice");
    RecordingObserver<ConversationEvent> atBob =
        RecordingObserver.on(
            bobPeer.lists().conversationList().onEvent(),
            e -> e instanceof ChatMessageEvent m && m.getText().equals("hello bob"));
    startSession();
    awaitSummary(chat.getId(), s -> s.unreadCount() == 1, "one unread");

    ChatMessage pending = onUi(() -> session.send(chat.getId(), "**hello** bob", null, null));

    assertThat(pending.state()).isEqualTo(SendState.PENDING);
    assertThat(pending.eventId()).isNull();
    assertThat(pending.own()).isTrue();
    assertThat(events.items.await(sameKey(pending), "the pending message")).isEqualTo(pending);
    ChatMessage sent = (ChatMessage) events.items.await(sameKey(pending), "the sent message");
    assertThat(sent.state()).isEqualTo(SendState.SENT);
    assertThat(sent.eventId()).isNotNull();
    assertThat(sent.clientGeneratedId()).isEqualTo(pending.clientGeneratedId());
    assertThat(sent.segments().get(0).bold()).isTrue();
    assertThat(sent.plainText()).isEqualTo("hello bob");
    events.items.assertNone(sameKey(pending), Duration.ofSeconds(1));
    assertThat(onUi(() -> session.timeline(chat.getId())))
        .filteredOn(sameKey(pending))
        .containsExactly(sent);
    awaitSummary(
        chat.getId(),
        s -> s.unreadCount() == 0 && s.lastMessagePreview().equals("hello bob"),
        "read once answered");
    atBob.takeNext();
    atBob.assertExhausted(Duration.ofMillis(500));
  }

  @Test
  void aMessageWrittenWhileTheServerIsDownIsSentOnceWhenItIsBack() throws Exception {
    Conversation chat = oneToOne(bobPeer, alice);
    send(chat, "hi");
    RecordingObserver<ConversationEvent> atBob =
        RecordingObserver.on(
            bobPeer.lists().conversationList().onEvent(),
            e -> e instanceof ChatMessageEvent m && m.getText().startsWith("offline"));
    startSession();
    awaitConnection(ConnectionStatus.Kind.CONNECTED);

    server.stop();
    ConnectionStatus lost =
        events.connection.await(
            s -> s.kind() == ConnectionStatus.Kind.RECONNECTING, "reconnecting");
    assertThat(lost.nextAttempt()).isNotNull();
    assertThat(onUi(session::connectionStatus).kind())
        .isIn(ConnectionStatus.Kind.RECONNECTING, ConnectionStatus.Kind.CONNECTING);
    ChatMessage first = onUi(() -> session.send(chat.getId(), "offline 1", null, null));
    ChatMessage second = onUi(() -> session.send(chat.getId(), "offline 2", null, null));
    events.items.assertNone(
        i -> (sameKey(first).test(i) || sameKey(second).test(i)) && !isPending(i),
        Duration.ofSeconds(3));

    server.start();

    events.connection.await(s -> s.kind() == ConnectionStatus.Kind.CONNECTED, "connected");
    ChatMessage firstSent = (ChatMessage) events.items.await(sameKey(first), "offline 1 sent");
    ChatMessage secondSent = (ChatMessage) events.items.await(sameKey(second), "offline 2 sent");
    assertThat(firstSent.state()).isEqualTo(SendState.SENT);
    assertThat(secondSent.state()).isEqualTo(SendState.SENT);
    assertThat(firstSent.timestamp()).isBefore(secondSent.timestamp());
    assertThat(((ChatMessageEvent) atBob.takeNext()).getText()).isEqualTo("offline 1");
    assertThat(((ChatMessageEvent) atBob.takeNext()).getText()).isEqualTo("offline 2");
    atBob.assertExhausted(Duration.ofSeconds(1));
    events.items.assertNone(
        i -> sameKey(first).test(i) || sameKey(second).test(i), Duration.ofMillis(200));
  }

  @Test
  void aRefusedMessageFailsWithAReasonCanBeRetriedAndDoesNotHoldUpTheNextOne() throws Exception {
    Conversation chat = oneToOne(bobPeer, alice);
    send(chat, "hi");
    startSession();
    OutgoingImage notAnImage = new OutgoingImage("just text".getBytes(), "notes.png");

    ChatMessage refused = onUi(() -> session.send(chat.getId(), "see", notAnImage, null));
    ChatMessage next = onUi(() -> session.send(chat.getId(), "after that", null, null));

    ChatMessage failed =
        (ChatMessage) events.items.await(i -> sameKey(refused).test(i) && !isPending(i), "failed");
    assertThat(failed.state()).isEqualTo(SendState.FAILED);
    assertThat(failed.failure()).startsWith("The server refused the message");
    ChatMessage sent =
        (ChatMessage) events.items.await(i -> sameKey(next).test(i) && !isPending(i), "next sent");
    assertThat(sent.state()).isEqualTo(SendState.SENT);

    onUi(
        () -> {
          session.retry(chat.getId(), refused.clientGeneratedId());
          return null;
        });

    ChatMessage again = (ChatMessage) events.items.await(sameKey(refused), "pending again");
    assertThat(again.state()).isEqualTo(SendState.PENDING);
    assertThat(again.timestamp()).isEqualTo(refused.timestamp());
    ChatMessage failedAgain = (ChatMessage) events.items.await(sameKey(refused), "failed again");
    assertThat(failedAgain.state()).isEqualTo(SendState.FAILED);
    assertThat(onUi(() -> session.timeline(chat.getId())))
        .extracting(TimelineItem::key)
        .containsSubsequence(refused.key(), next.key())
        .doesNotHaveDuplicates();
  }

  @Test
  void anImageIsUploadedWithProgressAndCanBeFetchedBack() throws Exception {
    Conversation chat = oneToOne(bobPeer, alice);
    send(chat, "send me a picture");
    startSession();
    byte[] png = png(300, 200);
    List<long[]> progress = new ArrayList<>();
    List<String> progressThreads = new ArrayList<>();

    ChatMessage pending =
        onUi(
            () ->
                session.send(
                    chat.getId(),
                    "look",
                    new OutgoingImage(png, "picture.png"),
                    (done, total) -> {
                      progress.add(new long[] {done, total});
                      progressThreads.add(Thread.currentThread().getName());
                    }));
    ChatMessage sent =
        (ChatMessage)
            events.items.await(i -> sameKey(pending).test(i) && !isPending(i), "the sent image");

    assertThat(sent.state()).isEqualTo(SendState.SENT);
    assertThat(sent.images()).hasSize(1);
    List<long[]> seen = onUi(() -> List.copyOf(progress));
    assertThat(seen.get(seen.size() - 1)).containsExactly(png.length, png.length);
    assertThat(onUi(() -> List.copyOf(progressThreads))).containsOnly(UI_THREAD);
    byte[] thumbnail = await(onUi(() -> session.fetchImage(sent.images().get(0).url())));
    assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail)).getWidth()).isBetween(1, 300);
    assertThat(await(onUi(() -> session.fetchImage(sent.images().get(0).fullSizeUrl()))))
        .isEqualTo(png);
  }

  @Test
  void fetchingWhatIsNotAnImageFailsWithTheLibrarysException() throws Exception {
    Conversation chat = oneToOne(bobPeer, alice);
    send(chat, "hi");
    startSession();

    assertThatThrownBy(() -> await(onUi(() -> session.fetchImage(server.url() + "/media/nope"))))
        .isInstanceOf(RequestRefusedException.class)
        .hasMessageContaining("404");
    assertThatThrownBy(() -> await(onUi(() -> session.fetchImage(server.url() + "/healthz"))))
        .isInstanceOf(RequestRefusedException.class)
        .hasMessageContaining("not an image");
  }

  // ---- history ----

  @Test
  void loadOlderPagesBackToTheStartOfHistory() throws Exception {
    Conversation chat = oneToOne(bobPeer, alice);
    List<String> written = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      written.add("m" + i);
    }
    send(chat, written.toArray(String[]::new));
    Peer phone = peer(alice.email(), false);
    send(phone.conversation(chat.getId()), "seen them all");
    startSession();
    assertThat(onUi(() -> session.conversation(chat.getId())).orElseThrow().unreadCount()).isZero();
    assertThat(texts(onUi(() -> session.timeline(chat.getId())))).containsExactly("seen them all");

    List<String> older = new ArrayList<>();
    HistoryPage page = null;
    for (int i = 0; i < 10 && (page == null || !page.reachedStart()); i++) {
      page = await(onUi(() -> session.loadOlder(chat.getId(), 5)));
      older.addAll(0, texts(page.items()));
    }

    assertThat(page.reachedStart()).isTrue();
    assertThat(page.items()).isEmpty();
    assertThat(older).containsExactlyElementsOf(written);
    List<String> all = new ArrayList<>(written);
    all.add("seen them all");
    assertThat(texts(onUi(() -> session.timeline(chat.getId())))).containsExactlyElementsOf(all);
  }

  // ---- what others do ----

  @Test
  void typingFromAnotherClientShowsClearsAndExpires() throws Exception {
    Conversation chat = oneToOne(bobPeer, alice);
    send(chat, "hi");
    startSession();

    await(chat.setTyping(TypingStatus.STARTED));
    events.typing.await(typing(chat, "Bob Builder"), "bob typing");
    assertThat(onUi(() -> session.typing(chat.getId())))
        .extracting(Person::fullName)
        .containsExactly("Bob Builder");
    await(chat.setTyping(TypingStatus.STOPPED));
    events.typing.await(typing(chat), "nobody typing");

    await(chat.setTyping(TypingStatus.STARTED));
    events.typing.await(typing(chat, "Bob Builder"), "bob typing again");
    events.typing.await(typing(chat), "bob's typing expired");
    assertThat(onUi(() -> session.typing(chat.getId()))).isEmpty();
  }

  @Test
  void readReceiptsFollowTheOthersWatermarks() throws Exception {
    Conversation chat = oneToOne(bobPeer, alice);
    send(chat, "hi");
    startSession();
    ChatMessage pending = onUi(() -> session.send(chat.getId(), "read this", null, null));
    ChatMessage sent =
        (ChatMessage) events.items.await(i -> sameKey(pending).test(i) && !isPending(i), "sent");

    await(chat.updateReadTimestamp(sent.timestamp()));

    events.receipts.await(
        r ->
            r.conversationId().equals(chat.getId())
                && sent.timestamp().equals(r.readUpTo().get(bob.id())),
        "bob read it");
    assertThat(onUi(() -> session.readReceipts(chat.getId())))
        .containsEntry(bob.id(), sent.timestamp())
        .doesNotContainKey(alice.id());
  }

  @Test
  void changesToAConversationAreWordedForTheTimeline() throws Exception {
    Account carol = server.createAccount("carol@example.org", "Carol Jones");
    Conversation trip = group(bobPeer, "Trip", alice);
    send(trip, "hi all");
    startSession();

    await(trip.rename("Trip 2"));
    assertThat(systemText()).isEqualTo("Bob Builder renamed the conversation to “Trip 2”");
    awaitSummary(trip.getId(), s -> "Trip 2".equals(s.title()), "renamed");
    await(trip.addUsers(List.of(UserId.of(carol.id()))));
    assertThat(systemText()).isEqualTo("Bob Builder added Carol Jones");
    await(trip.modifyOtrStatus(true));
    assertThat(systemText()).isEqualTo("Bob Builder turned history off");
    awaitSummary(trip.getId(), ConversationSummary::offTheRecord, "off the record");
    await(trip.setGroupLinkSharingEnabled(true));
    assertThat(systemText()).isEqualTo("Bob Builder turned link sharing on");
    await(trip.removeUser(UserId.of(alice.id())));
    events.removed.await(trip.getId()::equals, "alice removed from the trip");
    assertThat(onUi(() -> session.conversation(trip.getId()))).isEmpty();
  }

  // ---- people, presence, the connection ----

  @Test
  void peopleCanBeFoundAndNewConversationsStarted() throws Exception {
    Account carol = server.createAccount("carol@example.org", "Carol Jones");
    Conversation chat = oneToOne(bobPeer, alice);
    send(chat, "hi");
    startSession();

    List<Person> found = await(onUi(() -> session.searchPeople("carol", 10)));
    assertThat(found).extracting(Person::id).containsExactly(carol.id());
    String withCarol = await(onUi(() -> session.createConversation(List.of(carol.id()), null)));
    ConversationSummary summary = onUi(() -> session.conversation(withCarol)).orElseThrow();
    assertThat(summary.group()).isFalse();
    assertThat(summary.otherPerson().fullName()).isEqualTo("Carol Jones");
    String team =
        await(onUi(() -> session.createConversation(List.of(bob.id(), carol.id()), "Team")));
    assertThat(onUi(() -> session.conversation(team)).orElseThrow().title()).isEqualTo("Team");
    assertThat(onUi(() -> session.person(bob.id())).fullName()).isEqualTo("Bob Builder");
    assertThat(onUi(() -> session.person("nobody")).fullName()).isEqualTo("Unknown");
    assertThat(onUi(session::self).fullName()).isEqualTo("Alice Liddell");
  }

  @Test
  void presenceAndTheActiveClientAreReported() throws Exception {
    Conversation chat = oneToOne(bobPeer, alice);
    send(chat, "hi");
    startSession();
    awaitConnection(ConnectionStatus.Kind.CONNECTED);

    onUi(
        () -> {
          session.refreshPresence(List.of(bob.id()));
          session.setActive();
          return null;
        });

    RecordingSessionListener.PresenceChange change =
        events.presence.await(p -> p.personId().equals(bob.id()), "bob's presence");
    assertThat(onUi(() -> session.presence(bob.id()))).isEqualTo(change.presence());
    assertThat(events.active.await(active -> active, "this client active")).isTrue();
  }

  @Test
  void closingDisconnectsAndQueriesStillAnswer() throws Exception {
    Conversation chat = oneToOne(bobPeer, alice);
    send(chat, "hi");
    startSession();
    awaitConnection(ConnectionStatus.Kind.CONNECTED);

    onUi(
        () -> {
          session.close();
          return null;
        });

    session.connectThread().join(TimeUnit.SECONDS.toMillis(10));
    assertThat(session.connectThread().isAlive()).isFalse();
    assertThat(session.client().connectionState().kind())
        .isEqualTo(ConnectionState.Kind.DISCONNECTED);
    assertThat(onUi(session::connectionStatus).kind()).isEqualTo(ConnectionStatus.Kind.OFFLINE);
    assertThat(texts(onUi(() -> session.timeline(chat.getId())))).containsExactly("hi");
  }

  @Test
  void startingWithCookiesThatAreNotASessionFails() {
    CompletableFuture<RealSessionService> started =
        RealSessionService.start(
            ClientOptions.builder(server.url(), new Cookies("nope", "nope")).build(), ui);

    assertThatThrownBy(() -> await(started)).isInstanceOf(AuthenticationException.class);
  }

  // ---- helpers ----

  private void startSession() throws Exception {
    ClientOptions options =
        ClientOptions.builder(server.url(), server.signIn(alice.email()))
            .reconnectBackoff(FAST)
            .mediaCache(dir.resolve("cache"), 10L * 1024 * 1024)
            .build();
    // The listener is added on the UI thread as the session is handed over, so it misses nothing.
    session =
        await(
            RealSessionService.start(options, ui, TYPING_EXPIRY)
                .thenApply(
                    s -> {
                      s.addListener(events);
                      return s;
                    }));
  }

  private Peer peer(String email, boolean connect) throws Exception {
    Client client =
        new Client(
            ClientOptions.builder(server.url(), server.signIn(email))
                .reconnectBackoff(FAST)
                .build());
    Thread thread = null;
    if (connect) {
      RecordingObserver<ConnectionState> states =
          RecordingObserver.on(client.onConnectionState(), s -> true);
      thread = new Thread(client::connect, "peer-" + email);
      thread.setDaemon(true);
      thread.start();
      states.skipUntil(s -> s.kind() == ConnectionState.Kind.CONNECTED, WAIT);
    }
    Peer peer = new Peer(client, await(ConversationLists.build(client)), thread);
    peers.add(peer);
    return peer;
  }

  private Conversation oneToOne(Peer from, Account with) throws Exception {
    return await(from.lists().conversationList().createOneToOne(UserId.of(with.id())));
  }

  private Conversation group(Peer from, String name, Account... with) throws Exception {
    List<UserId> ids = new ArrayList<>();
    for (Account a : with) {
      ids.add(UserId.of(a.id()));
    }
    return await(from.lists().conversationList().createGroup(ids, name));
  }

  private static void send(Conversation conversation, String... texts) throws Exception {
    for (String text : texts) {
      await(conversation.sendMessage(ChatMessageSegment.fromString(text)));
    }
  }

  private ConversationSummary awaitSummary(
      String id, Predicate<ConversationSummary> expected, String description) throws Exception {
    ConversationSummary now = onUi(() -> session.conversation(id)).orElse(null);
    if (now != null && expected.test(now)) {
      return now;
    }
    return events.summaries.await(s -> s.id().equals(id) && expected.test(s), description);
  }

  private void awaitConnection(ConnectionStatus.Kind kind) throws Exception {
    if (onUi(session::connectionStatus).kind() != kind) {
      events.connection.await(s -> s.kind() == kind, kind.toString());
    }
  }

  private String systemText() {
    return ((SystemEvent) events.items.await(i -> i instanceof SystemEvent, "a system event"))
        .text();
  }

  private static Predicate<TimelineItem> text(String text) {
    return i -> i instanceof ChatMessage m && m.plainText().equals(text);
  }

  private static Predicate<TimelineItem> sameKey(ChatMessage message) {
    return i -> i.key().equals(message.key());
  }

  private static boolean isPending(TimelineItem item) {
    return item instanceof ChatMessage m && m.state() == SendState.PENDING;
  }

  private static Predicate<RecordingSessionListener.Typing> typing(
      Conversation in, String... names) {
    return t ->
        t.conversationId().equals(in.getId())
            && t.people().stream().map(Person::fullName).toList().equals(List.of(names));
  }

  private static List<String> texts(List<TimelineItem> items) {
    return items.stream()
        .filter(i -> i instanceof ChatMessage)
        .map(i -> ((ChatMessage) i).plainText())
        .toList();
  }

  private <T> T onUi(Callable<T> task) throws Exception {
    return uiThread.submit(task).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    try {
      return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static byte[] png(int width, int height) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLUE);
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
