package dev.parley.bench;

import dev.parley.client.Auth;
import dev.parley.client.Client;
import dev.parley.client.ConnectionState;
import dev.parley.client.ConversationLists;
import dev.parley.client.Cookies;
import dev.parley.client.CredentialsPrompt;
import dev.parley.client.RefreshTokenCache;
import dev.parley.client.User;
import dev.parley.proto.Hangouts.ConversationId;
import dev.parley.proto.Hangouts.ConversationState;
import dev.parley.proto.Hangouts.ConversationType;
import dev.parley.proto.Hangouts.CreateConversationRequest;
import dev.parley.proto.Hangouts.EventRequestHeader;
import dev.parley.proto.Hangouts.InviteeID;
import dev.parley.proto.Hangouts.MessageContent;
import dev.parley.proto.Hangouts.Segment;
import dev.parley.proto.Hangouts.SegmentType;
import dev.parley.proto.Hangouts.SendChatMessageRequest;
import dev.parley.proto.Hangouts.SyncAllNewEventsRequest;
import dev.parley.proto.Hangouts.SyncAllNewEventsResponse;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import dev.parley.server.auth.PasswordHasher;
import dev.parley.server.conversations.Ids;
import dev.parley.server.storage.Account;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * The client library against a large account on an in-process server (SQLite in a temp dir, cheap
 * password hashing), over loopback. Prints one {@code name: value unit} line per figure on standard
 * output (progress goes to standard error).
 *
 * <ul>
 *   <li><b>build</b>: one account in {@code --conversations} groups with {@code --users} other
 *       people spread over them; times {@link ConversationLists#build} (syncrecentconversations
 *       pages, getentitybyid, getselfinfo), cold and again warm.
 *   <li><b>catch-up</b>, twice: the account's client disconnects; another account sends {@code
 *       --events} messages to its conversations; the client reconnects. Times from {@code
 *       connect()} until every message arrived through {@code onStateUpdate}, and counts duplicates
 *       and missing ones: first with only the counting observer ({@code catch_up_N_events}), then
 *       with the built lists attached as in an app ({@code ..._with_lists}). Then times the same
 *       {@code syncallnewevents} pages requested alone, to tell the server's share from the
 *       client's. Goal: 10,000 events within 1 s.
 *   <li>It also logs (standard error) whether one {@code getentitybyid} for everybody, as the build
 *       sends it, is answered.
 * </ul>
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.parley.bench.ClientBench -Dexec.args="--quick"
 * options: --users 20000 --conversations 500 --events 10000 --quick (2000, 50, 1000)
 * </pre>
 */
public final class ClientBench {
  private static final String PASSWORD = "client bench password";
  private static final PasswordHasher.Params CHEAP = new PasswordHasher.Params(1024, 1, 1);
  private static final Duration WAIT = Duration.ofMinutes(5);
  private static final int IN_FLIGHT = 8;
  private static final int ACCOUNTS_PER_TRANSACTION = 1_000;

  private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

  private ClientBench() {}

