package dev.parley.client;

import dev.parley.proto.Hangouts;
import java.util.List;

/**
 * Builds the requests of one conversation's operations as hangups' {@code Conversation} does: every
 * event-creating request carries an event request header with a fresh client generated id, the
 * history mode the sender expects and the default delivery medium.
 */
final class ConversationRequests {
  private final HangoutsApi api;
  private final ConversationState state;

  ConversationRequests(HangoutsApi api, ConversationState state) {
    this.api = api;
    this.state = state;
  }

  static Hangouts.ConversationId conversationId(String id) {
    return Hangouts.ConversationId.newBuilder().setId(id).build();
  }

  private Hangouts.ConversationId conversationId() {
    return state.conversation().getConversationId();
  }

  /** hangups' {@code _get_event_request_header}. */
  Hangouts.EventRequestHeader eventRequestHeader(long clientGeneratedId) {
    Hangouts.Conversation conversation = state.conversation();
    return Hangouts.EventRequestHeader.newBuilder()
        .setConversationId(conversation.getConversationId())
        .setClientGeneratedId(clientGeneratedId)
        .setExpectedOtr(
            conversation.getOtrStatus()
                    == Hangouts.OffTheRecordStatus.OFF_THE_RECORD_STATUS_OFF_THE_RECORD
                ? Hangouts.OffTheRecordStatus.OFF_THE_RECORD_STATUS_OFF_THE_RECORD
                : Hangouts.OffTheRecordStatus.OFF_THE_RECORD_STATUS_ON_THE_RECORD)
        .setDeliveryMedium(defaultDeliveryMedium(conversation))
        .build();
  }

  private Hangouts.EventRequestHeader eventRequestHeader() {
    return eventRequestHeader(api.getClientGeneratedId());
  }

  /**
   * hangups' {@code _get_default_delivery_medium}: the option marked current default, else the
   * first, else BABEL.
   */
  static Hangouts.DeliveryMedium defaultDeliveryMedium(Hangouts.Conversation conversation) {
    List<Hangouts.DeliveryMediumOption> options =
        conversation.getSelfConversationState().getDeliveryMediumOptionList();
    for (Hangouts.DeliveryMediumOption option : options) {
      if (option.getCurrentDefault()) {
        return option.getDeliveryMedium();
      }
    }
    if (!options.isEmpty()) {
      return options.get(0).getDeliveryMedium();
    }
    return Hangouts.DeliveryMedium.newBuilder()
        .setMediumType(Hangouts.DeliveryMediumType.DELIVERY_MEDIUM_BABEL)
        .build();
  }

  /** The chat message: segments, and the photo to attach if any. */
  Hangouts.SendChatMessageRequest sendChatMessage(
      long clientGeneratedId, List<ChatMessageSegment> segments, MessageImage.Existing image) {
    Hangouts.MessageContent.Builder content = Hangouts.MessageContent.newBuilder();
    segments.forEach(s -> content.addSegment(s.serialize()));
    Hangouts.SendChatMessageRequest.Builder request =
        Hangouts.SendChatMessageRequest.newBuilder()
            .setRequestHeader(api.getRequestHeader())
            .setEventRequestHeader(eventRequestHeader(clientGeneratedId))
            .setMessageContent(content);
    if (image != null) {
      Hangouts.Photo.Builder photo = Hangouts.Photo.newBuilder().setPhotoId(image.photoId());
      if (image.photoUserId() != null) {
        photo.setUserId(image.photoUserId()).setIsCustomUserId(true);
      }
      request.setExistingMedia(Hangouts.ExistingMedia.newBuilder().setPhoto(photo));
    }
    return request.build();
  }

  Hangouts.GetConversationRequest getConversation(
      int maxEvents, Hangouts.EventContinuationToken token) {
    Hangouts.GetConversationRequest.Builder request =
        Hangouts.GetConversationRequest.newBuilder()
            .setRequestHeader(api.getRequestHeader())
            .setConversationSpec(
                Hangouts.ConversationSpec.newBuilder().setConversationId(conversationId()))
            .setIncludeEvent(true)
            .setMaxEventsPerConversation(maxEvents);
    if (token != null) {
      request.setEventContinuationToken(token);
    }
    return request.build();
  }

