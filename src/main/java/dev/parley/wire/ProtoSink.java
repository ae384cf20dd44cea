package dev.parley.wire;

import java.util.Arrays;

/**
 * A growable buffer of protobuf wire bytes, written front to back. Nested messages reserve a
 * five-byte length that is patched afterwards as a padded varint (valid protobuf, just not the
 * shortest form), so the transcoder never copies a nested message to prepend its length.
 */
final class ProtoSink {
  static final int LENGTH_RESERVE = 5;

  private byte[] buf;
  private int pos;

  ProtoSink(int initialCapacity) {
    buf = new byte[Math.max(64, initialCapacity)];
  }

  int position() {
    return pos;
  }

  void rewind(int position) {
    pos = position;
  }

  byte[] array() {
    return buf;
  }

  private void ensure(int extra) {
    if (pos + extra > buf.length) {
      int wanted = Math.max(buf.length * 2, pos + extra);
      if (wanted < 0) {
        throw new OutOfMemoryError("protobuf output over 2 GiB");
      }
      buf = Arrays.copyOf(buf, wanted);
    }
  }

  void writeByte(int b) {
    ensure(1);
    buf[pos++] = (byte) b;
  }

  void writeTag(int encodedTag) {
    writeVarint32(encodedTag);
  }

  void writeVarint32(int value) {
    ensure(5);
    while ((value & ~0x7F) != 0) {
      buf[pos++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buf[pos++] = (byte) value;
  }

  void writeVarint64(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      buf[pos++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buf[pos++] = (byte) value;
  }

  void writeFixed32(int value) {
    ensure(4);
    buf[pos++] = (byte) value;
    buf[pos++] = (byte) (value >>> 8);
    buf[pos++] = (byte) (value >>> 16);
    buf[pos++] = (byte) (value >>> 24);
  }

  void writeFixed64(long value) {
    writeFixed32((int) value);
    writeFixed32((int) (value >>> 32));
  }

  void writeBytes(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buf, pos, length);
    pos += length;
  }

  /** Appends chars that are all below 0x80 as one byte each. */
  void writeAscii(String s, int from, int to) {
    int n = to - from;
    ensure(n);
    byte[] b = buf;
    int p = pos;
    for (int i = from; i < to; i++) {
      b[p++] = (byte) s.charAt(i);
    }
    pos = p;
  }

  /** Reserves room for a length and returns where the content will start. */
  int reserveLength() {
    ensure(LENGTH_RESERVE);
    pos += LENGTH_RESERVE;
    return pos;
  }

  /** Writes the content length that ends at the current position into its reserved room. */
  void patchLength(int contentStart) {
    int length = pos - contentStart;
    int at = contentStart - LENGTH_RESERVE;
    for (int i = 0; i < LENGTH_RESERVE - 1; i++) {
      buf[at + i] = (byte) ((length & 0x7F) | 0x80);
      length >>>= 7;
    }
    buf[at + LENGTH_RESERVE - 1] = (byte) (length & 0x7F);
  }

  /** Appends one UTF-8 encoded code point. */
  void writeUtf8(int codePoint) {
    ensure(4);
    if (codePoint < 0x80) {
      buf[pos++] = (byte) codePoint;
    } else if (codePoint < 0x800) {
      buf[pos++] = (byte) (0xC0 | (codePoint >>> 6));
      buf[pos++] = (byte) (0x80 | (codePoint & 0x3F));
    } else if (codePoint < 0x10000) {
      buf[pos++] = (byte) (0xE0 | (codePoint >>> 12));
      buf[pos++] = (byte) (0x80 | ((codePoint >>> 6) & 0x3F));
      buf[pos++] = (byte) (0x80 | (codePoint & 0x3F));
    } else {
      buf[pos++] = (byte) (0xF0 | (codePoint >>> 18));
      buf[pos++] = (byte) (0x80 | ((codePoint >>> 12) & 0x3F));
      buf[pos++] = (byte) (0x80 | ((codePoint >>> 6) & 0x3F));
      buf[pos++] = (byte) (0x80 | (codePoint & 0x3F));
    }
  }
}
