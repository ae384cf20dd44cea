package dev.parley.app.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.app.UiDispatcher;
import dev.parley.client.BackoffPolicy;
import dev.parley.client.ChatMessageSegment;
import dev.parley.client.Client;
import dev.parley.client.ClientOptions;
import dev.parley.client.ConnectionState;
import dev.parley.client.Conversation;
import dev.parley.client.ConversationEvent;
import dev.parley.client.ConversationLists;
import dev.parley.client.ConversationTypeException;
import dev.parley.client.GroupLinkSharingModificationEvent;
import dev.parley.client.GroupLinkSharingStatus;
import dev.parley.client.MembershipChangeEvent;
import dev.parley.client.MembershipChangeType;
import dev.parley.client.OffTheRecordStatus;
import dev.parley.client.OtrEvent;
import dev.parley.client.Presence;
import dev.parley.client.RecordingObserver;
import dev.parley.client.RenameEvent;
import dev.parley.client.RequestRefusedException;
import dev.parley.client.UserId;
import dev.parley.server.storage.Account;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Managing conversations through the session against a real server: Alice uses the app's session,
 * Bob the client library, and each change must reach Bob as the server's event and Alice's own
 * timeline as a worded {@link SystemEvent}.
 */
class RealSessionServiceManagementTest {
  private static final String UI_THREAD = "test-ui";
  private static final Duration WAIT = RecordingSessionListener.WAIT;
  private static final BackoffPolicy FAST =
      new BackoffPolicy(Duration.ofMillis(50), Duration.ofMillis(400), 0);

  @TempDir Path dir;
  private RestartableServer server;
  private ExecutorService uiThread;
  private UiDispatcher ui;
  private Account alice;
  private Account bob;
  private Account carol;
  private Peer bobPeer;
  private RecordingObserver<ConversationEvent> atBob;
  private final List<Peer> peers = new ArrayList<>();
  private RealSessionService session;
  private final RecordingSessionListener events = new RecordingSessionListener(UI_THREAD);

  private record Peer(Client client, ConversationLists lists, Thread thread) {}

