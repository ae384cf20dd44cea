package dev.parley.server.demo;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.parley.proto.Hangouts.ConversationId;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.EventRequestHeader;
import dev.parley.proto.Hangouts.MessageContent;
import dev.parley.proto.Hangouts.Segment;
import dev.parley.proto.Hangouts.SendChatMessageRequest;
import dev.parley.proto.Hangouts.SendChatMessageResponse;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import dev.parley.server.auth.PasswordHasher;
import dev.parley.server.storage.Account;
import dev.parley.server.storage.Membership;
import dev.parley.server.storage.StoredEvent;
import dev.parley.server.testing.HangoutsTestClient;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** A real demo server and what its store holds, as the demo tests look at it. */
final class DemoWorldFixture {
  private DemoWorldFixture() {}

  static ServerConfig config(Path dataDir) {
    return ServerConfig.defaults(dataDir)
        .withPort(0)
        .withDemo(true)
        .withPasswordParams(new PasswordHasher.Params(1024, 1, 1));
  }

  static HangoutsTestClient signInAsOwner(ParleyServer server) {
    return HangoutsTestClient.signIn(server.url(), DemoWorld.OWNER_EMAIL, "parley-demo");
  }

  /** The HTTP status of a GET with the client's credentials, e.g. of an image. */
  static int get(HangoutsTestClient client, String path) {
    return client
        .send(
            client
                .authorized(HttpRequest.newBuilder(URI.create(client.baseUrl() + path)))
                .GET()
                .build())
        .statusCode();
  }

  static Account account(ParleyServer server, String email) {
    return server.store().read(tx -> tx.accountByEmail(email)).orElseThrow();
  }

  static Account owner(ParleyServer server) {
    return account(server, DemoWorld.OWNER_EMAIL);
  }

  static Account bot(ParleyServer server) {
    return account(server, DemoCast.BOT.email());
  }

  static List<Membership> memberships(ParleyServer server, String accountId) {
    return server.store().read(tx -> tx.membershipsOf(accountId));
  }

  /** Every event of a conversation, oldest first. */
  static List<Event> events(ParleyServer server, String conversationId) {
    List<StoredEvent> stored =
        server.store().read(tx -> tx.eventsOldestFirst(conversationId, 0, Long.MAX_VALUE, 100_000));
    List<Event> events = new ArrayList<>();
    for (StoredEvent e : stored) {
      try {
        events.add(Event.parseFrom(e.payload()));
      } catch (InvalidProtocolBufferException ex) {
        throw new UncheckedIOException(ex);
      }
    }
    return events;
  }

  /** Every event of every conversation the owner is or was in. */
  static List<Event> ownerEvents(ParleyServer server) {
    List<Event> all = new ArrayList<>();
    for (Membership m : memberships(server, owner(server).id())) {
      all.addAll(events(server, m.conversationId()));
    }
    return all;
  }

  /** The one-to-one conversation of the owner with {@code other}. */
  static String oneToOne(ParleyServer server, Account other) {
    String owner = owner(server).id();
    String key =
        owner.compareTo(other.id()) < 0 ? owner + " " + other.id() : other.id() + " " + owner;
    return server.store().read(tx -> tx.conversationByOneToOneKey(key)).orElseThrow().id();
  }

  static Event send(HangoutsTestClient client, String conversationId, List<Segment> segments) {
    SendChatMessageRequest request =
        SendChatMessageRequest.newBuilder()
            .setEventRequestHeader(
                EventRequestHeader.newBuilder()
                    .setConversationId(ConversationId.newBuilder().setId(conversationId))
                    .setClientGeneratedId(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)))
            .setMessageContent(MessageContent.newBuilder().addAllSegment(segments))
            .build();
    return client
        .rpc("conversations/sendchatmessage", request, SendChatMessageResponse.getDefaultInstance())
        .getCreatedEvent();
  }

  static boolean isChatFrom(Event e, String accountId) {
    return e.hasChatMessage() && e.getSenderId().getGaiaId().equals(accountId);
  }
}
