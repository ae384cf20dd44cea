package dev.parley.client;

import dev.parley.proto.Hangouts;
import java.util.List;

/** hangups' {@code HangoutEvent}: something happened to a voice or video call. Immutable. */
public final class HangoutEvent extends ConversationEvent {
  HangoutEvent(Hangouts.Event event) {
    super(event);
  }

  /** hangups' {@code event_type}. */
  public HangoutEventType getEventType() {
    return HangoutEventType.fromProto(proto().getHangoutEvent().getEventType());
  }

  /** The people in the call. */
  public List<UserId> getParticipantIds() {
    return proto().getHangoutEvent().getParticipantIdList().stream()
        .map(UserId::fromProto)
        .toList();
  }
}
