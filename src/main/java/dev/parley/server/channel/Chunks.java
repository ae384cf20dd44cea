package dev.parley.server.channel;

import dev.parley.wire.ChannelCodec;
import dev.parley.wire.ChunkWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds the framed chunks a long poll writes (PROTOCOL.md sections 6.2 and 6.3). */
final class Chunks {
  private static final byte[] PAIR_OPEN = ",[{\"p\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PAIR_CLOSE = "}]]".getBytes(StandardCharsets.US_ASCII);

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
   * [array_id, [{"p": wrapper}]]} pair, with ids counting up from {@code firstArrayId}: the bytes
   * of {@code ChunkWriter.frameBytes(ChannelCodec.buildWrapperArrayFromLiterals(...))}, written
   * straight into one array. Chunks are most of what the server allocates under load, and building
   * them through strings copied each wrapper four times over.
   */
  static byte[] wrappers(long firstArrayId, List<String> wrapperLiterals) {
    int count = wrapperLiterals.size();
    String[] ids = new String[count];
    long payloadLength = 2; // [ ]
    for (int i = 0; i < count; i++) {
      ids[i] = Long.toString(firstArrayId + i);
      payloadLength +=
          (i > 0 ? 1 : 0)
              + 1
              + ids[i].length()
              + PAIR_OPEN.length
              + wrapperLiterals.get(i).length()
              + PAIR_CLOSE.length;
    }
    // The literals are ASCII (the wire encoder escapes everything else), so the UTF-16 length
    // the frame's prefix counts is the byte length.
    String prefix = payloadLength + "\n";
    byte[] chunk = new byte[Math.toIntExact(prefix.length() + payloadLength)];
    int at = putAscii(prefix, chunk, 0);
    chunk[at++] = '[';
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        chunk[at++] = ',';
      }
      chunk[at++] = '[';
      at = putAscii(ids[i], chunk, at);
      System.arraycopy(PAIR_OPEN, 0, chunk, at, PAIR_OPEN.length);
      at += PAIR_OPEN.length;
      at = putAscii(wrapperLiterals.get(i), chunk, at);
      System.arraycopy(PAIR_CLOSE, 0, chunk, at, PAIR_CLOSE.length);
      at += PAIR_CLOSE.length;
    }
    chunk[at++] = ']';
    if (at != chunk.length) {
      throw new IllegalStateException("chunk length miscounted");
    }
    return chunk;
  }

  /** Copies ASCII text into {@code dst} at {@code at}; returns the index after it. */
  @SuppressWarnings("deprecation") // the one String method that copies Latin-1 bytes without a copy
  private static int putAscii(String text, byte[] dst, int at) {
    text.getBytes(0, text.length(), dst, at);
    return at + text.length();
  }
}
