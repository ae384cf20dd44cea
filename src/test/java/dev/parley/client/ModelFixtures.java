package dev.parley.client;

import dev.parley.proto.Hangouts;
import dev.parley.proto.Hangouts.ChatMessage;
import dev.parley.proto.Hangouts.ConversationParticipantData;
import dev.parley.proto.Hangouts.ConversationState;
import dev.parley.proto.Hangouts.ConversationStatus;
import dev.parley.proto.Hangouts.ConversationType;
import dev.parley.proto.Hangouts.ConversationView;
import dev.parley.proto.Hangouts.DeliveryMedium;
import dev.parley.proto.Hangouts.DeliveryMediumOption;
import dev.parley.proto.Hangouts.DeliveryMediumType;
import dev.parley.proto.Hangouts.Entity;
import dev.parley.proto.Hangouts.EntityProperties;
import dev.parley.proto.Hangouts.EntityResult;
import dev.parley.proto.Hangouts.EventContinuationToken;
import dev.parley.proto.Hangouts.EventNotification;
import dev.parley.proto.Hangouts.GetEntityByIdResponse;
import dev.parley.proto.Hangouts.GetSelfInfoResponse;
import dev.parley.proto.Hangouts.MessageContent;
import dev.parley.proto.Hangouts.NotificationLevel;
import dev.parley.proto.Hangouts.ParticipantId;
import dev.parley.proto.Hangouts.ResponseHeader;
import dev.parley.proto.Hangouts.ResponseStatus;
import dev.parley.proto.Hangouts.SetTypingNotification;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.SyncRecentConversationsResponse;
import dev.parley.proto.Hangouts.TypingType;
import dev.parley.proto.Hangouts.UserConversationState;
import dev.parley.proto.Hangouts.UserReadState;
import java.util.List;
import java.util.Map;

/** Protocol messages for model tests: people, conversations, events and state updates. */
final class ModelFixtures {
  static final String SELF = "100";
  static final String ALICE = "200";
  static final String BOB = "300";
  static final String CAROL = "400";

  static final Map<String, String> NAMES =
      Map.of(SELF, "Sam Self", ALICE, "Alice Able", BOB, "Bob Baker", CAROL, "Carol Cole");

  private ModelFixtures() {}

  static UserId id(String account) {
    return UserId.of(account);
  }

  static ParticipantId pid(String account) {
    return ParticipantId.newBuilder().setGaiaId(account).setChatId(account).build();
  }

  static Entity entity(String account, String displayName, String firstName) {
    EntityProperties.Builder p = EntityProperties.newBuilder();
    if (displayName != null) {
      p.setDisplayName(displayName);
    }
    if (firstName != null) {
      p.setFirstName(firstName);
    }
    return Entity.newBuilder().setId(pid(account)).setProperties(p).build();
  }

  static GetSelfInfoResponse selfInfo() {
    return GetSelfInfoResponse.newBuilder()
        .setResponseHeader(ok(1))
        .setSelfEntity(entity(SELF, NAMES.get(SELF), "Sam"))
        .build();
  }

  static GetEntityByIdResponse entities(Entity... entities) {
    GetEntityByIdResponse.Builder b = GetEntityByIdResponse.newBuilder().setResponseHeader(ok(1));
    for (Entity e : entities) {
      b.addEntity(e).addEntityResult(EntityResult.newBuilder().addEntity(e));
    }
    return b.build();
  }

  static ResponseHeader ok(long serverTime) {
    return ResponseHeader.newBuilder()
        .setStatus(ResponseStatus.RESPONSE_STATUS_OK)
        .setCurrentServerTime(serverTime)
        .build();
  }

  static ConversationParticipantData participant(String account, String fallbackName) {
    ConversationParticipantData.Builder b =
        ConversationParticipantData.newBuilder().setId(pid(account));
    if (fallbackName != null) {
      b.setFallbackName(fallbackName);
    }
    return b.build();
  }

  /**
   * A conversation as the server shows it to SELF: active, in the inbox, ringing, read up to 0,
   * BABEL as the default medium; each member's fallback name from {@link #NAMES}.
   */
  static Hangouts.Conversation.Builder conversation(
      String conversationId, ConversationType type, String... members) {
    Hangouts.Conversation.Builder b =
        Hangouts.Conversation.newBuilder()
            .setConversationId(ConversationRequests.conversationId(conversationId))
            .setType(type)
            .setSelfConversationState(
                UserConversationState.newBuilder()
                    .setSelfReadState(UserReadState.newBuilder().setParticipantId(pid(SELF)))
                    .setStatus(ConversationStatus.CONVERSATION_STATUS_ACTIVE)
                    .setNotificationLevel(NotificationLevel.NOTIFICATION_LEVEL_RING)
                    .addView(ConversationView.CONVERSATION_VIEW_INBOX)
                    .setSortTimestamp(0)
                    .addDeliveryMediumOption(
                        DeliveryMediumOption.newBuilder()
                            .setDeliveryMedium(
                                DeliveryMedium.newBuilder()
                                    .setMediumType(DeliveryMediumType.DELIVERY_MEDIUM_BABEL))
                            .setCurrentDefault(true)));
    for (String m : members) {
      b.addParticipantData(participant(m, NAMES.get(m))).addCurrentParticipant(pid(m));
    }
    return b;
  }

