package dev.parley.client;

import dev.parley.proto.Hangouts;
import java.util.List;

/** hangups' {@code MembershipChangeEvent}: people joined or left a conversation. Immutable. */
public final class MembershipChangeEvent extends ConversationEvent {
  MembershipChangeEvent(Hangouts.Event event) {
    super(event);
  }

  /** hangups' {@code type_}. */
  public MembershipChangeType getType() {
    return MembershipChangeType.fromProto(proto().getMembershipChange());
  }

  /** hangups' {@code participant_ids}: who joined or left. */
  public List<UserId> getParticipantIds() {
    return proto().getMembershipChange().getParticipantIdsList().stream()
        .map(UserId::fromProto)
        .toList();
  }
}
