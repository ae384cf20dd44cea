package dev.parley.wire;

import java.nio.charset.StandardCharsets;

/** Frames payloads for the push channel: {@code <UTF-16 length>\n<payload>} (section 6.2). */
public final class ChunkWriter {
  private ChunkWriter() {}

  /** The frame as text; its length prefix counts the payload's UTF-16 units. */
  public static String frame(String payload) {
    return payload.length() + "\n" + payload;
  }

  /** The frame as UTF-8 bytes, ready for the response body. */
  public static byte[] frameBytes(String payload) {
    return frame(payload).getBytes(StandardCharsets.UTF_8);
  }
}
