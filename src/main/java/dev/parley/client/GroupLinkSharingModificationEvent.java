package dev.parley.client;

import dev.parley.proto.Hangouts;

/**
 * hangups' {@code GroupLinkSharingModificationEvent}: joining a group by link was switched on or
 * off. Immutable.
 */
public final class GroupLinkSharingModificationEvent extends ConversationEvent {
  GroupLinkSharingModificationEvent(Hangouts.Event event) {
    super(event);
  }

  /** hangups' {@code new_status}. */
  public GroupLinkSharingStatus getNewStatus() {
    return GroupLinkSharingStatus.fromProto(
        proto().getGroupLinkSharingModification().getNewStatus());
  }
}
