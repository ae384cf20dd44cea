package dev.parley.wire;

import dev.parley.proto.Hangouts.BatchUpdate;
import java.util.Optional;

/**
 * One {@code [array_id, data]} pair of a channel payload: a keep-alive noop, or a wrapper that may
 * carry a new client id and/or a batch of state updates.
 */
public record ChannelArray(
    long arrayId, boolean noop, Optional<String> clientId, Optional<BatchUpdate> batchUpdate) {

  public static ChannelArray ofNoop(long arrayId) {
    return new ChannelArray(arrayId, true, Optional.empty(), Optional.empty());
  }
}
