package dev.parley.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.UiDispatcher;
import dev.parley.app.notifications.PrivateDesktop.NotifyCall;
import dev.parley.app.session.ConversationSummary;
import dev.parley.app.session.RealSessionService;
import dev.parley.client.Auth;
import dev.parley.client.ChatMessageSegment;
import dev.parley.client.Client;
import dev.parley.client.ClientOptions;
import dev.parley.client.Conversation;
import dev.parley.client.ConversationLists;
import dev.parley.client.Cookies;
import dev.parley.client.CredentialsPrompt;
import dev.parley.client.NotificationLevel;
import dev.parley.client.RefreshTokenCache;
import dev.parley.client.UserId;
import dev.parley.server.storage.Account;
import dev.parley.server.testing.ServerFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way: Bob writes from his client to a real server; Alice's app (the real session, the
 * notifications controller and the D-Bus notifier) gets it pushed and shows it through dunst on a
 * desktop of the test's own ({@link PrivateDesktop}); nothing comes of a conversation Alice made
 * quiet from another of her devices.
 */
class DbusNotifierEndToEndTest {
  @TempDir Path dir;

  private PrivateDesktop desktop;
  private ServerFixture server;
  private final List<Client> clients = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final ExecutorService uiThread = Executors.newSingleThreadExecutor();
  private final UiDispatcher ui = uiThread::execute;
  private RealSessionService session;
  private DbusNotifier notifier;
  private NotificationsController controller;

  @BeforeEach
  void start() throws Exception {
    PrivateDesktop.assumeToolsInstalled();
    desktop = PrivateDesktop.start(dir.resolve("desktop"));
    server = new ServerFixture(dir.resolve("server"), null);
  }

  @AfterEach
  void stop() throws Exception {
    if (controller != null) {
      onUi(
          () -> {
            controller.close();
            session.close();
            return null;
          });
    }
    if (notifier != null) {
      notifier.close();
    }
    for (Client c : clients) {
      c.disconnect();
    }
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(10));
    }
    if (server != null) {
      server.close();
    }
    uiThread.shutdownNow();
    if (desktop != null) {
      desktop.close();
    }
  }

  @Test
  void bobsMessageFromAnotherClientPopsUpOnAlicesDesktopButNotInAQuietConversation()
      throws Exception {
    Account alice = server.createAccount("alice@example.org", "Alice Liddell");
    server.createAccount("bob@example.org", "Bob Builder");
    ConversationLists bob = client("bob@example.org", true);
    Conversation trip =
        await(bob.conversationList().createGroup(List.of(UserId.of(alice.id())), "Trip"));
    Conversation noisy =
        await(bob.conversationList().createGroup(List.of(UserId.of(alice.id())), "Noisy"));
    Conversation chat = await(bob.conversationList().createOneToOne(UserId.of(alice.id())));
    send(trip, "Hello before Alice starts");
    // Alice's phone makes "Noisy" quiet.
    ConversationLists alicesPhone = client("alice@example.org", false);
    await(
        alicesPhone
            .conversationList()
            .get(noisy.getId())
            .setNotificationLevel(NotificationLevel.QUIET));

    notifier = DbusNotifier.connect(desktop.busAddress(), null);
    assertThat(notifier.ready().get(15, TimeUnit.SECONDS)).isTrue();
    session =
        await(
            RealSessionService.start(
                server.url(), cookies("alice@example.org"), ui, dir.resolve("alice-cache")));
    onUi(
        () -> {
          controller =
              new NotificationsController(
                  session, notifier, NotificationSettings::defaults, ui, id -> {});
          return null;
        });
    ConversationSummary quiet = onUi(() -> session.conversation(noisy.getId())).orElseThrow();
    assertThat(quiet.quiet()).as("Noisy is quiet for Alice").isTrue();

    send(trip, "Tickets are booked");
    send(noisy, "Nobody hears this");
    // The barrier: once this one arrived, the quiet one would have arrived before it.
    send(chat, "Lunch?");

    List<NotifyCall> calls = desktop.awaitNotifyCalls(2);
    Thread.sleep(300);
    calls = desktop.notifyCalls();
    assertThat(calls)
        .extracting(NotifyCall::summary)
        .containsExactly("Bob Builder in Trip", "Bob Builder");
    assertThat(calls).extracting(NotifyCall::body).containsExactly("Tickets are booked", "Lunch?");
    assertThat(calls.toString()).doesNotContain("Nobody hears this").doesNotContain("Hello before");
    PrivateDesktop.await(() -> displayed() == 2, "dunst shows both");
  }

  private int displayed() {
    try {
      return desktop.displayed();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Cookies cookies(String email) throws Exception {
    CredentialsPrompt prompt = dev.parley.app.e2e.TestAccounts.prompt(email);
    return Auth.getAuth(
        server.url(), prompt, new RefreshTokenCache(dir.resolve("tokens").resolve(email)));
  }

  /** Someone on the client library, connected to the push channel when {@code connect}. */
  private ConversationLists client(String email, boolean connect) throws Exception {
    Client client = new Client(ClientOptions.builder(server.url(), cookies(email)).build());
    clients.add(client);
    if (connect) {
      Thread t = new Thread(client::connect, "client-" + email);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    return await(ConversationLists.build(client));
  }

  private static void send(Conversation c, String text) throws Exception {
    await(c.sendMessage(ChatMessageSegment.fromString(text)));
  }

  private static <T> T await(CompletableFuture<T> f) throws Exception {
    return f.get(20, TimeUnit.SECONDS);
  }

  private <T> T onUi(Callable<T> task) throws Exception {
    return uiThread.submit(task).get(20, TimeUnit.SECONDS);
  }
}