  Hangouts.AddUserRequest addUser(List<UserId> userIds) {
    Hangouts.AddUserRequest.Builder request =
        Hangouts.AddUserRequest.newBuilder()
            .setRequestHeader(api.getRequestHeader())
            .setEventRequestHeader(eventRequestHeader());
    for (UserId id : userIds) {
      request.addInviteeId(Hangouts.InviteeID.newBuilder().setGaiaId(id.gaiaId()));
    }
    return request.build();
  }

  /** Removes {@code userId}, or the signed-in user (leaving) when null. */
  Hangouts.RemoveUserRequest removeUser(UserId userId) {
    Hangouts.RemoveUserRequest.Builder request =
        Hangouts.RemoveUserRequest.newBuilder()
            .setRequestHeader(api.getRequestHeader())
            .setEventRequestHeader(eventRequestHeader());
    if (userId != null) {
      request.setParticipantId(userId.toProto());
    }
    return request.build();
  }

  Hangouts.DeleteConversationRequest deleteConversation(long upperBoundMicros) {
    return Hangouts.DeleteConversationRequest.newBuilder()
        .setRequestHeader(api.getRequestHeader())
        .setConversationId(conversationId())
        .setDeleteUpperBoundTimestamp(upperBoundMicros)
        .build();
  }

  Hangouts.RenameConversationRequest rename(String name) {
    return Hangouts.RenameConversationRequest.newBuilder()
        .setRequestHeader(api.getRequestHeader())
        .setNewName(name)
        .setEventRequestHeader(eventRequestHeader())
        .build();
  }

  Hangouts.SetConversationNotificationLevelRequest setNotificationLevel(NotificationLevel level) {
    return Hangouts.SetConversationNotificationLevelRequest.newBuilder()
        .setRequestHeader(api.getRequestHeader())
        .setConversationId(conversationId())
        .setLevel(level.toProto())
        .build();
  }

  Hangouts.ModifyOTRStatusRequest modifyOtrStatus(boolean offTheRecord) {
    return Hangouts.ModifyOTRStatusRequest.newBuilder()
        .setRequestHeader(api.getRequestHeader())
        .setOtrStatus(
            offTheRecord
                ? Hangouts.OffTheRecordStatus.OFF_THE_RECORD_STATUS_OFF_THE_RECORD
                : Hangouts.OffTheRecordStatus.OFF_THE_RECORD_STATUS_ON_THE_RECORD)
        .setEventRequestHeader(eventRequestHeader())
        .build();
  }

  Hangouts.SetGroupLinkSharingEnabledRequest setGroupLinkSharingEnabled(boolean enabled) {
    return Hangouts.SetGroupLinkSharingEnabledRequest.newBuilder()
        .setRequestHeader(api.getRequestHeader())
        .setEventRequestHeader(eventRequestHeader())
        .setGroupLinkSharingStatus(
            enabled
                ? Hangouts.GroupLinkSharingStatus.GROUP_LINK_SHARING_STATUS_ON
                : Hangouts.GroupLinkSharingStatus.GROUP_LINK_SHARING_STATUS_OFF)
        .build();
  }

  Hangouts.GetGroupConversationUrlRequest getGroupConversationUrl() {
    return Hangouts.GetGroupConversationUrlRequest.newBuilder()
        .setRequestHeader(api.getRequestHeader())
        .setConversationId(conversationId())
        .build();
  }

  Hangouts.SetTypingRequest setTyping(TypingStatus status) {
    return Hangouts.SetTypingRequest.newBuilder()
        .setRequestHeader(api.getRequestHeader())
        .setConversationId(conversationId())
        .setType(status.toProto())
        .build();
  }

  Hangouts.UpdateWatermarkRequest updateWatermark(long micros) {
    return Hangouts.UpdateWatermarkRequest.newBuilder()
        .setRequestHeader(api.getRequestHeader())
        .setConversationId(conversationId())
        .setLastReadTimestamp(micros)
        .build();
  }
}