  @BeforeEach
  void start() throws Exception {
    server = new RestartableServer(dir);
    alice = server.createAccount("alice@example.org", "Alice Liddell");
    bob = server.createAccount("bob@example.org", "Bob Builder");
    carol = server.createAccount("carol@example.org", "Carol Singer");
    uiThread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, UI_THREAD);
              t.setDaemon(true);
              return t;
            });
    ui = uiThread::execute;
    bobPeer = peer(bob.email());
    atBob = RecordingObserver.on(bobPeer.lists().conversationList().onEvent(), e -> true);
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
    }
    for (Peer peer : peers) {
      peer.lists().close();
      peer.client().disconnect();
      peer.thread().join(TimeUnit.SECONDS.toMillis(10));
    }
    server.close();
    uiThread.shutdownNow();
    events.assertAllOnUiThread();
  }

  @Test
  void renamingIsSeenByTheOthersAndInTheTimeline() throws Exception {
    Conversation trip = group(bobPeer, "Trip", alice);
    startSession();

    await(onUi(() -> session.rename(trip.getId(), "  Lisbon 2024 ")));

    RenameEvent rename = awaitAtBob(RenameEvent.class, e -> true, "the rename");
    assertThat(rename.getNewName()).isEqualTo("Lisbon 2024");
    assertThat(awaitSystemEvent(SystemEvent.Kind.RENAME).text())
        .isEqualTo("You renamed the conversation to “Lisbon 2024”");
    awaitSummary(trip.getId(), s -> "Lisbon 2024".equals(s.customName()), "the new name");
  }

  @Test
  void aNameTooLongOrWithControlCharactersIsRefusedAndNothingChanges() throws Exception {
    Conversation trip = group(bobPeer, "Trip", alice);
    startSession();

    assertThatThrownBy(() -> await(onUi(() -> session.rename(trip.getId(), "x".repeat(10_000)))))
        .isInstanceOf(RequestRefusedException.class)
        .hasMessageContaining("at most " + SessionService.MAX_CONVERSATION_NAME_LENGTH);
    assertThatThrownBy(() -> await(onUi(() -> session.rename(trip.getId(), "a\u0007b"))))
        .isInstanceOf(RequestRefusedException.class)
        .hasMessageContaining("control characters");
    assertThat(onUi(() -> session.conversation(trip.getId())).orElseThrow().customName())
        .isEqualTo("Trip");
  }

  @Test
  void addingAndRemovingSomeoneIsSeenByTheOthers() throws Exception {
    Conversation trip = group(bobPeer, "Trip", alice);
    startSession();

    await(onUi(() -> session.addPeople(trip.getId(), List.of(carol.id()))));

    MembershipChangeEvent added =
        awaitAtBob(
            MembershipChangeEvent.class, e -> e.getType() == MembershipChangeType.JOIN, "Carol in");
    assertThat(added.getParticipantIds()).containsExactly(UserId.of(carol.id()));
    // Carol was unknown to Alice's session when the event came; it is worded again once known.
    awaitSystemText(SystemEvent.Kind.MEMBERSHIP, "You added Carol Singer");
    assertThat(onUi(() -> session.timeline(trip.getId())))
        .filteredOn(i -> i instanceof SystemEvent)
        .extracting(i -> ((SystemEvent) i).text())
        .containsExactly("You added Carol Singer");
    awaitSummary(trip.getId(), s -> s.participants().size() == 3, "three members");

    await(onUi(() -> session.removePerson(trip.getId(), carol.id())));

    awaitAtBob(
        MembershipChangeEvent.class, e -> e.getType() == MembershipChangeType.LEAVE, "Carol out");
    assertThat(awaitSystemEvent(SystemEvent.Kind.MEMBERSHIP).text())
        .isEqualTo("You removed Carol Singer");
    awaitSummary(trip.getId(), s -> s.participants().size() == 2, "two members");
  }

  @Test
  void addingSomeoneWhoDoesNotExistIsRefused() throws Exception {
    Conversation trip = group(bobPeer, "Trip", alice);
    startSession();

    assertThatThrownBy(() -> await(onUi(() -> session.addPeople(trip.getId(), List.of("nobody")))))
        .isInstanceOf(RequestRefusedException.class);
  }

  @Test
  void leavingAGroupRemovesItAndTheOthersSeeTheLeave() throws Exception {
    Conversation trip = group(bobPeer, "Trip", alice);
    startSession();

    await(onUi(() -> session.leave(trip.getId())));

    assertThat(events.removed.await(trip.getId()::equals, "trip removed")).isNotNull();
    assertThat(onUi(() -> session.conversation(trip.getId()))).isEmpty();
    MembershipChangeEvent left =
        awaitAtBob(
            MembershipChangeEvent.class,
            e -> e.getType() == MembershipChangeType.LEAVE,
            "Alice out");
    assertThat(left.getParticipantIds()).containsExactly(UserId.of(alice.id()));
  }

  @Test
  void aOneToOneCannotBeLeftOrAddedToButItsHistoryCanBeDeleted() throws Exception {
    Conversation chat = oneToOne(bobPeer, alice);
    send(chat, "hello");
    startSession();
    String id = chat.getId();

    assertThatThrownBy(() -> await(onUi(() -> session.leave(id))))
        .isInstanceOf(ConversationTypeException.class);
    assertThatThrownBy(() -> await(onUi(() -> session.addPeople(id, List.of(carol.id())))))
        .isInstanceOf(ConversationTypeException.class);
    assertThatThrownBy(() -> await(onUi(() -> session.setLinkSharing(id, true))))
        .isInstanceOf(ConversationTypeException.class);

    await(onUi(() -> session.deleteHistory(id)));

    events.removed.await(id::equals, "chat removed");
    assertThat(onUi(() -> session.conversation(id))).isEmpty();
    send(chat, "are you there?");
    awaitSummary(id, s -> s.lastMessagePreview().equals("are you there?"), "the chat back");
  }

  @Test
  void aGroupsHistoryCannotBeDeletedThatWay() throws Exception {
    Conversation trip = group(bobPeer, "Trip", alice);
    startSession();

    assertThatThrownBy(() -> await(onUi(() -> session.deleteHistory(trip.getId()))))
        .isInstanceOf(ConversationTypeException.class);
    assertThat(onUi(() -> session.conversation(trip.getId()))).isPresent();
  }

  @Test
  void mutingAndUnmutingMovesTheSummarysQuiet() throws Exception {
    Conversation chat = oneToOne(bobPeer, alice);
    startSession();

    await(onUi(() -> session.setQuiet(chat.getId(), true)));
    assertThat(onUi(() -> session.conversation(chat.getId())).orElseThrow().quiet()).isTrue();

    await(onUi(() -> session.setQuiet(chat.getId(), false)));
    assertThat(onUi(() -> session.conversation(chat.getId())).orElseThrow().quiet()).isFalse();
  }

  @Test
  void turningHistoryOffAndOnIsSeenByTheOthers() throws Exception {
    Conversation chat = oneToOne(bobPeer, alice);
    startSession();

    await(onUi(() -> session.setOffTheRecord(chat.getId(), true)));

    OtrEvent off =
        awaitAtBob(
            OtrEvent.class,
            e -> e.getNewOtrStatus() == OffTheRecordStatus.OFF_THE_RECORD,
            "history off");
    assertThat(off.getUserId()).isEqualTo(UserId.of(alice.id()));
    assertThat(awaitSystemEvent(SystemEvent.Kind.OFF_THE_RECORD).text())
        .isEqualTo("You turned history off");
    awaitSummary(chat.getId(), ConversationSummary::offTheRecord, "off the record");

    await(onUi(() -> session.setOffTheRecord(chat.getId(), false)));

    assertThat(awaitSystemEvent(SystemEvent.Kind.OFF_THE_RECORD).text())
        .isEqualTo("You turned history on");
    awaitSummary(chat.getId(), s -> !s.offTheRecord(), "on the record");
  }

  @Test
  void linkSharingGivesALinkThatAnotherCanJoinBy() throws Exception {
    Conversation trip = group(bobPeer, "Trip", alice);
    startSession();

    assertThatThrownBy(() -> await(onUi(() -> session.groupLink(trip.getId()))))
        .isInstanceOf(RequestRefusedException.class)
        .hasMessageContaining("link sharing is off");

    await(onUi(() -> session.setLinkSharing(trip.getId(), true)));

    awaitAtBob(
        GroupLinkSharingModificationEvent.class,
        e -> e.getNewStatus() == GroupLinkSharingStatus.ON,
        "link sharing on");
    assertThat(awaitSystemEvent(SystemEvent.Kind.LINK_SHARING).text())
        .isEqualTo("You turned link sharing on");
    awaitSummary(trip.getId(), ConversationSummary::linkSharing, "link sharing on");
    String link = await(onUi(() -> session.groupLink(trip.getId())));
    assertThat(link).contains("/join/");

    Peer carolPeer = peer(carol.email());
    String joined = await(carolPeer.lists().conversationList().joinByLink(link)).getId();

    assertThat(joined).isEqualTo(trip.getId());
    awaitSystemText(SystemEvent.Kind.MEMBERSHIP, "Carol Singer joined");
  }

  @Test
  void joiningByLinkListsTheGroupAndTheOthersSeeTheJoin() throws Exception {
    Conversation club = group(bobPeer, "Book club", carol);
    await(club.setGroupLinkSharingEnabled(true));
    String link = await(club.getGroupLink()).url();
    startSession();

    String id = await(onUi(() -> session.joinByLink("  " + link + "\n")));

    assertThat(id).isEqualTo(club.getId());
    assertThat(onUi(() -> session.conversation(id)).orElseThrow().title()).isEqualTo("Book club");
    MembershipChangeEvent join =
        awaitAtBob(
            MembershipChangeEvent.class,
            e ->
                e.getType() == MembershipChangeType.JOIN
                    && e.getUserId().gaiaId().equals(alice.id()),
            "Alice joined");
    assertThat(join.getConversationId()).isEqualTo(club.getId());
  }

  @Test
  void aLinkWhoseSharingIsOffOrThatIsMalformedIsRefused() throws Exception {
    Conversation club = group(bobPeer, "Book club", carol);
    await(club.setGroupLinkSharingEnabled(true));
    String link = await(club.getGroupLink()).url();
    await(club.setGroupLinkSharingEnabled(false));
    startSession();

    assertThatThrownBy(() -> await(onUi(() -> session.joinByLink(link))))
        .isInstanceOf(RequestRefusedException.class);
    assertThatThrownBy(() -> await(onUi(() -> session.joinByLink("https://example.org/nope"))))
        .isInstanceOf(RequestRefusedException.class);
    assertThatThrownBy(() -> await(onUi(() -> session.joinByLink(" "))))
        .isInstanceOf(RequestRefusedException.class);
    assertThat(onUi(() -> session.conversation(club.getId()))).isEmpty();
  }

  @Test
  void theStatusMessageAndBeingBusyReachTheOthers() throws Exception {
    oneToOne(bobPeer, alice);
    RecordingObserver<Presence> presence =
        RecordingObserver.on(
            bobPeer.lists().userList().onPresence(), p -> p.userId().gaiaId().equals(alice.id()));
    startSession();

    await(onUi(() -> session.setStatusMessage("  On holiday ")));
    presence.skipUntil(p -> p.statusMessageText().equals("On holiday"), WAIT);

    await(onUi(() -> session.setAvailable(false)));
    presence.skipUntil(p -> !p.available(), WAIT);

    await(onUi(() -> session.setAvailable(true)));
    presence.skipUntil(p -> p.available() && p.statusMessageText().equals("On holiday"), WAIT);

    await(onUi(() -> session.setStatusMessage("")));
    presence.skipUntil(p -> p.statusMessageText().isEmpty(), WAIT);
  }

  // ---- helpers ----

  private void startSession() throws Exception {
    ClientOptions options =
        ClientOptions.builder(server.url(), server.signIn(alice.email()))
            .reconnectBackoff(FAST)
            .build();
    session =
        await(
            RealSessionService.start(options, ui, Duration.ofSeconds(2))
                .thenApply(
                    s -> {
                      s.addListener(events);
                      return s;
                    }));
    if (onUi(session::connectionStatus).kind() != ConnectionStatus.Kind.CONNECTED) {
      events.connection.await(s -> s.kind() == ConnectionStatus.Kind.CONNECTED, "connected");
    }
  }

  private Peer peer(String email) throws Exception {
    Client client =
        new Client(
            ClientOptions.builder(server.url(), server.signIn(email))
                .reconnectBackoff(FAST)
                .build());
    RecordingObserver<ConnectionState> states =
        RecordingObserver.on(client.onConnectionState(), s -> true);
    Thread thread = new Thread(client::connect, "peer-" + email);
    thread.setDaemon(true);
    thread.start();
    states.skipUntil(s -> s.kind() == ConnectionState.Kind.CONNECTED, WAIT);
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

  private static void send(Conversation conversation, String text) throws Exception {
    await(conversation.sendMessage(ChatMessageSegment.fromString(text)));
  }

  private <T extends ConversationEvent> T awaitAtBob(
      Class<T> type, Predicate<T> expected, String description) {
    return type.cast(atBob.skipUntil(e -> type.isInstance(e) && expected.test(type.cast(e)), WAIT));
  }

  private SystemEvent awaitSystemEvent(SystemEvent.Kind kind) {
    return (SystemEvent)
        events.items.await(i -> i instanceof SystemEvent e && e.kind() == kind, kind.toString());
  }

  /** Waits for a system event worded so (a first wording may have named someone "Unknown"). */
  private SystemEvent awaitSystemText(SystemEvent.Kind kind, String text) {
    return (SystemEvent)
        events.items.await(
            i -> i instanceof SystemEvent e && e.kind() == kind && e.text().equals(text), text);
  }

  private ConversationSummary awaitSummary(
      String id, Predicate<ConversationSummary> expected, String description) throws Exception {
    ConversationSummary now = onUi(() -> session.conversation(id)).orElse(null);
    if (now != null && expected.test(now)) {
      return now;
    }
    return events.summaries.await(s -> s.id().equals(id) && expected.test(s), description);
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
}