  /** The knobs. */
  record Options(int users, int conversations, int events) {
    static Options parse(String[] args) {
      boolean quick = List.of(args).contains("--quick");
      int users = quick ? 2_000 : 20_000;
      int conversations = quick ? 50 : 500;
      int events = quick ? 1_000 : 10_000;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--quick")) {
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value for " + a);
        }
        int v = Integer.parseInt(args[++i]);
        switch (a) {
          case "--users" -> users = v;
          case "--conversations" -> conversations = v;
          case "--events" -> events = v;
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
      }
      if (users < 0 || conversations < 1 || events < 1) {
        throw new IllegalArgumentException("need users >= 0, conversations >= 1, events >= 1");
      }
      return new Options(users, conversations, events);
    }
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    log(
        "cpus %d, load average %.2f; %d users, %d conversations, %d events",
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        o.users(),
        o.conversations(),
        o.events());
    Path dir = Files.createTempDirectory("parley-client-bench");
    ParleyServer server =
        ParleyServer.start(
            ServerConfig.defaults(dir.resolve("server")).withPort(0).withPasswordParams(CHEAP));
    try {
      run(o, server, dir);
    } finally {
      server.close();
      deleteRecursively(dir);
    }
  }

  private static void run(Options o, ParleyServer server, Path dir) throws Exception {
    // ---- setup: accounts straight into the store, conversations through the RPCs ----
    long t0 = System.nanoTime();
    Account owner =
        server.accounts().create("owner@bench.local", "Bench Owner", PASSWORD.toCharArray(), false);
    Account sender =
        server
            .accounts()
            .create("sender@bench.local", "Bench Sender", PASSWORD.toCharArray(), false);
    List<Account> people = insertAccounts(server, o.users());
    log("%d accounts in %.1f s", o.users() + 2, seconds(System.nanoTime() - t0));

    Client ownerClient = Client.create(server.url(), signIn(server, dir, owner.email()));
    Client senderClient = Client.create(server.url(), signIn(server, dir, sender.email()));

    t0 = System.nanoTime();
    List<String> conversations = createGroups(ownerClient, sender, people, o.conversations());
    log("%d conversations in %.1f s", conversations.size(), seconds(System.nanoTime() - t0));

    // ---- build ----
    Connection connection = Connection.start(ownerClient);
    t0 = System.nanoTime();
    ConversationLists lists =
        ConversationLists.build(ownerClient).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    long buildNanos = System.nanoTime() - t0;
    List<User> users = lists.userList().getAllUsers();
    print("build_conversation_lists", millis(buildNanos), "ms");
    print("conversations", lists.conversationList().getAll(true).size(), "conversations");
    print("users", users.size(), "users");
    print(
        "users_with_profile",
        users.stream().filter(u -> u.getCanonicalEmail() != null).count(),
        "users (from getentitybyid; the rest have names from participant data only)");
    lists.close();
    t0 = System.nanoTime();
    ConversationLists.build(ownerClient).get(WAIT.toSeconds(), TimeUnit.SECONDS).close();
    print("build_conversation_lists_warm", millis(System.nanoTime() - t0), "ms");

    // ---- catch-up: first with nothing else observing, then with the lists attached ----
    connection = catchUp("", ownerClient, connection, senderClient, sender, conversations, o);
    lists = ConversationLists.build(ownerClient).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    connection =
        catchUp("_with_lists", ownerClient, connection, senderClient, sender, conversations, o);
    lists.close();
    connection.stop();
  }

  /**
   * One catch-up: stops the owner's connection, has the sender send the messages, starts it again
   * and counts the messages arriving. Also times the same syncallnewevents pages alone.
   *
   * @return the owner's new connection
   */
  private static Connection catchUp(
      String label,
      Client ownerClient,
      Connection connection,
      Client senderClient,
      Account sender,
      List<String> conversations,
      Options o)
      throws Exception {
    ClientCatchUpCounter counter = new ClientCatchUpCounter(sender.id(), o.events());
    ownerClient.onStateUpdate().addObserver(counter);
    connection.stop();
    long since = ownerClient.syncTimestamp();
    log("owner disconnected; sending %d messages", o.events());

    long t0 = System.nanoTime();
    sendMessages(senderClient, conversations, o.events());
    long sendNanos = System.nanoTime() - t0;
    log("sent %.0f messages/s (%d in flight)", o.events() / seconds(sendNanos), IN_FLIGHT);

    t0 = System.nanoTime();
    counter.startClock(t0);
    connection = Connection.start(ownerClient);
    long connectedNanos = System.nanoTime() - t0;
    boolean all = counter.awaitAll(WAIT);
    long catchUpNanos = counter.lastArrivalNanos() - t0;
    Thread.sleep(1_000); // let duplicates, if any, show up
    ownerClient.onStateUpdate().removeObserver(counter);
    if (!all) {
      log("only %d of %d events arrived within %s", counter.distinct(), o.events(), WAIT);
    }
    String name = "catch_up_" + o.events() + "_events" + label;
    print(name, all ? millis(catchUpNanos) : Double.NaN, "ms");
    print(
        "catch_up_rate" + label, all ? o.events() / seconds(catchUpNanos) : Double.NaN, "events/s");
    print("catch_up_connected" + label, millis(connectedNanos), "ms (connect() until CONNECTED)");
    print(
        "catch_up_first_event" + label,
        millis(counter.firstArrivalNanos() - t0),
        "ms (after connect())");
    print("catch_up_duplicates" + label, counter.duplicates(), "events");
    print("catch_up_missing" + label, o.events() - counter.distinct(), "events");

    // The same syncallnewevents pages again, without the channel and the dispatch.
    t0 = System.nanoTime();
    long[] pages = syncAllNewEvents(ownerClient, since);
    print(
        "sync_all_new_events_rpcs" + label,
        millis(System.nanoTime() - t0),
        String.format(
            Locale.ROOT,
            "ms (the catch-up's requests alone: %d pages, %d events, %.1f MB)",
            pages[0],
            pages[1],
            pages[2] / 1e6));
    return connection;
  }

  /** Pages {@code syncallnewevents} from {@code since} as the client's catch-up does. */
  private static long[] syncAllNewEvents(Client client, long since) throws Exception {
    long pages = 0;
    long events = 0;
    long bytes = 0;
    while (true) {
      SyncAllNewEventsResponse response =
          client
              .syncAllNewEvents(
                  SyncAllNewEventsRequest.newBuilder()
                      .setLastSyncTimestamp(since)
                      .setMaxResponseSizeBytes(1024 * 1024)
                      .build())
              .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      pages++;
      bytes += response.getSerializedSize();
      for (ConversationState state : response.getConversationStateList()) {
        events += state.getEventCount();
      }
      long next = response.getSyncTimestamp();
      long now = response.getResponseHeader().getCurrentServerTime();
      if (next <= since || now == 0 || next >= now) {
        return new long[] {pages, events, bytes};
      }
      since = next;
    }
  }

  // ---- setup ----

  /** {@code count} people, inserted in a few transactions with one precomputed password hash. */
  private static List<Account> insertAccounts(ParleyServer server, int count) {
    String hash = new PasswordHasher(CHEAP, new SecureRandom()).hash(PASSWORD.toCharArray());
    Ids ids = new Ids(new SecureRandom());
    long now = System.currentTimeMillis() * 1000;
    List<Account> all = new ArrayList<>(count);
    for (int start = 0; start < count; start += ACCOUNTS_PER_TRANSACTION) {
      int end = Math.min(count, start + ACCOUNTS_PER_TRANSACTION);
      List<Account> batch = new ArrayList<>();
      for (int i = start; i < end; i++) {
        String name = String.format(Locale.ROOT, "Person %05d", i);
        batch.add(
            new Account(
                ids.accountId(),
                "person" + i + "@bench.local",
                name,
                "Person",
                hash,
                null,
                null,
                false,
                now));
      }
      server
          .store()
          .write(
              tx -> {
                batch.forEach(tx::insertAccount);
                return null;
              });
      all.addAll(batch);
    }
    return all;
  }

  private static Cookies signIn(ParleyServer server, Path dir, String email) throws Exception {
    CredentialsPrompt prompt =
        new CredentialsPrompt() {
          @Override
          public String email() {
            return email;
          }

          @Override
          public String password() {
            return PASSWORD;
          }

          @Override
          public String verificationCode() {
            return null;
          }
        };
    return Auth.getAuth(
        server.url(), prompt, new RefreshTokenCache(dir.resolve("tokens").resolve(email)));
  }

  /** Groups of the owner, the sender and an equal share of the people each. */
  private static List<String> createGroups(
      Client owner, Account sender, List<Account> people, int count) throws Exception {
    return inFlight(
        count,
        i -> {
          CreateConversationRequest.Builder request =
              CreateConversationRequest.newBuilder()
                  .setType(ConversationType.CONVERSATION_TYPE_GROUP)
                  .setName("Bench group " + i)
                  .addInviteeId(InviteeID.newBuilder().setGaiaId(sender.id()));
          for (int p = i; p < people.size(); p += count) {
            request.addInviteeId(InviteeID.newBuilder().setGaiaId(people.get(p).id()));
          }
          return owner
              .createConversation(request.build())
              .thenApply(r -> r.getConversation().getConversationId().getId());
        });
  }

  /** {@code count} text messages, spread round-robin over the conversations. */
  private static void sendMessages(Client sender, List<String> conversations, int count)
      throws Exception {
    inFlight(
        count,
        i ->
            sender.sendChatMessage(
                SendChatMessageRequest.newBuilder()
                    .setEventRequestHeader(
                        EventRequestHeader.newBuilder()
                            .setConversationId(
                                ConversationId.newBuilder()
                                    .setId(conversations.get(i % conversations.size()))))
                    .setMessageContent(
                        MessageContent.newBuilder()
                            .addSegment(
                                Segment.newBuilder()
                                    .setType(SegmentType.SEGMENT_TYPE_TEXT)
                                    .setText("bench message " + i)))
                    .build()));
  }

  /** Runs {@code count} calls, {@value #IN_FLIGHT} at a time; returns their results in order. */
  private static <T> List<T> inFlight(int count, IntFunction<CompletableFuture<T>> call)
      throws Exception {
    Semaphore slots = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<T>> calls = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (!slots.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("calls stopped completing");
      }
      calls.add(call.apply(i).whenComplete((r, e) -> slots.release()));
    }
    List<T> results = new ArrayList<>(count);
    for (CompletableFuture<T> c : calls) {
      results.add(c.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }
    return results;
  }

  // ---- the client's connection ----

  /** A client's {@code connect()} on a thread of its own, started and stopped. */
  private record Connection(Client client, Thread thread) {
    /** Starts {@code connect()}; returns once the client says it is connected. */
    static Connection start(Client client) throws InterruptedException {
      CountDownLatch connected = new CountDownLatch(1);
      Consumer<ConnectionState> observer =
          state -> {
            if (state.kind() == ConnectionState.Kind.CONNECTED) {
              connected.countDown();
            }
          };
      client.onConnectionState().addObserver(observer);
      Thread thread = new Thread(client::connect, "client-bench-connect");
      thread.setDaemon(true);
      thread.start();
      try {
        if (!connected.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
          throw new IllegalStateException("not connected within " + WAIT);
        }
      } finally {
        client.onConnectionState().removeObserver(observer);
      }
      return new Connection(client, thread);
    }

    void stop() throws InterruptedException {
      client.disconnect();
      thread.join(WAIT.toMillis());
      if (thread.isAlive()) {
        throw new IllegalStateException("connect() did not return after disconnect()");
      }
    }
  }

  // ---- output ----

  private static void print(String name, double value, String unit) {
    OUT.printf(Locale.ROOT, "%s: %.1f %s%n", name, value, unit);
  }

  private static void print(String name, long value, String unit) {
    OUT.printf(Locale.ROOT, "%s: %d %s%n", name, value, unit);
  }

  private static void log(String format, Object... args) {
    System.err.printf(Locale.ROOT, "[client-bench] " + format + "%n", args);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log("could not delete %s: %s", dir, e);
    }
  }
}
