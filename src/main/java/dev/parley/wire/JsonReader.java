package dev.parley.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON parser into plain Java values: {@link List}, {@link Map} (insertion order),
 * String, Long (integers that fit), Double, Boolean and null. Nesting is capped at 64 levels so
 * hostile input cannot exhaust the stack.
 */
public final class JsonReader {
  public static final int MAX_DEPTH = 64;

  private final String s;
  private int pos;
  private int depth;

  private JsonReader(String s) {
    this.s = s;
  }

  /** Parses one JSON document; anything after it but whitespace is an error. */
  public static Object parse(String json) throws MalformedJsonException {
    JsonReader reader = new JsonReader(json);
    Object value = reader.readValue();
    reader.skipWhitespace();
    if (reader.pos != json.length()) {
      throw reader.error("unexpected data after the JSON value");
    }
    return value;
  }

  private Object readValue() throws MalformedJsonException {
    skipWhitespace();
    char c = peek();
    switch (c) {
      case '[':
        return readArray();
      case '{':
        return readObject();
      case '"':
        return readString();
      case 't':
        expect("true");
        return Boolean.TRUE;
      case 'f':
        expect("false");
        return Boolean.FALSE;
      case 'n':
        expect("null");
        return null;
      default:
        return readNumber();
    }
  }

  private List<Object> readArray() throws MalformedJsonException {
    enter();
    pos++;
    List<Object> list = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      depth--;
      return list;
    }
    while (true) {
      list.add(readValue());
      skipWhitespace();
      char c = next();
      if (c == ']') {
        depth--;
        return list;
      }
      if (c != ',') {
        throw error("expected ',' or ']'");
      }
    }
  }

  private Map<String, Object> readObject() throws MalformedJsonException {
    enter();
    pos++;
    Map<String, Object> map = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      depth--;
      return map;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected an object key");
      }
      String key = readString();
      skipWhitespace();
      if (next() != ':') {
        throw error("expected ':'");
      }
      map.put(key, readValue());
      skipWhitespace();
      char c = next();
      if (c == '}') {
        depth--;
        return map;
      }
      if (c != ',') {
        throw error("expected ',' or '}'");
      }
    }
  }

  private String readString() throws MalformedJsonException {
    pos++;
    StringBuilder sb = null;
    int runStart = pos;
    while (true) {
      if (pos >= s.length()) {
        throw error("unterminated string");
      }
      char c = s.charAt(pos);
      if (c == '"') {
        String tail = s.substring(runStart, pos++);
        return sb == null ? tail : sb.append(tail).toString();
      }
      if (c < 0x20) {
        throw error("control character in string");
      }
      if (c != '\\') {
        pos++;
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder();
      }
      sb.append(s, runStart, pos);
      pos++;
      sb.append(readEscape());
      runStart = pos;
    }
  }

  private char readEscape() throws MalformedJsonException {
    char e = next();
    switch (e) {
      case '"':
      case '\\':
      case '/':
        return e;
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        if (pos + 4 > s.length()) {
          throw error("truncated \\u escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
          char h = s.charAt(pos++);
          int digit = h > 'f' ? -1 : Character.digit(h, 16);
          if (digit < 0) {
            throw error("invalid \\u escape");
          }
          value = value << 4 | digit;
        }
        return (char) value;
      default:
        throw error("invalid escape");
    }
  }

  private Object readNumber() throws MalformedJsonException {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    int intStart = pos;
    char c = peek();
    if (c == '0') {
      pos++;
    } else if (c >= '1' && c <= '9') {
      skipDigits();
    } else {
      throw error("unexpected character");
    }
    boolean integral = true;
    if (pos < s.length() && s.charAt(pos) == '.') {
      integral = false;
      pos++;
      if (skipDigits() == 0) {
        throw error("expected digits after '.'");
      }
    }
    if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
      integral = false;
      pos++;
      if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
        pos++;
      }
      if (skipDigits() == 0) {
        throw error("expected digits in exponent");
      }
    }
    String text = s.substring(start, pos);
    if (integral && pos - intStart <= 18) {
      return Long.parseLong(text);
    }
    return Double.parseDouble(text);
  }

  private int skipDigits() {
    int start = pos;
    while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
      pos++;
    }
    return pos - start;
  }

  private void expect(String literal) throws MalformedJsonException {
    if (!s.startsWith(literal, pos)) {
      throw error("expected '" + literal + "'");
    }
    pos += literal.length();
  }

  private void enter() throws MalformedJsonException {
    if (++depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH);
    }
  }

  private void skipWhitespace() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      pos++;
    }
  }

  private char peek() throws MalformedJsonException {
    if (pos >= s.length()) {
      throw error("unexpected end of input");
    }
    return s.charAt(pos);
  }

  private char next() throws MalformedJsonException {
    char c = peek();
    pos++;
    return c;
  }

  private MalformedJsonException error(String message) {
    return new MalformedJsonException(message, pos);
  }
}
