package dev.parley.client;

import dev.parley.proto.Hangouts;

/** Whether a membership change added ({@link #JOIN}) or removed ({@link #LEAVE}) people. */
public enum MembershipChangeType {
  UNKNOWN,
  JOIN,
  LEAVE;

  static MembershipChangeType fromProto(Hangouts.MembershipChange change) {
    if (!change.hasType()) {
      return UNKNOWN;
    }
    return switch (change.getType()) {
      case MEMBERSHIP_CHANGE_TYPE_JOIN -> JOIN;
      case MEMBERSHIP_CHANGE_TYPE_LEAVE -> LEAVE;
    };
  }
}
