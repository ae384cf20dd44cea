package dev.parley.client;

import static dev.parley.client.LiveClients.WAIT;
import static dev.parley.client.LiveClients.chatMessages;
import static dev.parley.client.LiveClients.message;
import static dev.parley.client.LiveClients.send;
import static dev.parley.client.LiveClients.text;
import static dev.parley.client.LiveClients.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.proto.Hangouts.ActiveClientState;
import dev.parley.proto.Hangouts.AddUserRequest;
import dev.parley.proto.Hangouts.ConversationId;
import dev.parley.proto.Hangouts.EventRequestHeader;
import dev.parley.proto.Hangouts.ExistingMedia;
import dev.parley.proto.Hangouts.GetGroupConversationUrlRequest;
import dev.parley.proto.Hangouts.GroupLinkSharingStatus;
import dev.parley.proto.Hangouts.InviteeID;
import dev.parley.proto.Hangouts.Photo;
import dev.parley.proto.Hangouts.SetGroupLinkSharingEnabledRequest;
import dev.parley.proto.Hangouts.SetTypingRequest;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.TypingType;
import dev.parley.proto.Hangouts.UpdateWatermarkRequest;
import dev.parley.server.storage.Account;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two (or three) real clients chatting through a real server. */
class ClientTest {
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
  }

  @AfterEach
  void stop() throws Exception {
    live.close();
  }

  @Test
  void twoClientsChatBothWays() throws Exception {
    RecordingObserver<StateUpdate> atAlice =
        RecordingObserver.on(aliceClient.onStateUpdate(), chatMessages());
    RecordingObserver<StateUpdate> atBob =
        RecordingObserver.on(bobClient.onStateUpdate(), chatMessages());
    live.connect(aliceClient);
    live.connect(bobClient);
    String conversation = LiveClients.oneToOne(aliceClient, bob);

    send(aliceClient, conversation, "hello bob");
    atBob.assertNext(text("hello bob"), "alice's message at bob");
    send(bobClient, conversation, "hello alice");
    atAlice.skipUntil(text("hello alice"), WAIT);

    assertThat(atAlice.threads()).allMatch(name -> name.startsWith("parley-callback"));
  }

  @Test
  void pushesArriveOnceAndInOrder() throws Exception {
    RecordingObserver<StateUpdate> atBob =
        RecordingObserver.on(bobClient.onStateUpdate(), chatMessages());
    live.connect(aliceClient);
    live.connect(bobClient);
    String conversation = LiveClients.oneToOne(aliceClient, bob);

    for (int i = 0; i < 25; i++) {
      send(aliceClient, conversation, "message " + i);
    }

    for (int i = 0; i < 25; i++) {
      atBob.assertNext(text("message " + i), "message " + i);
    }
    atBob.assertExhausted(Duration.ofMillis(500));
  }

  @Test
  void aRetriedMessageIsStoredOnce() throws Exception {
    RecordingObserver<StateUpdate> atBob =
        RecordingObserver.on(bobClient.onStateUpdate(), chatMessages());
    live.connect(bobClient);
    String conversation = LiveClients.oneToOne(aliceClient, bob);
    var request = message(conversation, "only once").toBuilder();
    request.getEventRequestHeaderBuilder().setClientGeneratedId(aliceClient.getClientGeneratedId());

    String first =
        aliceClient.sendChatMessage(request.build()).get().getCreatedEvent().getEventId();
    String again =
        aliceClient.sendChatMessage(request.build()).get().getCreatedEvent().getEventId();

    assertThat(again).isEqualTo(first);
    atBob.assertNext(text("only once"), "the message");
    atBob.assertExhausted(Duration.ofMillis(300));
  }

  @Test
  void typingAndWatermarkReachTheOtherSide() throws Exception {
    RecordingObserver<StateUpdate> typingAtBob =
        RecordingObserver.on(bobClient.onStateUpdate(), StateUpdate::hasTypingNotification);
    RecordingObserver<StateUpdate> watermarkAtAlice =
        RecordingObserver.on(aliceClient.onStateUpdate(), StateUpdate::hasWatermarkNotification);
    live.connect(aliceClient);
    live.connect(bobClient);
    String conversation = LiveClients.oneToOne(aliceClient, bob);
    ConversationId id = ConversationId.newBuilder().setId(conversation).build();

    aliceClient
        .setTyping(
            SetTypingRequest.newBuilder()
                .setConversationId(id)
                .setType(TypingType.TYPING_TYPE_STARTED)
                .build())
        .get();
    long readUpTo =
        aliceClient
            .sendChatMessage(message(conversation, "read me"))
            .get()
            .getCreatedEvent()
            .getTimestamp();
    bobClient
        .updateWatermark(
            UpdateWatermarkRequest.newBuilder()
                .setConversationId(id)
                .setLastReadTimestamp(readUpTo)
                .build())
        .get();

    StateUpdate typing = typingAtBob.takeNext();
    assertThat(typing.getTypingNotification().getSenderId().getGaiaId()).isEqualTo(alice.id());
    assertThat(typing.getTypingNotification().getType()).isEqualTo(TypingType.TYPING_TYPE_STARTED);
    StateUpdate watermark =
        watermarkAtAlice.skipUntil(
            u -> u.getWatermarkNotification().getSenderId().getGaiaId().equals(bob.id()), WAIT);
    assertThat(watermark.getWatermarkNotification().getConversationId().getId())
        .isEqualTo(conversation);
    assertThat(watermark.getWatermarkNotification().getLatestReadTimestamp()).isEqualTo(readUpTo);
  }

  @Test
  void setActiveMakesThisTheActiveClientAtMostOncePerMinute() throws Exception {
    RecordingObserver<StateUpdate> atAlice =
        RecordingObserver.on(aliceClient.onStateUpdate(), chatMessages());
    live.connect(aliceClient);
    String conversation = LiveClients.oneToOne(bobClient, alice);

    aliceClient.setActive().get();
    aliceClient.setActive().get();
    send(bobClient, conversation, "are you there?");

    StateUpdate update = atAlice.assertNext(text("are you there?"), "bob's message");
    assertThat(update.getStateUpdateHeader().getActiveClientState())
        .isEqualTo(ActiveClientState.ACTIVE_CLIENT_STATE_IS_ACTIVE);
    assertThat(aliceClient.activeClientState())
        .isEqualTo(ActiveClientState.ACTIVE_CLIENT_STATE_IS_ACTIVE);
  }

  @Test
  void anUploadedImageReportsProgressAndCanBeSent() throws Exception {
    RecordingObserver<StateUpdate> atBob =
        RecordingObserver.on(bobClient.onStateUpdate(), chatMessages());
    live.connect(bobClient);
    String conversation = LiveClients.oneToOne(aliceClient, bob);
    byte[] png = png(400, 300);
    List<long[]> progress = new ArrayList<>();

    UploadedImage image =
        aliceClient
            .uploadImage(
                png,
                "picture.png",
                (sent, total) -> {
                  synchronized (progress) {
                    progress.add(new long[] {sent, total});
                  }
                })
            .get();
    var request = message(conversation, "look").toBuilder();
    request.setExistingMedia(
        ExistingMedia.newBuilder().setPhoto(Photo.newBuilder().setPhotoId(image.photoId())));
    aliceClient.sendChatMessage(request.build()).get();

    assertThat(image.photoId()).isNotBlank();
    assertThat(image.url()).contains("/media/");
    StateUpdate received = atBob.assertNext(text("look"), "the message with the picture");
    assertThat(
            received
                .getEventNotification()
                .getEvent()
                .getChatMessage()
                .getMessageContent()
                .getAttachmentCount())
        .isEqualTo(1);
    synchronized (progress) {
      assertThat(progress).isNotEmpty();
      assertThat(progress.get(progress.size() - 1)).containsExactly(png.length, png.length);
      for (int i = 1; i < progress.size(); i++) {
        assertThat(progress.get(i)[0]).isGreaterThanOrEqualTo(progress.get(i - 1)[0]);
      }
    }
  }

  @Test
  void aSharedLinkLetsAnotherPersonJoin() throws Exception {
    Account carol = live.account("carol@example.org", "Carol Danvers");
    Client carolClient = live.client(live.signIn(carol.email()));
    String group = LiveClients.group(aliceClient, "Tea party", bob);
    EventRequestHeader header =
        EventRequestHeader.newBuilder()
            .setConversationId(ConversationId.newBuilder().setId(group))
            .build();
    aliceClient
        .setGroupLinkSharingEnabled(
            SetGroupLinkSharingEnabledRequest.newBuilder()
                .setEventRequestHeader(header)
                .setGroupLinkSharingStatus(GroupLinkSharingStatus.GROUP_LINK_SHARING_STATUS_ON)
                .build())
        .get();
    String url =
        aliceClient
            .getGroupConversationUrl(
                GetGroupConversationUrlRequest.newBuilder()
                    .setConversationId(header.getConversationId())
                    .build())
            .get()
            .getGroupConversationUrl();

    assertThat(carolClient.joinByLink(url).get()).isEqualTo(group);
    assertThatThrownBy(() -> carolClient.joinByLink(url + "nonsense").get())
        .hasCauseInstanceOf(RequestRefusedException.class);
  }

  @Test
  void refusalsAreTypedFailures() throws Exception {
    String conversation = LiveClients.oneToOne(aliceClient, bob);

    assertThatThrownBy(
            () -> aliceClient.sendChatMessage(message("no-such-conversation", "hi")).get())
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(RequestRefusedException.class);
    assertThatThrownBy(
            () ->
                aliceClient
                    .addUser(
                        AddUserRequest.newBuilder()
                            .setEventRequestHeader(
                                EventRequestHeader.newBuilder()
                                    .setConversationId(
                                        ConversationId.newBuilder().setId(conversation)))
                            .addInviteeId(InviteeID.newBuilder().setGaiaId(alice.id()))
                            .build())
                    .get())
        .hasCauseInstanceOf(ConversationTypeException.class);
  }

  @Test
  void revokedCookiesAreAnAuthenticationFailure() throws Exception {
    Client stranger = live.client(new Cookies("not-a-session", "not-a-sapisid"));

    assertThatThrownBy(
            () ->
                stranger
                    .getSelfInfo(dev.parley.proto.Hangouts.GetSelfInfoRequest.getDefaultInstance())
                    .get())
        .hasCauseInstanceOf(AuthenticationException.class);
  }

  @Test
  void connectionStateGoesConnectingConnectedDisconnectedAndConnectCanRunAgain() throws Exception {
    RecordingObserver<ConnectionState> states =
        RecordingObserver.on(aliceClient.onConnectionState(), s -> true);
    AtomicInteger connects = new AtomicInteger();
    AtomicInteger disconnects = new AtomicInteger();
    aliceClient.onConnect().addObserver(v -> connects.incrementAndGet());
    aliceClient.onDisconnect().addObserver(v -> disconnects.incrementAndGet());
    assertThat(aliceClient.connectionState().kind()).isEqualTo(ConnectionState.Kind.DISCONNECTED);

    for (int round = 0; round < 2; round++) {
      Thread thread = new Thread(aliceClient::connect);
      thread.start();
      states.assertNext(s -> s.kind() == ConnectionState.Kind.CONNECTING, "connecting");
      states.assertNext(s -> s.kind() == ConnectionState.Kind.CONNECTED, "connected");
      assertThat(aliceClient.connectionState().kind()).isEqualTo(ConnectionState.Kind.CONNECTED);
      assertThat(aliceClient.getRequestHeader().getClientIdentifier().getResource()).isNotEmpty();

      long before = System.nanoTime();
      aliceClient.disconnect();
      thread.join(TimeUnit.SECONDS.toMillis(5));

      assertThat(thread.isAlive()).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(2));
      assertThat(aliceClient.connectionState().kind()).isEqualTo(ConnectionState.Kind.DISCONNECTED);
      states.assertNext(s -> s.kind() == ConnectionState.Kind.DISCONNECTED, "disconnected");
    }
    states.assertExhausted(Duration.ofMillis(200));
    assertThat(connects).hasValue(2);
    assertThat(disconnects).hasValue(2);
  }

  @Test
  void connectTwiceAtOnceIsAProgrammingError() throws Exception {
    live.connect(aliceClient);

    assertThatThrownBy(aliceClient::connect).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theFirstConnectCatchesUpFromTheGivenSyncTimestamp() throws Exception {
    String conversation = LiveClients.oneToOne(aliceClient, bob);
    long before =
        aliceClient
            .getSelfInfo(dev.parley.proto.Hangouts.GetSelfInfoRequest.getDefaultInstance())
            .get()
            .getResponseHeader()
            .getCurrentServerTime();
    for (int i = 0; i < 3; i++) {
      send(aliceClient, conversation, "while you were away " + i);
    }
    RecordingObserver<StateUpdate> atBob =
        RecordingObserver.on(bobClient.onStateUpdate(), chatMessages());
    bobClient.setSyncTimestamp(before);

    live.connect(bobClient);
    send(aliceClient, conversation, "welcome back");

    for (int i = 0; i < 3; i++) {
      atBob.assertNext(text("while you were away " + i), "missed message " + i);
    }
    atBob.assertNext(text("welcome back"), "the live message");
    atBob.assertExhausted(Duration.ofMillis(300));
    assertThat(bobClient.syncTimestamp()).isGreaterThan(before);
  }

  @Test
  void aCatchUpTooBigForOneResponseComesInPagesInOrder() throws Exception {
    String conversation = LiveClients.oneToOne(aliceClient, bob);
    long before =
        aliceClient
            .getSelfInfo(dev.parley.proto.Hangouts.GetSelfInfoRequest.getDefaultInstance())
            .get()
            .getResponseHeader()
            .getCurrentServerTime();
    String filler = "x".repeat(60_000);
    int count = 24; // about 1.4 MiB: more than one 1 MiB syncallnewevents answer
    for (int i = 0; i < count; i++) {
      send(aliceClient, conversation, i + filler);
    }
    RecordingObserver<StateUpdate> atBob =
        RecordingObserver.on(bobClient.onStateUpdate(), chatMessages());
    bobClient.setSyncTimestamp(before);

    live.connect(bobClient);

    for (int i = 0; i < count; i++) {
      String expected = i + filler;
      StateUpdate update = atBob.takeNext();
      assertThat(textOf(update)).as("message %d", i).isEqualTo(expected);
    }
    atBob.assertExhausted(Duration.ofMillis(300));
  }

  @Test
  void aCatchUpAcrossManyConversationsAndPagesDeliversEachMessageOnceInOrder() throws Exception {
    List<String> conversations = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      conversations.add(LiveClients.group(aliceClient, "Group " + c, bob));
    }
    long before =
        aliceClient
            .getSelfInfo(dev.parley.proto.Hangouts.GetSelfInfoRequest.getDefaultInstance())
            .get()
            .getResponseHeader()
            .getCurrentServerTime();
    // Round robin, so every page holds every conversation again; about 2.4 MiB in all.
    String filler = "y".repeat(60_000);
    int count = 40;
    Map<String, List<String>> sent = new HashMap<>();
    for (int i = 0; i < count; i++) {
      String conversation = conversations.get(i % conversations.size());
      send(aliceClient, conversation, i + filler);
      sent.computeIfAbsent(conversation, k -> new ArrayList<>()).add(i + filler);
    }
    RecordingObserver<StateUpdate> atBob =
        RecordingObserver.on(bobClient.onStateUpdate(), chatMessages());
    bobClient.setSyncTimestamp(before);

    live.connect(bobClient);

    Map<String, List<String>> received = new HashMap<>();
    for (int i = 0; i < count; i++) {
      StateUpdate update = atBob.takeNext();
      assertThat(update.getConversation().getParticipantDataCount())
          .as("the conversation comes along")
          .isEqualTo(2);
      received
          .computeIfAbsent(
              update.getEventNotification().getEvent().getConversationId().getId(),
              k -> new ArrayList<>())
          .add(textOf(update));
    }
    atBob.assertExhausted(Duration.ofMillis(300));
    assertThat(received).isEqualTo(sent);
  }

  static byte[] png(int width, int height) throws Exception {
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
