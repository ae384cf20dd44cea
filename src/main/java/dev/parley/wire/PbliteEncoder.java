package dev.parley.wire;

import com.google.protobuf.Message;
import com.google.protobuf.WireFormat;
import dev.parley.wire.PbliteSchema.Field;
import java.nio.charset.StandardCharsets;

/**
 * Writes a message as a pblite array: field number n at index n-1 up to {@link #MAX_POSITIONAL},
 * larger numbers in a trailing object, trailing absent fields left out. The text is ASCII-only so a
 * channel frame's length is the same in bytes and in UTF-16 units.
 *
 * <p>Works from the message's binary form, which generated code writes without reflection and in
 * field-number order, walking the wire bytes with the {@link PbliteSchema}; repeated scalars may be
 * packed or not, unknown fields are skipped. The output is the same as {@link
 * ReflectivePbliteEncoder}'s, which is used instead if the bytes are not in field-number order.
 *
 * <p>With an escape depth of n the text is written as it appears inside n nested JSON strings (only
 * {@code "} and {@code \} need escaping in pblite text), so a wrapper need not escape it again.
 */
final class PbliteEncoder {
  static final int MAX_POSITIONAL = 200;

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final char[] BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

  /** Thrown when the bytes are not in the order generated code writes. */
  private static final class Unordered extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unordered() {
      super(null, null, false, false);
    }
  }

  private final StringBuilder sb;
  private final int escapeDepth;
  private final String quote;
  private final String backslash;
  private byte[] buf;
  private int pos;

  PbliteEncoder(StringBuilder sb) {
    this(sb, 0);
  }

  PbliteEncoder(StringBuilder sb, int escapeDepth) {
    this.sb = sb;
    this.escapeDepth = escapeDepth;
    this.quote = escaped('"', escapeDepth);
    this.backslash = escaped('\\', escapeDepth);
  }

  /** The character as it reads inside {@code depth} nested JSON strings. */
  private static String escaped(char c, int depth) {
    String text = String.valueOf(c);
    for (int d = 0; d < depth; d++) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        if (ch == '"' || ch == '\\') {
          out.append('\\');
        }
        out.append(ch);
      }
      text = out.toString();
    }
    return text;
  }

  void writeMessage(Message message, String typeTag) {
    if (!writeBinary(
        PbliteSchema.of(message.getDescriptorForType()), message.toByteArray(), typeTag)) {
      writeReflectively(message, typeTag);
    }
  }

  /**
   * Writes the message of {@code schema} whose binary form is {@code bytes}; false, having written
   * nothing, if its fields are not in field-number order.
   */
  boolean writeBinary(PbliteSchema schema, byte[] bytes, String typeTag) {
    int start = sb.length();
    buf = bytes;
    pos = 0;
    try {
      writeMessage(schema, bytes.length, typeTag);
      return true;
    } catch (Unordered e) {
      sb.setLength(start);
      return false;
    } finally {
      buf = null;
    }
  }

  private void writeReflectively(Message message, String typeTag) {
    if (escapeDepth == 0) {
      new ReflectivePbliteEncoder(sb).writeMessage(message, typeTag);
      return;
    }
    StringBuilder plain = new StringBuilder();
    new ReflectivePbliteEncoder(plain).writeMessage(message, typeTag);
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      if (c == '"') {
        sb.append(quote);
      } else if (c == '\\') {
        sb.append(backslash);
      } else {
        sb.append(c);
      }
    }
  }

  /** Writes the message whose fields are the bytes from {@link #pos} to {@code end}. */
  private void writeMessage(PbliteSchema schema, int end, String typeTag) {
    sb.append('[');
    int written = 0; // positional slots written
    if (typeTag != null) {
      writeJavaString(typeTag);
      written = 1;
    }
    int offset = typeTag != null ? 1 : 0;
    boolean objectOpen = false;
    Field current = null; // the last field written
    boolean arrayOpen = false;
    while (pos < end) {
      long tag = readVarint();
      long number = tag >>> 3;
      int wireType = (int) tag & 7;
      Field field = schema.field(number);
      if (field == null) {
        skip(wireType);
        continue;
      }
      int expected = field.tag & 7;
      boolean packed = false;
      if (wireType != expected) {
        if (field.repeated
            && wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED
            && expected != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
          packed = true;
        } else {
          skip(wireType); // an unknown field that reuses a known number
          continue;
        }
      }
      int recordEnd = -1;
      if (packed) {
        int length = readLength();
        recordEnd = pos + length;
      }
      do {
        long value = 0;
        if (expected == WireFormat.WIRETYPE_VARINT) {
          value = readVarint();
          if (field.kind == PbliteSchema.Kind.ENUM && !field.isKnownEnumValue((int) value)) {
            continue; // a proto2 enum value kept among the unknown fields
          }
        }
        // Start the field, or continue its array.
        if (field != current) {
          if (current != null && field.number < current.number) {
            throw new Unordered();
          }
          if (arrayOpen) {
            sb.append(']');
            arrayOpen = false;
          }
          if (field.number <= MAX_POSITIONAL) {
            int index = field.number - 1 + offset;
            for (; written < index; written++) {
              sb.append(written == 0 ? "null" : ",null");
            }
            if (written > 0) {
              sb.append(',');
            }
            written++;
          } else {
            if (!objectOpen) {
              if (written > 0) {
                sb.append(',');
              }
              sb.append('{');
              objectOpen = true;
            } else {
              sb.append(',');
            }
            sb.append(quote).append(field.number).append(quote).append(':');
          }
          if (field.repeated) {
            sb.append('[');
            arrayOpen = true;
          }
          current = field;
        } else if (field.repeated) {
          sb.append(',');
        } else {
          throw new Unordered(); // a singular field twice: the reflective view merges them
        }
        writeElement(field, value);
      } while (packed && pos < recordEnd);
      if (packed && pos != recordEnd) {
        throw new IllegalStateException("packed field overruns its length");
      }
    }
    if (arrayOpen) {
      sb.append(']');
    }
    if (objectOpen) {
      sb.append('}');
    }
    sb.append(']');
  }

  /** Writes one value; a varint's value has been read already. */
  private void writeElement(Field field, long varint) {
    switch (field.kind) {
      case INT32:
      case ENUM:
        sb.append((int) varint);
        return;
      case INT64:
        sb.append(varint);
        return;
      case UINT32:
        sb.append(varint & 0xFFFFFFFFL);
        return;
      case UINT64:
        sb.append(Long.toUnsignedString(varint));
        return;
      case SINT32:
        {
          int n = (int) varint;
          sb.append((n >>> 1) ^ -(n & 1));
          return;
        }
      case SINT64:
        sb.append((varint >>> 1) ^ -(varint & 1));
        return;
      case BOOL:
        sb.append(varint != 0 ? "true" : "false");
        return;
      case FIXED32:
        sb.append(Integer.toUnsignedLong(readFixed32()));
        return;
      case SFIXED32:
        sb.append(readFixed32());
        return;
      case FLOAT:
        JsonWriter.writeDouble(sb, Float.intBitsToFloat(readFixed32()));
        return;
      case FIXED64:
        sb.append(Long.toUnsignedString(readFixed64()));
        return;
      case SFIXED64:
        sb.append(readFixed64());
        return;
      case DOUBLE:
        JsonWriter.writeDouble(sb, Double.longBitsToDouble(readFixed64()));
        return;
      case STRING:
        {
          int length = readLength();
          writeUtf8String(pos, pos + length);
          pos += length;
          return;
        }
      case BYTES:
        {
          int length = readLength();
          writeBase64(pos, pos + length);
          pos += length;
          return;
        }
      case MESSAGE:
        {
          int length = readLength();
          int end = pos + length;
          writeMessage(field.messageSchema(), end, null);
          if (pos != end) {
            throw new IllegalStateException("message overruns its length");
          }
          return;
        }
      default:
        throw new IllegalStateException("unexpected kind " + field.kind);
    }
  }

  // ---- text ----

  private void writeUtf8String(int start, int end) {
    sb.append(quote);
    byte[] b = buf;
    for (int i = start; i < end; i++) {
      int c = b[i];
      if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
        sb.append((char) c);
      } else if (c >= 0) {
        writeEscaped((char) c);
      } else {
        // Not ASCII: decode the rest as the generated getters do (malformed bytes become U+FFFD).
        String rest = new String(b, i, end - i, StandardCharsets.UTF_8);
        writeChars(rest);
        break;
      }
    }
    sb.append(quote);
  }

  private void writeJavaString(String text) {
    sb.append(quote);
    writeChars(text);
    sb.append(quote);
  }

  private void writeChars(String text) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
        sb.append(c);
      } else {
        writeEscaped(c);
      }
    }
  }

  /** The escape {@link JsonWriter#writeString} writes for {@code c}. */
  private void writeEscaped(char c) {
    sb.append(backslash);
    switch (c) {
      case '"':
        sb.append(quote);
        break;
      case '\\':
        sb.append(backslash);
        break;
      case '\n':
        sb.append('n');
        break;
      case '\r':
        sb.append('r');
        break;
      case '\t':
        sb.append('t');
        break;
      default:
        sb.append('u')
            .append(HEX[(c >> 12) & 0xF])
            .append(HEX[(c >> 8) & 0xF])
            .append(HEX[(c >> 4) & 0xF])
            .append(HEX[c & 0xF]);
    }
  }

  /** Standard base64 with padding, as {@link java.util.Base64#getEncoder()} writes it. */
  private void writeBase64(int start, int end) {
    sb.append(quote);
    byte[] b = buf;
    int i = start;
    for (; i + 3 <= end; i += 3) {
      int bits = (b[i] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF);
      sb.append(BASE64[bits >>> 18])
          .append(BASE64[(bits >>> 12) & 0x3F])
          .append(BASE64[(bits >>> 6) & 0x3F])
          .append(BASE64[bits & 0x3F]);
    }
    int left = end - i;
    if (left == 1) {
      int bits = (b[i] & 0xFF) << 16;
      sb.append(BASE64[bits >>> 18]).append(BASE64[(bits >>> 12) & 0x3F]).append("==");
    } else if (left == 2) {
      int bits = (b[i] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8;
      sb.append(BASE64[bits >>> 18])
          .append(BASE64[(bits >>> 12) & 0x3F])
          .append(BASE64[(bits >>> 6) & 0x3F])
          .append('=');
    }
    sb.append(quote);
  }

  // ---- wire bytes ----

  private long readVarint() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = buf[pos++];
      result |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw new IllegalStateException("malformed varint");
  }

  private int readLength() {
    long length = readVarint();
    if (length < 0 || length > buf.length - pos) {
      throw new IllegalStateException("length overruns the message");
    }
    return (int) length;
  }

  private int readFixed32() {
    byte[] b = buf;
    int p = pos;
    pos = p + 4;
    return (b[p] & 0xFF)
        | (b[p + 1] & 0xFF) << 8
        | (b[p + 2] & 0xFF) << 16
        | (b[p + 3] & 0xFF) << 24;
  }

  private long readFixed64() {
    long low = readFixed32() & 0xFFFFFFFFL;
    long high = readFixed32() & 0xFFFFFFFFL;
    return low | high << 32;
  }

  private void skip(int wireType) {
    switch (wireType) {
      case WireFormat.WIRETYPE_VARINT:
        readVarint();
        return;
      case WireFormat.WIRETYPE_FIXED64:
        pos += 8;
        return;
      case WireFormat.WIRETYPE_LENGTH_DELIMITED:
        {
          int length = readLength();
          pos += length;
          return;
        }
      case WireFormat.WIRETYPE_START_GROUP:
        while (true) {
          int tag = (int) readVarint();
          if ((tag & 7) == WireFormat.WIRETYPE_END_GROUP) {
            return;
          }
          skip(tag & 7);
        }
      case WireFormat.WIRETYPE_FIXED32:
        pos += 4;
        return;
      default:
        throw new IllegalStateException("unexpected wire type " + wireType);
    }
  }
}
