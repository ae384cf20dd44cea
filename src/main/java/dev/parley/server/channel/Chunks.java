package dev.parley.server.channel;

import dev.parley.wire.ChannelCodec;
import dev.parley.wire.ChunkWriter;
import java.util.List;

/** Builds the framed chunks a long poll writes (PROTOCOL.md sections 6.2 and 6.3). */
final class Chunks {
  private Chunks() {}

  static byte[] clientId(long arrayId, String clientId, long nowMillis) {
    return ChunkWriter.frameBytes(
        ChannelCodec.buildWrapperArray(
            arrayId, ChannelCodec.buildClientIdWrapper(clientId, nowMillis)));
  }

  static byte[] noop(long arrayId) {
    return ChunkWriter.frameBytes(ChannelCodec.buildNoopArray(arrayId));
  }

  /**
   * One chunk holding each wrapper, given as the JSON string literal of its text, as its own {@code
   * [array_id, [{"p": wrapper}]]} pair, with ids counting up from {@code firstArrayId}.
   */
  static byte[] wrappers(long firstArrayId, List<String> wrapperLiterals) {
    return ChunkWriter.frameBytes(
        ChannelCodec.buildWrapperArrayFromLiterals(firstArrayId, wrapperLiterals));
  }
}
