package dev.parley.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a push-channel long-poll body into its payloads as the bytes arrive (PROTOCOL.md section
 * 6.2). Each frame is {@code <length>\n<payload>} where the length counts UTF-16 code units, as
 * hangups counts; a multi-byte UTF-8 character split across reads is kept until it is whole.
 *
 * <p>Like hangups, the parser never resynchronises: once the stream stops looking like a frame
 * (junk where a length belongs, a length over {@link #MAX_PAYLOAD_LENGTH}) it is {@link
 * #isCorrupt() corrupt}, yields nothing more and drops what it is fed, and the caller reconnects.
 * Not thread-safe: one reader thread feeds it.
 */
public final class ChunkParser {
  /** The longest payload accepted, in UTF-16 units; longer is treated as a corrupt stream. */
  public static final int MAX_PAYLOAD_LENGTH = 32 * 1024 * 1024;

  private static final int MAX_LENGTH_DIGITS = 10;

  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final StringBuilder text = new StringBuilder();
  private ByteBuffer leftover = ByteBuffer.allocate(0);
  private int start;
  private boolean corrupt;

  /** Feeds the next bytes of the body and returns the payloads they complete, oldest first. */
  public List<String> feed(byte[] bytes) {
    return feed(bytes, 0, bytes.length);
  }

  public List<String> feed(byte[] bytes, int offset, int length) {
    if (corrupt) {
      return List.of();
    }
    decode(bytes, offset, length);
    List<String> payloads = new ArrayList<>(2);
    while (!corrupt) {
      String payload = nextPayload();
      if (payload == null) {
        break;
      }
      payloads.add(payload);
    }
    compact();
    return payloads;
  }

  /** True once the stream stopped looking like frames; the connection should be dropped. */
  public boolean isCorrupt() {
    return corrupt;
  }

  /** UTF-16 units buffered but not yet part of a complete payload. */
  public int bufferedLength() {
    return text.length() - start;
  }

  private void decode(byte[] bytes, int offset, int length) {
    ByteBuffer in;
    if (leftover.hasRemaining()) {
      in = ByteBuffer.allocate(leftover.remaining() + length);
      in.put(leftover).put(bytes, offset, length).flip();
    } else {
      in = ByteBuffer.wrap(bytes, offset, length);
    }
    CharBuffer out = CharBuffer.allocate(length + 4);
    decoder.decode(in, out, false);
    out.flip();
    text.append(out);
    // At most three bytes of an incomplete character remain; keep them for the next read.
    ByteBuffer rest = ByteBuffer.allocate(in.remaining());
    rest.put(in).flip();
    leftover = rest;
  }

  private String nextPayload() {
    int i = start;
    int limit = text.length();
    long length = 0;
    while (i < limit) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      length = length * 10 + (c - '0');
      i++;
      if (i - start > MAX_LENGTH_DIGITS) {
        corrupt = true;
        return null;
      }
    }
    if (i == limit) {
      return null; // the length is not complete yet
    }
    if (i == start || text.charAt(i) != '\n' || length > MAX_PAYLOAD_LENGTH) {
      corrupt = true;
      text.setLength(0);
      start = 0;
      return null;
    }
    int payloadStart = i + 1;
    if (limit - payloadStart < length) {
      return null;
    }
    int payloadEnd = payloadStart + (int) length;
    String payload = text.substring(payloadStart, payloadEnd);
    start = payloadEnd;
    return payload;
  }

  private void compact() {
    if (start == text.length()) {
      text.setLength(0);
      start = 0;
    } else if (start > 8192 && start > text.length() / 2) {
      text.delete(0, start);
      start = 0;
    }
  }
}
