package dev.parley.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.parley.client.CredentialsPrompt;
import dev.parley.proto.Hangouts;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import dev.parley.server.auth.PasswordHasher;
import dev.parley.server.demo.DemoTimings;
import dev.parley.server.demo.DemoWorld;
import dev.parley.server.storage.Account;
import dev.parley.server.storage.ConversationRecord;
import dev.parley.server.storage.Membership;
import dev.parley.server.storage.StoredEvent;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every example against a real in-process demo server, signing in with a scripted prompt and
 * one token file for the whole class (so the password is asked once), and checks what they print
 * and what the server then holds.
 */
class ExamplesRunTest {
  /** The longest any one example may take here. */
  private static final Duration EXAMPLE_LIMIT = Duration.ofSeconds(90);

  /** How long to wait for something to show up in an example's output. */
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** The bot answers within 50-150 ms; the friends' visits never come while the tests run. */
  private static final DemoTimings QUICK_BOT =
      new DemoTimings(
          Duration.ofMillis(50),
          Duration.ofMillis(150),
          Duration.ofHours(1),
          Duration.ofHours(1),
          Duration.ofSeconds(1),
          Duration.ofHours(1),
          Duration.ofHours(1));

  private static final int GROUP = Hangouts.ConversationType.CONVERSATION_TYPE_GROUP_VALUE;

  @TempDir static Path dir;

  private static ParleyServer server;
  private static ScriptedPrompt prompt;
  private static Account owner;
  private static String botChat;

  /** The owner's conversations other than the bot's, most events first. */
  private static List<String> otherChats;

