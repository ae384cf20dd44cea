package dev.parley.client;

import dev.parley.proto.Hangouts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What is known of a person's presence (PROTOCOL.md section 6.5).
 *
 * @param userId whose presence
 * @param reachable has a client connected
 * @param available reachable, not in do-not-disturb, and active
 * @param lastSeen when a client of theirs was last active, or null if never
 * @param desktopActive a desktop client is active
 * @param mobileActive a mobile client is active
 * @param statusMessage their status message (empty when none)
 */
public record Presence(
    UserId userId,
    boolean reachable,
    boolean available,
    Instant lastSeen,
    boolean desktopActive,
    boolean mobileActive,
    List<ChatMessageSegment> statusMessage) {
  public Presence {
    Objects.requireNonNull(userId, "userId");
    statusMessage = List.copyOf(statusMessage);
  }

  /** The status message as plain text (empty when none). */
  public String statusMessageText() {
    return ChatMessageSegment.toPlainText(statusMessage);
  }

  static Presence fromProto(Hangouts.PresenceResult result) {
    Hangouts.Presence p = result.getPresence();
    List<ChatMessageSegment> status = new ArrayList<>();
    for (Hangouts.ChatMessageSpec spec : p.getStatusMessage().getStatusMessageList()) {
      for (Hangouts.Segment segment : spec.getSegmentList()) {
        status.add(ChatMessageSegment.deserialize(segment));
      }
    }
    long seen = p.getLastSeen().getLastSeenTimestampUsec();
    return new Presence(
        UserId.fromProto(result.getUserId()),
        p.getReachable(),
        p.getAvailable(),
        seen > 0 ? Micros.toInstant(seen) : null,
        p.getDeviceStatus().getDesktop(),
        p.getDeviceStatus().getMobile(),
        status);
  }
}
