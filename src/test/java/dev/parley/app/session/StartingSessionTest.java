package dev.parley.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.NetworkException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class StartingSessionTest {
  private static final Person SELF = FakeSessionService.SELF;
  private static final Person ALICE = FakeSessionService.person("alice", "Alice Ng", false);
  private static final Person BOB = FakeSessionService.person("bob", "Bob Stone", false);

  private final ConversationSummary withAlice = summary("c-alice", ALICE, "hi", 2);
  private final ConversationSummary withBob = summary("c-bob", BOB, "yo", 0);
  private final List<String> retries = new ArrayList<>();
  private final StartingSession starting =
      new StartingSession(
          new ListSnapshot("key", SELF, "http://old", List.of(withAlice, withBob)),
          () -> retries.add("retry"));
  private final List<String> told = new ArrayList<>();
  private final SessionListener listener =
      new SessionListener() {
        @Override
        public void conversationUpdated(ConversationSummary summary) {
          told.add("updated " + summary.id() + " " + summary.lastMessagePreview());
        }

        @Override
        public void conversationRemoved(String conversationId) {
          told.add("removed " + conversationId);
        }

        @Override
        public void timelineItemUpserted(TimelineItem item) {
          told.add("item " + item.key());
        }

        @Override
        public void connectionChanged(ConnectionStatus status) {
          told.add("connection " + status.kind());
        }

        @Override
        public void stateReloaded() {
          told.add("reloaded");
        }
      };

  StartingSessionTest() {
    starting.addListener(listener);
  }

  @Test
  void answersFromTheSavedListUntilTheSessionIsReady() {
    assertThat(starting.self()).isEqualTo(SELF);
    assertThat(starting.serverUrl()).isEqualTo("http://old");
    assertThat(starting.conversations()).containsExactly(withAlice, withBob);
    assertThat(starting.conversation("c-bob")).contains(withBob);
    assertThat(starting.person("alice")).isEqualTo(ALICE);
    assertThat(starting.person("stranger").fullName()).isEqualTo("Unknown");
    assertThat(starting.timeline("c-alice")).isEmpty();
    assertThat(starting.connectionStatus().kind()).isEqualTo(ConnectionStatus.Kind.CONNECTING);
    assertThat(starting.isReady()).isFalse();
  }

  @Test
  void theRealSessionTakesOverAndWhatChangedMeanwhileIsAnnounced() {
    FakeSessionService real = new FakeSessionService();
    real.putConversation(summary("c-alice", ALICE, "newer", 3));
    real.putConversation(summary("c-carol", BOB, "new one", 1));
    real.setConnection(ConnectionStatus.connected());

    starting.ready(real);

    assertThat(told)
        .containsExactly(
            "removed c-bob",
            "updated c-alice newer",
            "updated c-carol new one",
            "connection CONNECTED",
            "reloaded");
    assertThat(starting.conversations()).isEqualTo(real.conversations());
    assertThat(starting.isReady()).isTrue();

    told.clear();
    real.putConversation(summary("c-alice", ALICE, "live", 4));
    assertThat(told).containsExactly("updated c-alice live");
  }

  @Test
  void messagesWrittenMeanwhileArePendingThenSentInOrderByTheRealSession() {
    ChatMessage first = starting.send("c-alice", "one", null, null);
    starting.send("c-alice", "**two**", null, null);

    assertThat(first.state()).isEqualTo(SendState.PENDING);
    assertThat(first.sender()).isEqualTo(SELF);
    assertThat(starting.timeline("c-alice"))
        .extracting(i -> ((ChatMessage) i).plainText())
        .containsExactly("one", "two");
    assertThat(told).contains("item " + first.key());

    FakeSessionService real = new FakeSessionService();
    starting.ready(real);

    assertThat(real.sent).extracting(ChatMessage::plainText).containsExactly("one", "two");
    assertThat(told).endsWith("reloaded");
  }

  @Test
  void historyAndImagesWaitForTheRealSession() throws Exception {
    CompletableFuture<byte[]> image = starting.fetchImage("http://old/avatar");
    CompletableFuture<HistoryPage> older = starting.loadOlder("c-alice", 50);
    assertThat(image).isNotDone();
    assertThat(older).isNotDone();

    FakeSessionService real = new FakeSessionService();
    real.putImage("http://old/avatar", new byte[] {1, 2});
    starting.ready(real);

    assertThat(image.get()).containsExactly(1, 2);
    // superseded: the view reads the timeline again when told stateReloaded
    assertThat(older.get().items()).isEmpty();
    assertThat(older.get().reachedStart()).isFalse();
  }

  @Test
  void whileTheServerCannotBeReachedRequestsFailAtOnceAndRetryNowTriesAgain() {
    starting.retrying(Instant.now().plusSeconds(8), "connection refused");

    assertThat(starting.connectionStatus().kind()).isEqualTo(ConnectionStatus.Kind.RECONNECTING);
    assertThat(told).containsExactly("connection RECONNECTING");
    CompletableFuture<Void> rename = starting.rename("c-alice", "New name");
    assertThat(rename).isCompletedExceptionally();
    assertThat(cause(rename)).isInstanceOf(NetworkException.class);

    starting.reconnectNow();
    assertThat(retries).containsExactly("retry");
    starting.connecting();
    assertThat(starting.connectionStatus().kind()).isEqualTo(ConnectionStatus.Kind.CONNECTING);
  }

  @Test
  void aRequestMadeWhileTheFirstAttemptRunsWaitsForIt() throws Exception {
    CompletableFuture<Void> rename = starting.rename("c-alice", "New name");
    assertThat(rename).isNotDone();

    FakeSessionService real = new FakeSessionService();
    real.putConversation(withAlice);
    starting.ready(real);

    rename.get();
    assertThat(real.conversation("c-alice").orElseThrow().customName()).isEqualTo("New name");
  }

  @Test
  void closingClosesTheRealSessionAndOneArrivingAfterIsClosedAtOnce() {
    FakeSessionService real = new FakeSessionService();
    starting.ready(real);
    starting.close();
    assertThat(real.closed).isTrue();

    StartingSession other =
        new StartingSession(new ListSnapshot("key", SELF, "", List.of()), () -> {});
    other.close();
    FakeSessionService late = new FakeSessionService();
    other.ready(late);
    assertThat(late.closed).isTrue();
    assertThat(other.isReady()).isFalse();
  }

  private static Throwable cause(CompletableFuture<?> future) {
    try {
      future.get();
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static ConversationSummary summary(String id, Person other, String preview, int unread) {
    return new ConversationSummary(
        id,
        null,
        false,
        List.of(SELF, other),
        Instant.parse("2026-11-20T10:00:00Z"),
        other,
        preview,
        unread,
        false,
        false,
        false,
        false);
  }
}
