package dev.parley.client;

import static dev.parley.client.LiveClients.WAIT;
import static dev.parley.client.LiveClients.chatMessages;
import static dev.parley.client.LiveClients.send;
import static dev.parley.client.LiveClients.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.server.storage.Account;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alice reaches the server through a proxy the test cuts; Bob talks to it directly. Whatever is
 * lost on the way, Alice ends up with every message exactly once and in order.
 */
class ClientReconnectTest {
  @TempDir Path dir;
  private LiveClients live;
  private TcpProxy proxy;
  private Account bob;
  private Client aliceClient;
  private Client bobClient;
  private RecordingObserver<StateUpdate> atAlice;
  private LiveClients.Running aliceRun;
  private final AtomicInteger reconnects = new AtomicInteger();
  private String conversation;

  @BeforeEach
  void start() throws Exception {
    live = new LiveClients(dir);
    Account alice = live.account("alice@example.org", "Alice Liddell");
    bob = live.account("bob@example.org", "Bob Builder");
    proxy = new TcpProxy(URI.create(live.fixture().url()).getPort());
    aliceClient =
        live.client(
            live.signIn(alice.email()),
            proxy.url(),
            options -> options.origin(live.fixture().url()));
    bobClient = live.client(live.signIn(bob.email()));
    atAlice = RecordingObserver.on(aliceClient.onStateUpdate(), chatMessages());
    aliceClient.onReconnect().addObserver(v -> reconnects.incrementAndGet());
    aliceRun = live.connect(aliceClient);
    live.connect(bobClient);
    conversation = LiveClients.oneToOne(bobClient, alice);
    send(bobClient, conversation, "m0");
    atAlice.assertNext(text("m0"), "m0 before any trouble");
  }

  @AfterEach
  void stop() throws Exception {
    live.close();
    proxy.close();
  }

  @Test
  void aLongPollCutMidChunkIsCaughtUpWithoutLossOrDuplicates() throws Exception {
    proxy.cutMidChunk();
    send(bobClient, conversation, "m1"); // its push is cut in half on the way to Alice
    aliceRun.states().skipUntil(s -> s.kind() == ConnectionState.Kind.RECONNECTING, WAIT);
    send(bobClient, conversation, "m2");
    send(bobClient, conversation, "m3");

    proxy.refuse(false);
    aliceRun.states().skipUntil(s -> s.kind() == ConnectionState.Kind.CONNECTED, WAIT);
    send(bobClient, conversation, "m4");

    for (String expected : new String[] {"m1", "m2", "m3", "m4"}) {
      atAlice.assertNext(text(expected), expected);
    }
    atAlice.assertExhausted(Duration.ofMillis(500));
    assertThat(reconnects).hasValue(1);
  }

  @Test
  void aServerRestartExpiresTheSessionAndTheClientStartsANewOneAndCatchesUp() throws Exception {
    proxy.refuse(true);
    proxy.cutAll();
    aliceRun.states().skipUntil(s -> s.kind() == ConnectionState.Kind.RECONNECTING, WAIT);
    live.fixture().restart();
    send(bobClient, conversation, "m1");
    send(bobClient, conversation, "m2");

    proxy.refuse(false);
    aliceRun
        .states()
        .skipUntil(
            s ->
                s.kind() == ConnectionState.Kind.RECONNECTING
                    && s.reason() != null
                    && s.reason().contains("Unknown SID"),
            WAIT);
    aliceRun.states().skipUntil(s -> s.kind() == ConnectionState.Kind.CONNECTED, WAIT);
    send(bobClient, conversation, "m3");

    for (String expected : new String[] {"m1", "m2", "m3"}) {
      atAlice.assertNext(text(expected), expected);
    }
    atAlice.assertExhausted(Duration.ofMillis(500));
  }

  @Test
  void repeatedCutsNeverLoseOrRepeatAMessage() throws Exception {
    int sent = 0;
    for (int round = 0; round < 4; round++) {
      proxy.cutAll();
      send(bobClient, conversation, "r" + sent++);
      send(bobClient, conversation, "r" + sent++);
    }
    send(bobClient, conversation, "last");

    for (int i = 0; i < sent; i++) {
      atAlice.assertNext(text("r" + i), "r" + i);
    }
    atAlice.assertNext(text("last"), "last");
    atAlice.assertExhausted(Duration.ofMillis(500));
  }
}
