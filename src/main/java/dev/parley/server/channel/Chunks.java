package dev.parley.server.channel;

import dev.parley.wire.ChannelCodec;
import dev.parley.wire.ChunkWriter;
import dev.parley.wire.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
   * One chunk holding each wrapper as its own {@code [array_id, [{"p": wrapper}]]} pair, with ids
   * counting up from {@code firstArrayId}.
   */
  static byte[] wrappers(long firstArrayId, List<String> wrapperTexts) {
    if (wrapperTexts.size() == 1) {
      return ChunkWriter.frameBytes(
          ChannelCodec.buildWrapperArray(firstArrayId, wrapperTexts.get(0)));
    }
    List<Object> pairs = new ArrayList<>(wrapperTexts.size());
    long arrayId = firstArrayId;
    for (String wrapper : wrapperTexts) {
      pairs.add(List.of(arrayId++, List.of(Map.of("p", wrapper))));
    }
    return ChunkWriter.frameBytes(JsonWriter.write(pairs));
  }
}
