package dev.parley.client;

import dev.parley.proto.Hangouts;

/** What happened to a Hangout (voice or video call). */
public enum HangoutEventType {
  UNKNOWN,
  START,
  END,
  JOIN,
  LEAVE,
  COMING_SOON,
  ONGOING;

  static HangoutEventType fromProto(Hangouts.HangoutEventType type) {
    return switch (type) {
      case HANGOUT_EVENT_TYPE_START -> START;
      case HANGOUT_EVENT_TYPE_END -> END;
      case HANGOUT_EVENT_TYPE_JOIN -> JOIN;
      case HANGOUT_EVENT_TYPE_LEAVE -> LEAVE;
      case HANGOUT_EVENT_TYPE_COMING_SOON -> COMING_SOON;
      case HANGOUT_EVENT_TYPE_ONGOING -> ONGOING;
      default -> UNKNOWN;
    };
  }
}
