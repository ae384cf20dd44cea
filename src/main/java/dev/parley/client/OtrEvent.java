package dev.parley.client;

import dev.parley.proto.Hangouts;

/** hangups' {@code OTREvent}: a conversation's history mode changed. Immutable. */
public final class OtrEvent extends ConversationEvent {
  OtrEvent(Hangouts.Event event) {
    super(event);
  }

  /** hangups' {@code new_otr_status}. */
  public OffTheRecordStatus getNewOtrStatus() {
    return OffTheRecordStatus.fromProto(proto().getOtrModification().getNewOtrStatus());
  }

  /** hangups' {@code old_otr_status}. */
  public OffTheRecordStatus getOldOtrStatus() {
    return OffTheRecordStatus.fromProto(proto().getOtrModification().getOldOtrStatus());
  }
}
