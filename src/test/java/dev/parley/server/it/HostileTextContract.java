package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.proto.Hangouts.ChatMessageSpec;
import dev.parley.proto.Hangouts.ConversationType;
import dev.parley.proto.Hangouts.CreateConversationResponse;
import dev.parley.proto.Hangouts.EntityLookupSpec;
import dev.parley.proto.Hangouts.Event;
import dev.parley.proto.Hangouts.GetConversationResponse;
import dev.parley.proto.Hangouts.GetEntityByIdRequest;
import dev.parley.proto.Hangouts.GetEntityByIdResponse;
import dev.parley.proto.Hangouts.MessageContent;
import dev.parley.proto.Hangouts.OffnetworkAddress;
import dev.parley.proto.Hangouts.RenameConversationRequest;
import dev.parley.proto.Hangouts.RenameConversationResponse;
import dev.parley.proto.Hangouts.SearchEntitiesRequest;
import dev.parley.proto.Hangouts.SearchEntitiesResponse;
import dev.parley.proto.Hangouts.Segment;
import dev.parley.proto.Hangouts.SegmentType;
import dev.parley.proto.Hangouts.SendChatMessageRequest;
import dev.parley.proto.Hangouts.SendChatMessageResponse;
import dev.parley.proto.Hangouts.SendOffnetworkInvitationRequest;
import dev.parley.proto.Hangouts.SendOffnetworkInvitationResponse;
import dev.parley.proto.Hangouts.SetPresenceRequest;
import dev.parley.proto.Hangouts.SetPresenceResponse;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.StatusMessageSetting;
import dev.parley.server.testing.HangoutsTestClient;
import dev.parley.server.testing.TestChannel;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Hostile text through every door: control characters, bidirectional overrides and NUL are kept
 * verbatim where they are content and refused where a name must be clean; over-long text and names
 * are refused with a reason; nothing of it makes the server fail.
 */
abstract class HostileTextContract extends ServerTestBase {
  /** NUL, bell, an ANSI escape, backspace, RTL override and pop, BOM, zero-width joiner, emoji. */
  private static final String HOSTILE =
      "a\u0000b\u0007\u001b[31mred\u001b[0m\u0008 \u202Egnp.exe\u202C \uFEFF\u200D \ud83d\ude00";

  private static final int MAX_TEXT_BYTES = 64 * 1024;

  @Test
  void controlCharactersAndDirectionOverridesInAMessageArriveVerbatimEverywhere() {
    String conversationId = Requests.oneToOne(aliceClient, bob.id());
    TestChannel bobChannel = channel(bobClient);
    Event sent = assertOk(Requests.send(aliceClient, conversationId, HOSTILE)).getCreatedEvent();
    assertThat(textOf(sent)).isEqualTo(HOSTILE);
    StateUpdate pushed =
        bobChannel.await(
            u -> u.getEventNotification().getEvent().getEventId().equals(sent.getEventId()), WAIT);
    assertThat(textOf(pushed.getEventNotification().getEvent())).as("pushed").isEqualTo(HOSTILE);
    GetConversationResponse viaJson =
        bobClient.rpcJson(
            "conversations/getconversation",
            Requests.history(bobClient, conversationId, 10),
            GetConversationResponse.getDefaultInstance());
    assertThat(textOf(viaJson.getConversationState().getEvent(0))).as("pblite").isEqualTo(HOSTILE);
    SendChatMessageResponse viaJsonRequest =
        aliceClient.rpcJson(
            "conversations/sendchatmessage",
            Requests.message(aliceClient, conversationId, HOSTILE, 99),
            SendChatMessageResponse.getDefaultInstance());
    assertThat(textOf(assertOk(viaJsonRequest).getCreatedEvent())).isEqualTo(HOSTILE);
  }

