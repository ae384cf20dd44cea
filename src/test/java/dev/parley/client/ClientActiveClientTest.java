package dev.parley.client;

import static dev.parley.client.LiveClients.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.storage.Account;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Client#onActiveClientChanged()} follows which of a user's clients is the active one. */
class ClientActiveClientTest {
  @TempDir Path dir;
  private LiveClients live;

  @BeforeEach
  void start() throws Exception {
    live = new LiveClients(dir);
  }

  @AfterEach
  void stop() throws Exception {
    live.close();
  }

  @Test
  void aClientLearnsWhenItBecomesAndStopsBeingTheActiveClient() throws Exception {
    Account alice = live.account("alice@example.org", "Alice Liddell");
    Account bob = live.account("bob@example.org", "Bob Builder");
    Client laptop = live.client(live.signIn(alice.email()));
    Client phone = live.client(live.signIn(alice.email()));
    Client bobClient = live.client(live.signIn(bob.email()));
    RecordingObserver<Boolean> atLaptop =
        RecordingObserver.on(laptop.onActiveClientChanged(), active -> true);
    live.connect(laptop);
    live.connect(phone);
    live.connect(bobClient);
    var laptopUpdates = RecordingObserver.on(laptop.onStateUpdate(), update -> true);
    String conversation = LiveClients.oneToOne(bobClient, alice);
    // The new conversation's update reaches the laptop before it goes active, so that update's
    // active-client state cannot overtake the one under test.
    laptopUpdates.takeNext();

    laptop.setActive().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(atLaptop.takeNext()).isTrue();
    assertThat(laptop.isActiveClient()).isTrue();

    phone.setActive().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    LiveClients.send(bobClient, conversation, "which one of you is awake?");

    assertThat(atLaptop.takeNext()).isFalse();
    assertThat(laptop.isActiveClient()).isFalse();
    assertThat(phone.isActiveClient()).isTrue();
  }
}
