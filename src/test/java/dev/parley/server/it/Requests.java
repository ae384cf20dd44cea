package dev.parley.server.it;

import dev.parley.proto.Hangouts.Conversation;
import dev.parley.proto.Hangouts.ConversationId;
import dev.parley.proto.Hangouts.ConversationSpec;
import dev.parley.proto.Hangouts.ConversationState;
import dev.parley.proto.Hangouts.ConversationType;
import dev.parley.proto.Hangouts.CreateConversationRequest;
import dev.parley.proto.Hangouts.CreateConversationResponse;
import dev.parley.proto.Hangouts.EventRequestHeader;
import dev.parley.proto.Hangouts.GetConversationRequest;
import dev.parley.proto.Hangouts.GetConversationResponse;
import dev.parley.proto.Hangouts.InviteeID;
import dev.parley.proto.Hangouts.SendChatMessageRequest;
import dev.parley.proto.Hangouts.SendChatMessageResponse;
import dev.parley.proto.Hangouts.SyncAllNewEventsRequest;
import dev.parley.proto.Hangouts.SyncAllNewEventsResponse;
import dev.parley.proto.Hangouts.SyncRecentConversationsRequest;
import dev.parley.proto.Hangouts.SyncRecentConversationsResponse;
import dev.parley.server.testing.ChatMessages;
import dev.parley.server.testing.HangoutsTestClient;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Request builders shaped like hangups' own. */
final class Requests {
  private Requests() {}

  static ConversationId conv(String id) {
    return ConversationId.newBuilder().setId(id).build();
  }

  static String oneToOne(HangoutsTestClient client, String otherId) {
    return create(client, ConversationType.CONVERSATION_TYPE_ONE_TO_ONE, null, otherId)
        .getConversation()
        .getConversationId()
        .getId();
  }

  static String group(HangoutsTestClient client, String name, String... others) {
    return create(client, ConversationType.CONVERSATION_TYPE_GROUP, name, others)
        .getConversation()
        .getConversationId()
        .getId();
  }

  static CreateConversationResponse create(
      HangoutsTestClient client, ConversationType type, String name, String... others) {
    CreateConversationRequest.Builder request =
        CreateConversationRequest.newBuilder()
            .setRequestHeader(client.header())
            .setType(type)
            .setClientGeneratedId(ThreadLocalRandom.current().nextLong());
    if (name != null) {
      request.setName(name);
    }
    for (String other : others) {
      request.addInviteeId(InviteeID.newBuilder().setGaiaId(other));
    }
    return client.rpc(
        "conversations/createconversation",
        request.build(),
        CreateConversationResponse.getDefaultInstance());
  }

  static SendChatMessageRequest message(
      HangoutsTestClient client, String conversationId, String text, long clientGeneratedId) {
    return ChatMessages.text(client.header(), conversationId, text, clientGeneratedId);
  }

  static SendChatMessageResponse send(
      HangoutsTestClient client, String conversationId, String text) {
    return client.rpc(
        "conversations/sendchatmessage",
        message(client, conversationId, text, ThreadLocalRandom.current().nextLong()),
        SendChatMessageResponse.getDefaultInstance());
  }

  static GetConversationRequest history(HangoutsTestClient client, String conversationId, int max) {
    return GetConversationRequest.newBuilder()
        .setRequestHeader(client.header())
        .setConversationSpec(ConversationSpec.newBuilder().setConversationId(conv(conversationId)))
        .setIncludeEvent(true)
        .setIncludeConversationMetadata(true)
        .setMaxEventsPerConversation(max)
        .build();
  }

  /** An event request header for the conversation with a fresh client_generated_id. */
  static EventRequestHeader eventHeader(String conversationId) {
    return EventRequestHeader.newBuilder()
        .setConversationId(conv(conversationId))
        .setClientGeneratedId(ThreadLocalRandom.current().nextLong())
        .build();
  }

  static GetConversationResponse getConversation(HangoutsTestClient client, String conversationId) {
    return client.rpc(
        "conversations/getconversation",
        history(client, conversationId, 50),
        GetConversationResponse.getDefaultInstance());
  }

  /** The caller's conversation list as hangups asks for it: 100 conversations, 1 event each. */
  static SyncRecentConversationsResponse recent(HangoutsTestClient client) {
    return client.rpc(
        "conversations/syncrecentconversations",
        SyncRecentConversationsRequest.newBuilder()
            .setRequestHeader(client.header())
            .setMaxConversations(100)
            .setMaxEventsPerConversation(1)
            .build(),
        SyncRecentConversationsResponse.getDefaultInstance());
  }

  /** The conversation as listed for the client, if it is in the client's list. */
  static Optional<Conversation> listed(HangoutsTestClient client, String conversationId) {
    return recent(client).getConversationStateList().stream()
        .filter(state -> state.getConversationId().getId().equals(conversationId))
        .map(ConversationState::getConversation)
        .findFirst();
  }

  static SyncAllNewEventsResponse syncAllNewEvents(
      HangoutsTestClient client, long since, long maxBytes) {
    return client.rpc(
        "conversations/syncallnewevents",
        SyncAllNewEventsRequest.newBuilder()
            .setRequestHeader(client.header())
            .setLastSyncTimestamp(since)
            .setMaxResponseSizeBytes(maxBytes)
            .build(),
        SyncAllNewEventsResponse.getDefaultInstance());
  }
}