  @Test
  void messageTextIsLimitedTo64KibAcrossAllSegments() {
    String conversationId = Requests.oneToOne(aliceClient, bob.id());
    assertOk(Requests.send(aliceClient, conversationId, "x".repeat(MAX_TEXT_BYTES)));
    SendChatMessageResponse tooLong =
        Requests.send(aliceClient, conversationId, "x".repeat(MAX_TEXT_BYTES + 1));
    assertRefused("a message of 64 KiB + 1", tooLong);
    assertThat(tooLong.getResponseHeader().getErrorDescription()).contains("" + MAX_TEXT_BYTES);

    String half = "y".repeat(MAX_TEXT_BYTES / 2);
    SendChatMessageRequest split =
        Requests.message(aliceClient, conversationId, half, ThreadLocalRandom.current().nextLong());
    MessageContent.Builder content = split.getMessageContent().toBuilder();
    content.addSegment(content.getSegment(0).toBuilder().setText(half + "y"));
    assertRefused(
        "two segments of 32 KiB and 32 KiB + 1",
        aliceClient.rpc(
            "conversations/sendchatmessage",
            split.toBuilder().setMessageContent(content).build(),
            SendChatMessageResponse.getDefaultInstance()));
    assertThat(
            Requests.getConversation(bobClient, conversationId)
                .getConversationState()
                .getEventList())
        .as("only the message within the limit was kept")
        .hasSize(1);
  }

  @Test
  void overLongConversationNamesAreRefusedWithAReason() {
    String tooLong = "n".repeat(10_000);
    CreateConversationResponse created =
        Requests.create(aliceClient, ConversationType.CONVERSATION_TYPE_GROUP, tooLong, bob.id());
    assertRefused("creating a group named with 10,000 characters", created);
    assertThat(created.getResponseHeader().getErrorDescription()).contains("at most");

    String group = Requests.group(aliceClient, "Short", bob.id());
    RenameConversationResponse renamed = rename(group, tooLong);
    assertRefused("renaming a group to 10,000 characters", renamed);
    assertThat(renamed.getResponseHeader().getErrorDescription()).contains("at most");
    assertThat(Requests.listed(aliceClient, group).orElseThrow().getName()).isEqualTo("Short");
  }

  @Test
  void conversationNamesWithControlCharactersAreRefusedWithAReason() {
    String group = Requests.group(aliceClient, "Clean", bob.id());
    for (String name :
        new String[] {"Tea\u0000party", "Tea\nparty", "Tea\u0007party", "\u001b[2J"}) {
      String shown =
          name.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList().toString();
      CreateConversationResponse created =
          Requests.create(aliceClient, ConversationType.CONVERSATION_TYPE_GROUP, name, bob.id());
      assertRefused("creating a group named " + shown, created);
      assertThat(created.getResponseHeader().getErrorDescription()).as(shown).contains("control");
      RenameConversationResponse renamed = rename(group, name);
      assertRefused("renaming a group to " + shown, renamed);
      assertThat(renamed.getResponseHeader().getErrorDescription()).as(shown).contains("control");
    }
    assertThat(Requests.listed(aliceClient, group).orElseThrow().getName()).isEqualTo("Clean");
  }