  @BeforeAll
  static void startDemoServer() throws Exception {
    server =
        ParleyServer.start(
            ServerConfig.defaults(dir.resolve("server"))
                .withPort(0)
                .withDemo(true)
                .withPasswordParams(new PasswordHasher.Params(1024, 1, 1)),
            QUICK_BOT);
    prompt = new ScriptedPrompt(DemoWorld.OWNER_EMAIL, DemoWorld.OWNER_PASSWORD);
    owner = server.store().read(tx -> tx.accountByEmail(DemoWorld.OWNER_EMAIL)).orElseThrow();
    Account bot = server.store().read(tx -> tx.accountByEmail("bot@parley.local")).orElseThrow();
    String key =
        owner.id().compareTo(bot.id()) < 0
            ? owner.id() + " " + bot.id()
            : bot.id() + " " + owner.id();
    botChat = server.store().read(tx -> tx.conversationByOneToOneKey(key)).orElseThrow().id();
    otherChats =
        server
            .store()
            .read(
                tx ->
                    tx.membershipsOf(owner.id()).stream()
                        .filter(Membership::isCurrent)
                        .map(Membership::conversationId)
                        .filter(id -> !id.equals(botChat))
                        .toList())
            .stream()
            .sorted(Comparator.comparingInt(ExamplesRunTest::visibleEventCount).reversed())
            .toList();
    assertThat(otherChats).as("the demo owner's conversations").hasSizeGreaterThan(2);
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  // ---- the examples ----

  @Test
  void buildConversationListPrintsTheDemoPeopleAndEveryConversation() {
    String output = run(BuildConversationList::buildConversationList, args());

    List<String> conversations =
        server.store().read(tx -> tx.membershipsOf(owner.id())).stream()
            .filter(Membership::isCurrent)
            .map(Membership::conversationId)
            .toList();
    assertThat(output)
        .contains(conversations.size() + " known conversations")
        .contains("Sam Taylor: " + owner.id())
        .contains("Maya Chen: ")
        .contains("Parley Bot: ")
        .contains("Conversation with Parley Bot (" + botChat + ")");
    for (String id : conversations) {
      assertThat(output).contains("(" + id + ")");
    }
  }

  @Test
  void sendMessageSendsFormattedTextThatTheConversationThenHolds() throws Exception {
    String chat = otherChats.get(1);
    String output =
        run(
            SendMessage::sendMessage,
            args("--conversation", chat, "--message", "hi **there** from SendMessage"));

    String eventId = find(output, "sent message (\\S+)");
    Hangouts.Event event = storedEvent(eventId);
    assertThat(event.getConversationId().getId()).isEqualTo(chat);
    assertThat(event.getSenderId().getGaiaId()).isEqualTo(owner.id());
    List<Hangouts.Segment> segments = event.getChatMessage().getMessageContent().getSegmentList();
    assertThat(segments).extracting(Hangouts.Segment::getText).contains("there");
    assertThat(segments.stream().filter(s -> s.getText().equals("there")).findFirst().orElseThrow())
        .satisfies(s -> assertThat(s.getFormatting().getBold()).isTrue());
    assertThat(segments.stream().map(Hangouts.Segment::getText).collect(Collectors.joining()))
        .isEqualTo("hi there from SendMessage");
  }

  @Test
  void receiveMessagesPrintsTheBotsReplyToAMessageSentMeanwhile() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread receiver =
        new Thread(
            () -> {
              try {
                ReceiveMessages.receiveMessages(args("--seconds", "120"), out);
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "receive-messages");
    receiver.setDaemon(true);
    receiver.start();
    try {
      awaitOutput(bytes, "waiting for chat messages...");
      String text = "ping " + System.nanoTime();
      run(SendMessage::sendMessage, args("--conversation", botChat, "--message", text));

      awaitOutput(bytes, "received chat message from Parley Bot: 'You said: " + text + "'");
      assertThat(bytes.toString(StandardCharsets.UTF_8))
          .contains("received chat message from Sam Taylor: '" + text + "'");
    } finally {
      // As Ctrl-C would: the example disconnects and returns.
      receiver.interrupt();
      receiver.join(WAIT.toMillis());
    }
    assertThat(receiver.isAlive()).as("ReceiveMessages returned when interrupted").isFalse();
    assertThat(failure.get()).isNull();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("interrupted");
  }

  @Test
  void pageEventsReachesTheStartOfHistory() {
    String chat = otherChats.get(0);
    int expected = visibleEventCount(chat);

    String output = run(PageEvents::pageEvents, args("--conversation", chat, "--max-events", "7"));

    Matcher summary =
        Pattern.compile("reached the start of history: (\\d+) events in (\\d+) pages")
            .matcher(output);
    assertThat(summary.find()).as(output).isTrue();
    assertThat(Integer.parseInt(summary.group(1))).isEqualTo(expected);
    assertThat(Integer.parseInt(summary.group(2))).isGreaterThanOrEqualTo(expected / 7 + 1);
    // One line per event (line breaks in messages show as \n), then the summary.
    List<String> lines = output.lines().toList();
    List<String> eventLines = lines.subList(0, lines.size() - 1);
    assertThat(eventLines)
        .hasSize(expected)
        .allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\w+Event.*"));
    assertThat(eventLines.stream().map(l -> l.substring(0, 19)).toList()).isSorted();
    assertThat(eventLines).anyMatch(l -> l.contains(" ChatMessageEvent "));
  }

  @Test
  void pageEventsSaysWhenTheConversationIsUnknown() {
    String output = run(PageEvents::pageEvents, args("--conversation", "UgNoSuchConversation"));

    assertThat(output).contains("conversation UgNoSuchConversation not found");
  }

  @Test
  void uploadImageSendsAMessageShowingTheUploadedPhoto() throws Exception {
    String chat = otherChats.get(2);
    Path image = dir.resolve("sunset.png");
    writePng(image);

    String output =
        run(
            UploadImage::uploadImage,
            args("--conversation", chat, "--image", image.toString(), "--message", "a sunset"));

    assertThat(output).contains("uploaded 100% of " + Files.size(image) + " bytes");
    String photoId = find(output, "photo id (\\S+) at ");
    Hangouts.Event event = storedEvent(find(output, "sent message (\\S+)"));
    assertThat(event.getConversationId().getId()).isEqualTo(chat);
    Hangouts.MessageContent content = event.getChatMessage().getMessageContent();
    assertThat(content.getSegmentList())
        .extracting(Hangouts.Segment::getText)
        .containsExactly("a sunset");
    assertThat(content.getAttachmentList())
        .extracting(a -> a.getEmbedItem().getPlusPhoto().getPhotoId())
        .containsExactly(photoId);
  }

  @Test
  void createGroupCreatesANamedGroupWithThePeopleGivenByEmailOrId() {
    Account maya = account("maya@parley.local");
    Account jonas = account("jonas@parley.local");

    String output =
        run(
            CreateGroup::createGroup,
            args("--user", maya.email(), "--user", jonas.id(), "--name", "Examples at work"));

    String id = find(output, "created group 'Examples at work' \\((\\S+)\\) with ");
    assertThat(output).contains("Maya Chen").contains("Jonas Weber").contains("Sam Taylor");
    ConversationRecord group = server.store().read(tx -> tx.conversation(id)).orElseThrow();
    assertThat(group.type()).isEqualTo(GROUP);
    assertThat(group.name()).isEqualTo("Examples at work");
    List<Membership> members = server.store().read(tx -> tx.memberships(id));
    assertThat(members)
        .extracting(Membership::accountId)
        .containsExactlyInAnyOrder(owner.id(), maya.id(), jonas.id());
  }

  @Test
  void createGroupNamesAnUnknownAddress() {
    assertThatThrownBy(
            () ->
                CreateGroup.createGroup(
                    args("--user", "nobody@parley.local"),
                    new PrintStream(OutputStream.nullOutputStream())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nobody@parley.local");
  }

  @Test
  void queryPresencePrintsEveryoneInTheOwnersConversations() {
    String output = run(QueryPresence::queryPresence, args());

    assertThat(output)
        .containsPattern("Parley Bot: reachable=(true|false) available=(true|false) ")
        .containsPattern("Maya Chen: reachable=(true|false) available=(true|false) ")
        .doesNotContain("Sam Taylor:");
  }

  @Test
  void queryPresenceAsksAboutThePeopleGiven() {
    String output = run(QueryPresence::queryPresence, args("--user", "aisha@parley.local"));

    assertThat(output.lines().filter(l -> l.contains(": reachable=")).toList())
        .singleElement()
        .asString()
        .startsWith("Aisha Bello: reachable=");
  }

  // ---- the command line ----

  @Test
  void requiredOptionsAreCheckedBeforeSigningIn() {
    assertThatThrownBy(() -> SendMessage.sendMessage(args("--message", "hi"), System.out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--conversation is required");
    assertThatThrownBy(() -> ExampleArgs.parse("--colour", "red"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown option --colour");
    assertThatThrownBy(() -> ExampleArgs.parse("--server"))
        .hasMessageStartingWith("--server needs a value");
  }

  @Test
  void parseReadsEveryOption() {
    ExampleArgs args =
        ExampleArgs.parse(
            "--server",
            "http://example.org:1234",
            "--token-file",
            "/tmp/t",
            "--conversation",
            "Ug1",
            "--message",
            "hi",
            "--image",
            "a.png",
            "--user",
            "1",
            "--user",
            "b@c.d",
            "--name",
            "N",
            "--max-events",
            "9",
            "--seconds",
            "3");

    assertThat(args.server()).isEqualTo("http://example.org:1234");
    assertThat(args.tokenFile()).isEqualTo(Path.of("/tmp/t"));
    assertThat(args.conversation()).isEqualTo("Ug1");
    assertThat(args.message()).isEqualTo("hi");
    assertThat(args.image()).isEqualTo(Path.of("a.png"));
    assertThat(args.users()).containsExactly("1", "b@c.d");
    assertThat(args.name()).isEqualTo("N");
    assertThat(args.maxEvents()).isEqualTo(9);
    assertThat(args.duration()).isEqualTo(Duration.ofSeconds(3));
  }

  // ---- helpers ----

  /**
   * Runs an example to its end, within {@link #EXAMPLE_LIMIT}, and returns what it printed; checks
   * that the password was asked at most once for the whole class (the token file works).
   */
  private static String run(ExampleArgs.Example example, ExampleArgs args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertTimeoutPreemptively(EXAMPLE_LIMIT, () -> example.run(args, out));
    assertThat(prompt.asked()).isIn(List.of(), List.of("email", "password"));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static ExampleArgs args(String... extra) {
    List<String> all = new ArrayList<>();
    all.addAll(List.of("--server", server.url(), "--token-file", dir.resolve("token").toString()));
    all.addAll(List.of(extra));
    return ExampleArgs.parse(all.toArray(String[]::new)).withPrompt(prompt);
  }

  private static void awaitOutput(ByteArrayOutputStream bytes, String expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!bytes.toString(StandardCharsets.UTF_8).contains(expected)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "no '"
                + expected
                + "' within "
                + WAIT
                + " in:\n"
                + bytes.toString(StandardCharsets.UTF_8));
      }
      Thread.sleep(20);
    }
  }

  private static String find(String output, String regex) {
    Matcher m = Pattern.compile(regex).matcher(output);
    assertThat(m.find()).as("'%s' in:%n%s", regex, output).isTrue();
    return m.group(1);
  }

  private static Account account(String email) {
    return server.store().read(tx -> tx.accountByEmail(email)).orElseThrow();
  }

  private static Hangouts.Event storedEvent(String eventId) throws Exception {
    StoredEvent stored = server.store().read(tx -> tx.event(eventId)).orElseThrow();
    return Hangouts.Event.parseFrom(stored.payload());
  }

  /** The events of a conversation the owner may see (PageEvents should print them all). */
  private static int visibleEventCount(String conversationId) {
    return server
        .store()
        .read(
            tx -> {
              Membership m = tx.membership(conversationId, owner.id()).orElseThrow();
              return tx.eventsOldestFirst(
                      conversationId, m.deletedUpTo(), Long.MAX_VALUE, Integer.MAX_VALUE)
                  .size();
            });
  }

  private static void writePng(Path file) throws Exception {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0xF97316));
    g.fillRect(0, 0, 64, 48);
    g.setColor(new Color(0x1E3A8A));
    g.fillRect(0, 32, 64, 16);
    g.dispose();
    assertThat(ImageIO.write(image, "png", file.toFile())).isTrue();
  }

  /** Answers the sign-in questions from a script and remembers which were asked. */
  private static final class ScriptedPrompt implements CredentialsPrompt {
    private final Map<String, String> answers;
    private final List<String> asked = new ArrayList<>();

    ScriptedPrompt(String email, String password) {
      this.answers = Map.of("email", email, "password", password);
    }

    @Override
    public synchronized String email() {
      asked.add("email");
      return answers.get("email");
    }

    @Override
    public synchronized String password() {
      asked.add("password");
      return answers.get("password");
    }

    @Override
    public synchronized String verificationCode() {
      asked.add("code");
      return null; // the demo owner has no second factor: cancel
    }

    synchronized List<String> asked() {
      return List.copyOf(asked);
    }
  }
}
