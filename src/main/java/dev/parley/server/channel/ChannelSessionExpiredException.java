package dev.parley.server.channel;

import dev.parley.server.ServerException;

/** Why an open long poll was cut off: its session expired (for example its queue overflowed). */
final class ChannelSessionExpiredException extends ServerException {
  private static final long serialVersionUID = 1L;

  ChannelSessionExpiredException(String reason) {
    super("channel session " + reason);
  }
}
