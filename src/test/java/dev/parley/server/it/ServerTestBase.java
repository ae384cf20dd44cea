package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.parley.proto.Hangouts.ResponseHeader;
import dev.parley.proto.Hangouts.ResponseStatus;
import dev.parley.server.storage.Account;
import dev.parley.server.storage.PostgresTestDatabase;
import dev.parley.server.testing.HangoutsTestClient;
import dev.parley.server.testing.ServerFixture;
import dev.parley.server.testing.TestChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the black-box suites beyond {@link ServerContract} share: a real server on the engine the
 * subclass names, four signed-in people (alice, bob and carol, plus dave who is nobody's contact
 * unless a test makes him one) and push channels that are closed after each test.
 */
abstract class ServerTestBase {
  static final Duration WAIT = Duration.ofSeconds(10);

  /** The storage engine a concrete test class runs on. */
  enum Engine {
    SQLITE,
    POSTGRES
  }

  @TempDir Path dataDir;
  private PostgresTestDatabase database;
  private final List<TestChannel> channels = new ArrayList<>();

  ServerFixture fixture;
  Account alice;
  Account bob;
  Account carol;
  Account dave;
  HangoutsTestClient aliceClient;
  HangoutsTestClient bobClient;
  HangoutsTestClient carolClient;
  HangoutsTestClient daveClient;

  abstract Engine engine();

  @BeforeEach
  void startServer() throws Exception {
    if (engine() == Engine.POSTGRES) {
      database = PostgresTestDatabase.create();
      fixture = new ServerFixture(dataDir, database.url());
    } else {
      fixture = new ServerFixture(dataDir, null);
    }
    alice = fixture.createAccount("alice@example.org", "Alice Liddell");
    bob = fixture.createAccount("bob@example.org", "Bob Builder");
    carol = fixture.createAccount("carol@example.org", "Carol Danvers");
    dave = fixture.createAccount("dave@example.org", "Dave Bowman");
    // Four logins: the per-address login limit allows five in a burst.
    aliceClient = fixture.signIn("alice@example.org");
    bobClient = fixture.signIn("bob@example.org");
    carolClient = fixture.signIn("carol@example.org");
    daveClient = fixture.signIn("dave@example.org");
  }

  @AfterEach
  void stopServer() {
    channels.forEach(TestChannel::close);
    if (fixture != null) {
      fixture.close();
    }
    if (database != null) {
      database.close();
    }
  }

  /** Opens a push channel for the client; it is closed after the test. */
  TestChannel channel(HangoutsTestClient client) {
    TestChannel channel = client.openChannel();
    channels.add(channel);
    return channel;
  }

  static ResponseHeader headerOf(Message response) {
    FieldDescriptor field = response.getDescriptorForType().findFieldByName("response_header");
    return (ResponseHeader) response.getField(field);
  }

  static <M extends Message> M assertOk(M response) {
    return assertOk(name(response), response);
  }

  /** Served: status OK. {@code what} names the call in the failure message. */
  static <M extends Message> M assertOk(String what, M response) {
    assertThat(headerOf(response).getStatus())
        .as("status of %s (refused: %s)", what, headerOf(response).getErrorDescription())
        .isEqualTo(ResponseStatus.RESPONSE_STATUS_OK);
    return response;
  }

  static <M extends Message> M assertRefused(M response) {
    return assertRefused(name(response), response);
  }

  /** Refused with a reason, and nothing but the header in the response. */
  static <M extends Message> M assertRefused(String what, M response) {
    ResponseHeader header = headerOf(response);
    assertThat(header.getStatus())
        .as("status of %s", what)
        .isEqualTo(ResponseStatus.RESPONSE_STATUS_INVALID_REQUEST);
    assertThat(header.getErrorDescription()).as("the reason %s gives", what).isNotBlank();
    assertThat(response.getAllFields().keySet())
        .as("fields of %s, refused", what)
        .extracting(FieldDescriptor::getName)
        .containsOnly("response_header");
    return response;
  }

  private static String name(Message response) {
    return response.getDescriptorForType().getName();
  }
}
