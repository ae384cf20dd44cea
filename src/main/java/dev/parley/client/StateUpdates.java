package dev.parley.client;

import dev.parley.proto.Hangouts;

/** What {@link ConversationList} needs to know about a StateUpdate before handling it. */
final class StateUpdates {
  private StateUpdates() {}

  /** The conversation an update is about, or null (presence and settings are about none). */
  static String conversationId(Hangouts.StateUpdate u) {
    if (u.hasConversation()) {
      return u.getConversation().getConversationId().getId();
    }
    Hangouts.ConversationId id =
        switch (u.getStateUpdateCase()) {
          case CONVERSATION_NOTIFICATION ->
              u.getConversationNotification().getConversation().getConversationId();
          case EVENT_NOTIFICATION -> u.getEventNotification().getEvent().getConversationId();
          case FOCUS_NOTIFICATION -> u.getFocusNotification().getConversationId();
          case TYPING_NOTIFICATION -> u.getTypingNotification().getConversationId();
          case NOTIFICATION_LEVEL_NOTIFICATION ->
              u.getNotificationLevelNotification().getConversationId();
          case REPLY_TO_INVITE_NOTIFICATION -> u.getReplyToInviteNotification().getConversationId();
          case WATERMARK_NOTIFICATION -> u.getWatermarkNotification().getConversationId();
          case VIEW_MODIFICATION -> u.getViewModification().getConversationId();
          case EASTER_EGG_NOTIFICATION -> u.getEasterEggNotification().getConversationId();
          case DELETE_NOTIFICATION -> u.getDeleteNotification().getConversationId();
          default -> null;
        };
    return id == null ? null : id.getId();
  }

  /** The complete conversation an update carries (a new conversation's notification), or null. */
  static Hangouts.Conversation completeConversation(Hangouts.StateUpdate u) {
    return u.hasConversationNotification()
        ? u.getConversationNotification().getConversation()
        : null;
  }

  /**
   * Whether an update about a conversation not in the list should be dropped rather than fetch it:
   * it says the user is not in it, it is an event the user deleted, or it is a signal (focus,
   * easter egg, invitation reply, deletion) that needs no conversation.
   */
  static boolean ignoredWhenUnknown(Hangouts.StateUpdate u, UserId self, long deletedUpTo) {
    if (u.hasConversation() && selfLeft(u.getConversation(), self)) {
      return true;
    }
    Hangouts.Conversation complete = completeConversation(u);
    if (complete != null && selfLeft(complete, self)) {
      return true;
    }
    return switch (u.getStateUpdateCase()) {
      case EVENT_NOTIFICATION -> u.getEventNotification().getEvent().getTimestamp() <= deletedUpTo;
      case CONVERSATION_NOTIFICATION,
          TYPING_NOTIFICATION,
          WATERMARK_NOTIFICATION,
          NOTIFICATION_LEVEL_NOTIFICATION,
          VIEW_MODIFICATION ->
          false;
      default -> !u.hasConversation();
    };
  }

  /**
   * Whether a conversation says the user is no longer in it: status LEFT, or a participant list
   * without the user.
   */
  static boolean selfLeft(Hangouts.Conversation c, UserId self) {
    if (c.getSelfConversationState().getStatus()
        == Hangouts.ConversationStatus.CONVERSATION_STATUS_LEFT) {
      return true;
    }
    if (c.getCurrentParticipantCount() == 0) {
      return false;
    }
    return c.getCurrentParticipantList().stream()
        .noneMatch(p -> p.getGaiaId().equals(self.gaiaId()));
  }
}
