package dev.parley.client;

import dev.parley.proto.Hangouts;

/** A typing status: started, paused (stopped with text typed) or stopped (no text). */
public enum TypingStatus {
  UNKNOWN,
  STARTED,
  PAUSED,
  STOPPED;

  static TypingStatus fromProto(Hangouts.TypingType type) {
    return switch (type) {
      case TYPING_TYPE_STARTED -> STARTED;
      case TYPING_TYPE_PAUSED -> PAUSED;
      case TYPING_TYPE_STOPPED -> STOPPED;
      default -> UNKNOWN;
    };
  }

  Hangouts.TypingType toProto() {
    return switch (this) {
      case STARTED -> Hangouts.TypingType.TYPING_TYPE_STARTED;
      case PAUSED -> Hangouts.TypingType.TYPING_TYPE_PAUSED;
      case STOPPED -> Hangouts.TypingType.TYPING_TYPE_STOPPED;
      case UNKNOWN -> Hangouts.TypingType.TYPING_TYPE_UNKNOWN;
    };
  }
}
