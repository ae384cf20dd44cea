package dev.parley.client;

import dev.parley.proto.Hangouts;
import java.time.Instant;

/**
 * hangups' {@code ConversationEvent}: an event that becomes part of the permanent record of a
 * conversation. Subclasses stand for the known kinds ({@link ChatMessageEvent}, {@link OtrEvent},
 * {@link RenameEvent}, {@link MembershipChangeEvent}, {@link HangoutEvent}, {@link
 * GroupLinkSharingModificationEvent}); other kinds are plain {@code ConversationEvent}s. Immutable.
 */
public class ConversationEvent {
  private final Hangouts.Event event;

  ConversationEvent(Hangouts.Event event) {
    this.event = event;
  }

  /** hangups' {@code Conversation._wrap_event}: the subclass for the event's content. */
  static ConversationEvent wrap(Hangouts.Event event) {
    if (event.hasChatMessage()) {
      return new ChatMessageEvent(event);
    } else if (event.hasOtrModification()) {
      return new OtrEvent(event);
    } else if (event.hasConversationRename()) {
      return new RenameEvent(event);
    } else if (event.hasMembershipChange()) {
      return new MembershipChangeEvent(event);
    } else if (event.hasHangoutEvent()) {
      return new HangoutEvent(event);
    } else if (event.hasGroupLinkSharingModification()) {
      return new GroupLinkSharingModificationEvent(event);
    }
    return new ConversationEvent(event);
  }

  final Hangouts.Event proto() {
    return event;
  }

  /** hangups' {@code id_}: the event's unique id. */
  public final String getId() {
    return event.getEventId();
  }

  /** hangups' {@code conversation_id}. */
  public final String getConversationId() {
    return event.getConversationId().getId();
  }

  /** hangups' {@code user_id}: who caused the event. */
  public final UserId getUserId() {
    return UserId.fromProto(event.getSenderId());
  }

  /** hangups' {@code timestamp}: when the event occurred. */
  public final Instant getTimestamp() {
    return Micros.toInstant(event.getTimestamp());
  }

  /** When the event occurred, in microseconds since the epoch (unique per server). */
  public final long getTimestampMicros() {
    return event.getTimestamp();
  }

  /**
   * The {@code client_generated_id} the sender gave the request that created this event (unsigned
   * decimal), or null; only the sender sees it.
   */
  public final String getClientGeneratedId() {
    String id = event.getSelfEventState().getClientGeneratedId();
    return id.isEmpty() ? null : id;
  }

  /** The conversation's history mode when the event happened. */
  public final OffTheRecordStatus getOtrStatus() {
    return OffTheRecordStatus.fromProto(event.getOtrStatus());
  }

  @Override
  public final boolean equals(Object o) {
    return o instanceof ConversationEvent other
        && getClass() == other.getClass()
        && event.equals(other.event);
  }

  @Override
  public final int hashCode() {
    return event.hashCode();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "("
        + getId()
        + " in "
        + getConversationId()
        + " by "
        + getUserId().gaiaId()
        + " at "
        + getTimestamp()
        + ")";
  }
}
