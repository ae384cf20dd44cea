package dev.parley.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.proto.Hangouts.BatchUpdate;
import dev.parley.proto.Hangouts.StateUpdate;
import dev.parley.proto.Hangouts.StateUpdateHeader;
import dev.parley.wire.ChannelCodec;
import dev.parley.wire.ChunkWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chunks written straight into bytes are the bytes the wire codec's builders give. */
class ChunksTest {
  private static String literal(long serverTime) {
    return ChannelCodec.buildStateUpdateWrapperLiteral(
        BatchUpdate.newBuilder()
            .addStateUpdate(
                StateUpdate.newBuilder()
                    .setStateUpdateHeader(
                        StateUpdateHeader.newBuilder().setCurrentServerTime(serverTime)))
            .build());
  }

  @Test
  void aChunkOfWrappersIsTheFramedWrapperArray() {
    List<List<String>> cases =
        List.of(List.of(literal(1)), List.of(literal(2), literal(3), "\"{}\""), List.of());
    for (long firstId : new long[] {2, 9, 99_999_999_999L}) {
      for (List<String> literals : cases) {
        assertThat(Chunks.wrappers(firstId, literals))
            .isEqualTo(
                ChunkWriter.frameBytes(
                    ChannelCodec.buildWrapperArrayFromLiterals(firstId, literals)));
      }
    }
  }
}
