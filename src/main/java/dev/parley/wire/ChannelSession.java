package dev.parley.wire;

/** What a new push-channel session response names: the SID and the gsessionid. */
public record ChannelSession(String sid, String gsessionId) {
  public ChannelSession {
    if (sid == null || sid.isEmpty() || gsessionId == null || gsessionId.isEmpty()) {
      throw new IllegalArgumentException("a channel session needs a SID and a gsessionid");
    }
  }
}
