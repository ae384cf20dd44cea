package dev.parley.client;

import dev.parley.proto.Hangouts;

/** Whether a conversation is between exactly two people or a group. */
public enum ConversationType {
  UNKNOWN,
  ONE_TO_ONE,
  GROUP;

  static ConversationType fromProto(Hangouts.ConversationType type) {
    return switch (type) {
      case CONVERSATION_TYPE_ONE_TO_ONE -> ONE_TO_ONE;
      case CONVERSATION_TYPE_GROUP -> GROUP;
      default -> UNKNOWN;
    };
  }
}