  @Test
  void nulAndControlCharactersInLookupsSearchesInvitationsAndStatusAreHandledCleanly() {
    Requests.oneToOne(aliceClient, bob.id());
    for (String text : new String[] {"\u0000", "bob\u0000", "\u0000@example.org", HOSTILE}) {
      String shown =
          text.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList().toString();
      SearchEntitiesResponse search =
          aliceClient.rpc(
              "contacts/searchentities",
              SearchEntitiesRequest.newBuilder()
                  .setRequestHeader(aliceClient.header())
                  .setQuery(text)
                  .setMaxCount(10)
                  .build(),
              SearchEntitiesResponse.getDefaultInstance());
      assertOk("searching for " + shown, search);
      assertThat(search.getEntityList()).as("found by " + shown).isEmpty();

      GetEntityByIdResponse lookup =
          aliceClient.rpc(
              "contacts/getentitybyid",
              GetEntityByIdRequest.newBuilder()
                  .setRequestHeader(aliceClient.header())
                  .addBatchLookupSpec(EntityLookupSpec.newBuilder().setEmail(text))
                  .addBatchLookupSpec(EntityLookupSpec.newBuilder().setGaiaId(text))
                  .build(),
              GetEntityByIdResponse.getDefaultInstance());
      assertOk("looking up " + shown, lookup);
      assertThat(lookup.getEntityList()).as("found by " + shown).isEmpty();

      SendOffnetworkInvitationResponse invitation =
          aliceClient.rpc(
              "devices/sendoffnetworkinvitation",
              SendOffnetworkInvitationRequest.newBuilder()
                  .setRequestHeader(aliceClient.header())
                  .setInviteeAddress(OffnetworkAddress.newBuilder().setEmail("x" + text + "@y.org"))
                  .build(),
              SendOffnetworkInvitationResponse.getDefaultInstance());
      assertThat(invitation.getResponseHeader().getStatus().getNumber())
          .as("inviting an address with " + shown)
          .isIn(1, 4);

      assertOk(
          "a status message of " + shown,
          aliceClient.rpc(
              "presence/setpresence",
              SetPresenceRequest.newBuilder()
                  .setRequestHeader(aliceClient.header())
                  .setStatusMessageSetting(
                      StatusMessageSetting.newBuilder()
                          .addStatusMessage(
                              ChatMessageSpec.newBuilder()
                                  .addSegment(
                                      Segment.newBuilder()
                                          .setType(SegmentType.SEGMENT_TYPE_TEXT)
                                          .setText(text))))
                  .build(),
              SetPresenceResponse.getDefaultInstance()));
    }
    assertOk(Requests.send(aliceClient, Requests.oneToOne(aliceClient, bob.id()), "still here"));
  }

  @Test
  void nulInIdsIsRefusedLikeAnyUnknownIdNeverAFault() {
    String conversationId = Requests.oneToOne(aliceClient, bob.id());
    for (String id :
        new String[] {"\u0000", conversationId + "\u0000", "\u0000" + conversationId}) {
      String shown = id.replace("\u0000", "<NUL>");
      assertRefused("sending to conversation " + shown, Requests.send(aliceClient, id, "hi"));
      assertRefused("reading conversation " + shown, Requests.getConversation(aliceClient, id));
      assertRefused(
          "a group with invitee " + shown,
          Requests.create(
              aliceClient, ConversationType.CONVERSATION_TYPE_GROUP, "G", bob.id() + id));
    }
    assertThat(
            Uploads.refusal(
                Uploads.put(
                    aliceClient,
                    fixture.url() + Uploads.PATH + "?upload_id=%00",
                    Uploads.png(10, 10))))
        .as("an upload id of NUL")
        .containsEntry("status", "NOT_FOUND");
    assertThatThrownBy(
            () -> HangoutsTestClient.signIn(fixture.url(), "alice\u0000@example.org", "x"))
        .as("signing in with NUL in the email")
        .hasMessageContaining("invalid_credentials");
    assertOk(Requests.send(aliceClient, conversationId, "still here"));
  }

  private RenameConversationResponse rename(String group, String name) {
    return aliceClient.rpc(
        "conversations/renameconversation",
        RenameConversationRequest.newBuilder()
            .setRequestHeader(aliceClient.header())
            .setNewName(name)
            .setEventRequestHeader(Requests.eventHeader(group))
            .build(),
        RenameConversationResponse.getDefaultInstance());
  }

  private static String textOf(Event event) {
    StringBuilder text = new StringBuilder();
    event
        .getChatMessage()
        .getMessageContent()
        .getSegmentList()
        .forEach(s -> text.append(s.getText()));
    return text.toString();
  }
}