  static Hangouts.Conversation oneToOne(String conversationId, String other) {
    return conversation(conversationId, ConversationType.CONVERSATION_TYPE_ONE_TO_ONE, SELF, other)
        .build();
  }

  static Hangouts.Conversation group(String conversationId, String... others) {
    String[] members = new String[others.length + 1];
    members[0] = SELF;
    System.arraycopy(others, 0, members, 1, others.length);
    return conversation(conversationId, ConversationType.CONVERSATION_TYPE_GROUP, members).build();
  }

  static Hangouts.Event.Builder event(
      String conversationId, String eventId, String sender, long ts) {
    return Hangouts.Event.newBuilder()
        .setConversationId(ConversationRequests.conversationId(conversationId))
        .setSenderId(pid(sender))
        .setTimestamp(ts)
        .setEventId(eventId);
  }

  static Hangouts.Event chat(
      String conversationId, String eventId, String sender, long ts, String text) {
    MessageContent.Builder content = MessageContent.newBuilder();
    ChatMessageSegment.fromString(text).forEach(s -> content.addSegment(s.serialize()));
    return event(conversationId, eventId, sender, ts)
        .setEventType(Hangouts.EventType.EVENT_TYPE_REGULAR_CHAT_MESSAGE)
        .setChatMessage(ChatMessage.newBuilder().setMessageContent(content))
        .build();
  }

  static ConversationState state(Hangouts.Conversation c, Hangouts.Event... events) {
    return ConversationState.newBuilder()
        .setConversationId(c.getConversationId())
        .setConversation(c)
        .addAllEvent(List.of(events))
        .build();
  }

  static ConversationState state(
      Hangouts.Conversation c, EventContinuationToken token, Hangouts.Event... events) {
    return state(c, events).toBuilder().setEventContinuationToken(token).build();
  }

  static EventContinuationToken token(long ts) {
    return EventContinuationToken.newBuilder().setEventTimestamp(ts).build();
  }

  static StateUpdate eventUpdate(Hangouts.Event event) {
    return StateUpdate.newBuilder()
        .setEventNotification(EventNotification.newBuilder().setEvent(event))
        .build();
  }

  static StateUpdate eventUpdate(Hangouts.Event event, Hangouts.Conversation conversation) {
    return eventUpdate(event).toBuilder().setConversation(conversation).build();
  }

  static StateUpdate typing(String conversationId, String sender, TypingType type) {
    return StateUpdate.newBuilder()
        .setTypingNotification(
            SetTypingNotification.newBuilder()
                .setConversationId(ConversationRequests.conversationId(conversationId))
                .setSenderId(pid(sender))
                .setTimestamp(5_000_000)
                .setType(type))
        .build();
  }

  static StateUpdate watermark(String conversationId, String sender, long ts) {
    return StateUpdate.newBuilder()
        .setWatermarkNotification(
            Hangouts.WatermarkNotification.newBuilder()
                .setConversationId(ConversationRequests.conversationId(conversationId))
                .setSenderId(pid(sender))
                .setLatestReadTimestamp(ts))
        .build();
  }

  static SyncRecentConversationsResponse page(
      long serverTime, long continuationEnd, ConversationState... states) {
    return SyncRecentConversationsResponse.newBuilder()
        .setResponseHeader(ok(serverTime))
        .setSyncTimestamp(serverTime)
        .setContinuationEndTimestamp(continuationEnd)
        .addAllConversationState(List.of(states))
        .build();
  }

  /** Builds the lists over one page of {@code states}, with entities for every participant. */
  static ConversationLists build(FakeHangoutsApi api, ConversationState... states) {
    api.respond(SyncRecentConversationsResponse.class, page(1_000, 0, states));
    List<Entity> people =
        NAMES.entrySet().stream()
            .filter(e -> !e.getKey().equals(SELF))
            .map(e -> entity(e.getKey(), e.getValue(), null))
            .toList();
    api.respond(GetEntityByIdResponse.class, entities(people.toArray(Entity[]::new)));
    api.respond(GetSelfInfoResponse.class, selfInfo());
    return ConversationLists.build(api).join();
  }
}
