package dev.parley.client;

import dev.parley.proto.Hangouts;

/** Whether people may join a group conversation by its link. */
public enum GroupLinkSharingStatus {
  UNKNOWN,
  ON,
  OFF;

  static GroupLinkSharingStatus fromProto(Hangouts.GroupLinkSharingStatus status) {
    return switch (status) {
      case GROUP_LINK_SHARING_STATUS_ON -> ON;
      case GROUP_LINK_SHARING_STATUS_OFF -> OFF;
      default -> UNKNOWN;
    };
  }
}
