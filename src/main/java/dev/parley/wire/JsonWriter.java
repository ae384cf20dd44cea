package dev.parley.wire;

import java.util.List;
import java.util.Map;

/**
 * Writes JSON values as ASCII-only text: every character outside printable ASCII is a {@code
 * \\uXXXX} escape (surrogate pairs for astral characters), so the text's length in bytes equals its
 * length in UTF-16 units (PROTOCOL.md section 6.2).
 */
public final class JsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonWriter() {}

  /** Writes a tree of {@link Map}, {@link List}, String, Number, Boolean and null. */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value);
    return sb.toString();
  }

  public static void write(StringBuilder sb, Object value) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof String) {
      writeString(sb, (String) value);
    } else if (value instanceof Boolean) {
      sb.append(((Boolean) value) ? "true" : "false");
    } else if (value instanceof Double || value instanceof Float) {
      writeDouble(sb, ((Number) value).doubleValue());
    } else if (value instanceof Number) {
      sb.append(value);
    } else if (value instanceof Map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        writeString(sb, String.valueOf(entry.getKey()));
        sb.append(':');
        write(sb, entry.getValue());
      }
      sb.append('}');
    } else if (value instanceof List) {
      sb.append('[');
      boolean first = true;
      for (Object element : (List<?>) value) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        write(sb, element);
      }
      sb.append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  public static void writeString(StringBuilder sb, String text) {
    sb.append('"');
    int runStart = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
        continue;
      }
      sb.append(text, runStart, i);
      runStart = i + 1;
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          sb.append("\\u")
              .append(HEX[(c >> 12) & 0xF])
              .append(HEX[(c >> 8) & 0xF])
              .append(HEX[(c >> 4) & 0xF])
              .append(HEX[c & 0xF]);
      }
    }
    sb.append(text, runStart, length);
    sb.append('"');
  }

  /** JSON has no NaN or infinities; they are written as null. */
  static void writeDouble(StringBuilder sb, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      sb.append("null");
    } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      sb.append((long) value);
    } else {
      sb.append(value);
    }
  }
}
