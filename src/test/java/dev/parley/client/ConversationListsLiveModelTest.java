package dev.parley.client;

import static dev.parley.client.LiveClients.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.storage.Account;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The high-level model over two real clients and a real server. */
class ConversationListsLiveModelTest {
  @TempDir Path dir;
  private LiveClients live;
  private Account alice;
  private Account bob;
  private Client aliceClient;
  private Client bobClient;

  @BeforeEach
  void start() throws Exception {
    live = new LiveClients(dir);
    alice = live.account("alice@example.org", "Alice Liddell");
    bob = live.account("bob@example.org", "Bob Builder");
    aliceClient = live.client(live.signIn(alice.email()));
    bobClient = live.client(live.signIn(bob.email()));
    live.connect(aliceClient);
    live.connect(bobClient);
  }

  @AfterEach
  void stop() throws Exception {
    live.close();
  }

  private static ConversationLists build(Client client) throws Exception {
    return ConversationLists.build(client).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> future) throws Exception {
    return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void aMessageFromOneAppearsInTheOthersConversationAsUnread() throws Exception {
    ConversationList atAlice = build(aliceClient).conversationList();
    ConversationLists bobLists = build(bobClient);
    ConversationList atBob = bobLists.conversationList();
    RecordingObserver<ConversationEvent> bobHears =
        RecordingObserver.on(atBob.onEvent(), e -> e instanceof ChatMessageEvent);

    Conversation aliceSide = await(atAlice.createOneToOne(UserId.of(bob.id())));
    await(aliceSide.sendMessage(ChatMessageSegment.fromString("hello **bob**")));
    await(aliceSide.sendMessage(ChatMessageSegment.fromString("are you there?")));

    ChatMessageEvent first = (ChatMessageEvent) bobHears.takeNext();
    ChatMessageEvent second = (ChatMessageEvent) bobHears.takeNext();
    assertThat(first.getText()).isEqualTo("hello bob");
    assertThat(second.getText()).isEqualTo("are you there?");
    Conversation bobSide = atBob.get(aliceSide.getId());
    assertThat(bobSide.getUnreadEvents()).containsExactly(first, second);
    assertThat(bobSide.getUsers())
        .extracting(User::getFullName)
        .containsExactlyInAnyOrder("Alice Liddell", "Bob Builder");
    assertThat(bobLists.userList().getUser(UserId.of(alice.id())).getFirstName())
        .isEqualTo("Alice");
    assertThat(aliceSide.getUnreadEvents()).isEmpty();

    RecordingObserver<WatermarkNotification> aliceSeesRead =
        RecordingObserver.on(
            aliceSide.onWatermarkNotification(), n -> n.userId().equals(UserId.of(bob.id())));
    await(bobSide.updateReadTimestamp());

    assertThat(bobSide.getUnreadEvents()).isEmpty();
    WatermarkNotification read = aliceSeesRead.takeNext();
    assertThat(read.readTimestamp()).isEqualTo(second.getTimestamp());
    assertThat(aliceSide.getWatermarks()).containsEntry(UserId.of(bob.id()), second.getTimestamp());
  }

  @Test
  void historyIsPagedFromTheServerBackToItsStart() throws Exception {
    ConversationList atAlice = build(aliceClient).conversationList();
    Conversation group = await(atAlice.createGroup(List.of(UserId.of(bob.id())), "Plans"));
    for (int i = 1; i <= 5; i++) {
      await(group.sendMessage(List.of(ChatMessageSegment.text("message " + i))));
    }

    Conversation atBob = build(bobClient).conversationList().get(group.getId());
    assertThat(atBob.getName()).isEqualTo("Plans");
    List<String> texts = new ArrayList<>();
    List<ConversationEvent> loaded = atBob.getEvents();
    while (!loaded.isEmpty()) {
      for (int i = loaded.size() - 1; i >= 0; i--) {
        if (loaded.get(i) instanceof ChatMessageEvent m) {
          texts.add(0, m.getText());
        }
      }
      loaded = await(atBob.getEvents(atBob.getEvents().get(0).getId(), 2));
    }

    assertThat(texts)
        .containsExactly("message 1", "message 2", "message 3", "message 4", "message 5");
    assertThat(atBob.getEvents()).extracting(ConversationEvent::getTimestamp).isSorted();
  }
}
