package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.proto.Hangouts.ConversationId;
import dev.parley.proto.Hangouts.ConversationType;
import dev.parley.proto.Hangouts.CreateConversationRequest;
import dev.parley.proto.Hangouts.EventRequestHeader;
import dev.parley.proto.Hangouts.InviteeID;
import dev.parley.proto.Hangouts.MessageContent;
import dev.parley.proto.Hangouts.Segment;
import dev.parley.proto.Hangouts.SegmentType;
import dev.parley.proto.Hangouts.SendChatMessageRequest;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.server.storage.Account;
import dev.parley.server.testing.ServerFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Real clients against a real in-process server: signs people in through {@link Auth}, runs each
 * client's {@code connect()} on a thread of its own, and on close disconnects them all and checks
 * every connect thread ended (nothing leaked).
 */
final class LiveClients implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(15);
  static final BackoffPolicy FAST =
      new BackoffPolicy(Duration.ofMillis(50), Duration.ofMillis(400), 0);

  private final Path dir;
  private ServerFixture fixture;
  private final List<Running> running = new ArrayList<>();

  LiveClients(Path dir) throws Exception {
    this.dir = dir;
    this.fixture = new ServerFixture(dir.resolve("server"), null);
  }

  ServerFixture fixture() {
    return fixture;
  }

  Account account(String email, String name) {
    return fixture.createAccount(email, name);
  }

  Cookies signIn(String email) throws ClientException {
    return signIn(email, fixture.url());
  }

  Cookies signIn(String email, String url) throws ClientException {
    return Auth.getAuth(
        url,
        new RecordingCredentialsPrompt(email, ServerFixture.PASSWORD),
        new RefreshTokenCache(dir.resolve("tokens").resolve(email)));
  }

  Client client(Cookies cookies) {
    return client(cookies, fixture.url(), b -> b);
  }

  Client client(Cookies cookies, String url, UnaryOperator<ClientOptions.Builder> options) {
    return new Client(
        options.apply(ClientOptions.builder(url, cookies).reconnectBackoff(FAST)).build());
  }

  /** Runs connect() on its own thread; returns once the client is connected and caught up. */
  Running connect(Client client) {
    RecordingObserver<ConnectionState> states =
        RecordingObserver.on(client.onConnectionState(), s -> true);
    Running r = start(client, states);
    states.skipUntil(s -> s.kind() == ConnectionState.Kind.CONNECTED, WAIT);
    return r;
  }

  /** Runs connect() on its own thread without waiting. */
  Running start(Client client, RecordingObserver<ConnectionState> states) {
    Thread thread = new Thread(client::connect, "connect-" + running.size());
    thread.setDaemon(true);
    Running r = new Running(client, thread, states);
    running.add(r);
    thread.start();
    return r;
  }

  @Override
  public void close() throws Exception {
    for (Running r : running) {
      r.client.disconnect();
    }
    for (Running r : running) {
      r.thread.join(TimeUnit.SECONDS.toMillis(10));
      assertThat(r.thread.isAlive()).as("connect() returned after disconnect()").isFalse();
    }
    fixture.close();
  }

  /** A client whose connect() runs on {@code thread}. */
  record Running(Client client, Thread thread, RecordingObserver<ConnectionState> states) {}

  // ---- chat helpers ----

  static String oneToOne(Client client, Account other) throws Exception {
    return client
        .createConversation(
            CreateConversationRequest.newBuilder()
                .setType(ConversationType.CONVERSATION_TYPE_ONE_TO_ONE)
                .addInviteeId(InviteeID.newBuilder().setGaiaId(other.id()))
                .build())
        .get(WAIT.toSeconds(), TimeUnit.SECONDS)
        .getConversation()
        .getConversationId()
        .getId();
  }

  static String group(Client client, String name, Account... others) throws Exception {
    CreateConversationRequest.Builder request =
        CreateConversationRequest.newBuilder()
            .setType(ConversationType.CONVERSATION_TYPE_GROUP)
            .setName(name);
    for (Account other : others) {
      request.addInviteeId(InviteeID.newBuilder().setGaiaId(other.id()));
    }
    return client
        .createConversation(request.build())
        .get(WAIT.toSeconds(), TimeUnit.SECONDS)
        .getConversation()
        .getConversationId()
        .getId();
  }

  static SendChatMessageRequest message(String conversationId, String text) {
    return SendChatMessageRequest.newBuilder()
        .setEventRequestHeader(
            EventRequestHeader.newBuilder()
                .setConversationId(ConversationId.newBuilder().setId(conversationId)))
        .setMessageContent(
            MessageContent.newBuilder()
                .addSegment(
                    Segment.newBuilder().setType(SegmentType.SEGMENT_TYPE_TEXT).setText(text)))
        .build();
  }

  static void send(Client client, String conversationId, String text) throws Exception {
    client.sendChatMessage(message(conversationId, text)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** The text of a chat message event update, or null. */
  static String textOf(StateUpdate update) {
    if (!update.hasEventNotification()
        || !update.getEventNotification().getEvent().hasChatMessage()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (Segment segment :
        update
            .getEventNotification()
            .getEvent()
            .getChatMessage()
            .getMessageContent()
            .getSegmentList()) {
      text.append(segment.getText());
    }
    return text.toString();
  }

  static Predicate<StateUpdate> chatMessages() {
    return update -> textOf(update) != null;
  }

  static Predicate<StateUpdate> text(String expected) {
    return update -> expected.equals(textOf(update));
  }
}
