package dev.parley.wire;

import dev.parley.wire.PbliteSchema.Field;
import dev.parley.wire.PbliteSchema.Kind;
import java.util.Base64;

/**
 * Transcodes pblite JSON straight into protobuf wire bytes, guided by the message schema, in one
 * pass over the text and without building a JSON tree. The leniency rules are hangups' (PROTOCOL.md
 * section 7): invalid singular values are skipped, one invalid element clears a repeated field,
 * unknown fields and enum values are ignored. Invalid JSON, or nesting deeper than {@link
 * #MAX_DEPTH}, fails the whole decode.
 */
final class PbliteDecoder {
  static final int MAX_DEPTH = 64;

  private final String s;
  private final int end;
  private final ProtoSink out;
  private int pos;
  private int depth;

  // The last number scanned by scanNumber().
  private boolean numIntegral;
  private boolean numFitsSigned;
  private boolean numFitsUnsigned;
  private long numBits;
  private int numStart;
  private int numEnd;
  private int numSpecial; // 0 = ordinary, 1 = NaN, 2 = +Infinity, 3 = -Infinity

  PbliteDecoder(String json) {
    this.s = json;
    this.end = json.length();
    this.out = new ProtoSink(json.length() / 2 + 16);
  }

  ProtoSink sink() {
    return out;
  }

  /** Decodes a whole document whose top level is a message array. */
  void decodeDocument(PbliteSchema schema, boolean ignoreFirstItem) throws MalformedJsonException {
    skipWhitespace();
    if (pos >= end || s.charAt(pos) != '[') {
      throw error("expected a JSON array");
    }
    decodeMessage(schema, ignoreFirstItem);
    skipWhitespace();
    if (pos != end) {
      throw error("unexpected data after the top-level array");
    }
  }

  // ---- messages ----

  /** Decodes the array at pos (which is '[') into fields of schema, appended to out. */
  private void decodeMessage(PbliteSchema schema, boolean ignoreFirstItem)
      throws MalformedJsonException {
    enter();
    pos++; // '['
    long fieldNumber = ignoreFirstItem ? 0 : 1;
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      depth--;
      return;
    }
    while (true) {
      skipWhitespace();
      char c = peek();
      if (c == 'n' && s.startsWith("null", pos)) {
        pos += 4; // the common case: an absent field
      } else if (c == '{' && fieldNumber > 0) {
        int objectStart = pos;
        skipValue();
        skipWhitespace();
        if (peek() == ']') {
          // A trailing object holds fields by number, for the high field numbers.
          int afterObject = pos;
          pos = objectStart;
          decodeTrailingObject(schema);
          pos = afterObject + 1;
          depth--;
          return;
        }
        // An object anywhere else is not a valid value for any field: skipped.
      } else if (fieldNumber == 0) {
        skipValue();
      } else {
        decodeField(schema, fieldNumber);
      }
      fieldNumber++;
      skipWhitespace();
      c = next();
      if (c == ']') {
        depth--;
        return;
      }
      if (c != ',') {
        throw error("expected ',' or ']' in array");
      }
    }
  }

  private void decodeTrailingObject(PbliteSchema schema) throws MalformedJsonException {
    enter();
    pos++; // '{'
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      depth--;
      return;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected an object key");
      }
      int keyStart = pos + 1;
      skipString();
      long number = parseFieldNumberKey(keyStart, pos - 1);
      skipWhitespace();
      if (next() != ':') {
        throw error("expected ':' in object");
      }
      skipWhitespace();
      if (number > 0) {
        decodeField(schema, number);
      } else {
        skipValue();
      }
      skipWhitespace();
      char c = next();
      if (c == '}') {
        depth--;
        return;
      }
      if (c != ',') {
        throw error("expected ',' or '}' in object");
      }
    }
  }

  /** A trailing-object key as a field number, or -1 when it is not one. */
  private long parseFieldNumberKey(int from, int to) {
    int i = from;
    while (i < to && s.charAt(i) == ' ') {
      i++;
    }
    int j = to;
    while (j > i && s.charAt(j - 1) == ' ') {
      j--;
    }
    if (i < j && s.charAt(i) == '+') {
      i++;
    }
    if (i >= j || j - i > 10) {
      return -1;
    }
    long value = 0;
    for (int k = i; k < j; k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private void decodeField(PbliteSchema schema, long number) throws MalformedJsonException {
    Field field = schema.field(number);
    char c = peek();
    if (field == null || c == 'n') {
      skipValue(); // unknown field, or null: absent
      return;
    }
    if (field.repeated) {
      decodeRepeated(field);
    } else if (field.kind == Kind.MESSAGE) {
      if (c != '[') {
        skipValue(); // not a list: ignored, the field stays absent
        return;
      }
      int before = out.position();
      out.writeTag(field.tag);
      int contentStart = out.reserveLength();
      decodeMessage(field.messageSchema(), false);
      if (out.position() == contentStart) {
        out.rewind(before); // nothing set inside: absent, as in hangups
      } else {
        out.patchLength(contentStart);
      }
    } else {
      int before = out.position();
      if (!decodeScalar(field)) {
        out.rewind(before);
      }
    }
  }

  private void decodeRepeated(Field field) throws MalformedJsonException {
    if (peek() != '[') {
      skipValue(); // not a list: invalid
      return;
    }
    int before = out.position();
    boolean valid = true;
    enter();
    pos++;
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      depth--;
      return;
    }
    while (true) {
      skipWhitespace();
      if (field.kind == Kind.MESSAGE) {
        out.writeTag(field.tag);
        int contentStart = out.reserveLength();
        if (peek() == '[') {
          decodeMessage(field.messageSchema(), false);
        } else {
          skipValue(); // an element that is not a list becomes an empty message
        }
        out.patchLength(contentStart);
      } else if (!valid) {
        skipValue();
      } else if (!decodeScalar(field)) {
        valid = false;
      }
      skipWhitespace();
      char c = next();
      if (c == ']') {
        break;
      }
      if (c != ',') {
        throw error("expected ',' or ']' in array");
      }
    }
    depth--;
    if (!valid) {
      out.rewind(before); // one invalid element clears the whole field
    }
  }

  // ---- scalars ----

  /**
   * Decodes the JSON value at pos as a value of field, writing tag and value. Returns false when
   * the value is not valid for the field's type; the caller rewinds what was written.
   */
  private boolean decodeScalar(Field field) throws MalformedJsonException {
    char c = peek();
    switch (c) {
      case '"':
        return decodeStringValue(field);
      case 't':
      case 'f':
        return writeBoolean(field, expectBooleanLiteral());
      case 'n':
        expectLiteral("null");
        return false;
      case '[':
      case '{':
        skipValue();
        return false;
      default:
        scanNumber();
        return writeNumber(field);
    }
  }

  private boolean decodeStringValue(Field field) throws MalformedJsonException {
    if (field.kind == Kind.STRING) {
      out.writeTag(field.tag);
      int contentStart = out.reserveLength();
      boolean valid = transcodeString();
      out.patchLength(contentStart);
      return valid;
    }
    if (field.kind == Kind.BYTES) {
      String text = readString();
      byte[] bytes = decodeBase64(text);
      if (bytes == null) {
        return false;
      }
      out.writeTag(field.tag);
      out.writeVarint32(bytes.length);
      out.writeBytes(bytes, 0, bytes.length);
      return true;
    }
    skipString(); // a string is no number, bool or enum, even if it spells one
    return false;
  }

  /** Python's bool is an int, so hangups accepts true/false wherever a number fits. */
  private boolean writeBoolean(Field field, boolean value) {
    numIntegral = true;
    numFitsSigned = true;
    numFitsUnsigned = true;
    numBits = value ? 1 : 0;
    numSpecial = 0;
    numStart = -1;
    return writeNumber(field);
  }

  private boolean writeNumber(Field field) {
    switch (field.kind) {
      case FLOAT:
        out.writeTag(field.tag);
        out.writeFixed32(Float.floatToRawIntBits((float) numberAsDouble()));
        return true;
      case DOUBLE:
        out.writeTag(field.tag);
        out.writeFixed64(Double.doubleToRawLongBits(numberAsDouble()));
        return true;
      case STRING:
      case BYTES:
      case MESSAGE:
        return false;
      default:
        break;
    }
    if (!numIntegral || numSpecial != 0) {
      return false; // a float is no integer
    }
    long v = numBits;
    switch (field.kind) {
      case INT32:
        if (!numFitsSigned || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
          return false;
        }
        out.writeTag(field.tag);
        out.writeVarint64(v);
        return true;
      case ENUM:
        if (!numFitsSigned || !field.isKnownEnumValue(v)) {
          return false;
        }
        out.writeTag(field.tag);
        out.writeVarint64(v);
        return true;
      case SFIXED32:
        if (!numFitsSigned || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
          return false;
        }
        out.writeTag(field.tag);
        out.writeFixed32((int) v);
        return true;
      case SINT32:
        if (!numFitsSigned || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
          return false;
        }
        out.writeTag(field.tag);
        out.writeVarint32(((int) v << 1) ^ ((int) v >> 31));
        return true;
      case UINT32:
      case FIXED32:
        if (!numFitsSigned || v < 0 || v > 0xFFFFFFFFL) {
          return false;
        }
        out.writeTag(field.tag);
        if (field.kind == Kind.UINT32) {
          out.writeVarint64(v);
        } else {
          out.writeFixed32((int) v);
        }
        return true;
      case INT64:
      case SINT64:
      case SFIXED64:
        if (!numFitsSigned) {
          return false;
        }
        out.writeTag(field.tag);
        if (field.kind == Kind.INT64) {
          out.writeVarint64(v);
        } else if (field.kind == Kind.SINT64) {
          out.writeVarint64((v << 1) ^ (v >> 63));
        } else {
          out.writeFixed64(v);
        }
        return true;
      case UINT64:
      case FIXED64:
        if (!numFitsUnsigned) {
          return false;
        }
        out.writeTag(field.tag);
        if (field.kind == Kind.UINT64) {
          out.writeVarint64(v);
        } else {
          out.writeFixed64(v);
        }
        return true;
      case BOOL:
        if (!numFitsSigned || (v != 0 && v != 1)) {
          return false;
        }
        out.writeTag(field.tag);
        out.writeByte((int) v);
        return true;
      default:
        return false;
    }
  }

  private double numberAsDouble() {
    if (numSpecial == 1) {
      return Double.NaN;
    }
    if (numSpecial == 2) {
      return Double.POSITIVE_INFINITY;
    }
    if (numSpecial == 3) {
      return Double.NEGATIVE_INFINITY;
    }
    if (numStart < 0) {
      return numBits; // from a boolean
    }
    if (numIntegral && numFitsSigned) {
      return numBits;
    }
    return Double.parseDouble(s.substring(numStart, numEnd));
  }

  /** Scans a JSON number (or Python's NaN/Infinity) at pos and records its value. */
  private void scanNumber() throws MalformedJsonException {
    numStart = pos;
    numSpecial = 0;
    boolean negative = false;
    if (peek() == '-') {
      negative = true;
      pos++;
    }
    char c = peek();
    if (c == 'I') {
      expectLiteral("Infinity");
      numSpecial = negative ? 3 : 2;
      numIntegral = false;
      numEnd = pos;
      return;
    }
    if (c == 'N' && !negative) {
      expectLiteral("NaN");
      numSpecial = 1;
      numIntegral = false;
      numEnd = pos;
      return;
    }
    if (c < '0' || c > '9') {
      throw error("unexpected character '" + printable(c) + "'");
    }
    // Accumulate the magnitude as an unsigned 64-bit value, noting overflow.
    long magnitude = 0;
    boolean overflow = false;
    if (c == '0') {
      pos++;
    } else {
      while (pos < end) {
        c = s.charAt(pos);
        if (c < '0' || c > '9') {
          break;
        }
        int digit = c - '0';
        if (!overflow) {
          // magnitude * 10 + digit <= 2^64 - 1, compared as unsigned
          if (Long.compareUnsigned(magnitude, 0x1999999999999999L) > 0
              || (magnitude == 0x1999999999999999L && digit > 5)) {
            overflow = true;
          } else {
            magnitude = magnitude * 10 + digit;
          }
        }
        pos++;
      }
    }
    boolean integral = true;
    if (pos < end && s.charAt(pos) == '.') {
      integral = false;
      pos++;
      int digits = skipDigits();
      if (digits == 0) {
        throw error("expected digits after '.'");
      }
    }
    if (pos < end && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
      integral = false;
      pos++;
      if (pos < end && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
        pos++;
      }
      if (skipDigits() == 0) {
        throw error("expected digits in exponent");
      }
    }
    numEnd = pos;
    numIntegral = integral;
    if (!integral) {
      numFitsSigned = false;
      numFitsUnsigned = false;
      return;
    }
    if (negative) {
      numFitsUnsigned = magnitude == 0 && !overflow;
      numFitsSigned = !overflow && Long.compareUnsigned(magnitude, Long.MIN_VALUE) <= 0;
      numBits = -magnitude;
    } else {
      numFitsUnsigned = !overflow;
      numFitsSigned = !overflow && magnitude >= 0;
      numBits = magnitude;
    }
  }

  private int skipDigits() {
    int start = pos;
    while (pos < end) {
      char c = s.charAt(pos);
      if (c < '0' || c > '9') {
        break;
      }
      pos++;
    }
    return pos - start;
  }

  // ---- strings ----

  /**
   * Writes the JSON string at pos as UTF-8. Returns false if it holds a lone surrogate, which
   * hangups cannot store in a string field either; the string is consumed regardless.
   */
  private boolean transcodeString() throws MalformedJsonException {
    pos++; // opening quote
    boolean valid = true;
    while (true) {
      int runStart = pos;
      while (pos < end) {
        char c = s.charAt(pos);
        if (c >= 0x80 || c < 0x20 || c == '"' || c == '\\') {
          break;
        }
        pos++;
      }
      if (pos > runStart) {
        out.writeAscii(s, runStart, pos);
      }
      if (pos >= end) {
        throw error("unterminated string");
      }
      char c = s.charAt(pos++);
      if (c == '"') {
        return valid;
      }
      if (c < 0x20) {
        throw error("control character in string");
      }
      if (c == '\\') {
        c = readEscape();
      }
      if (Character.isHighSurrogate(c)) {
        char low = 0;
        if (pos < end && s.charAt(pos) == '\\' && pos + 1 < end && s.charAt(pos + 1) == 'u') {
          int save = pos;
          pos++;
          low = readEscape();
          if (!Character.isLowSurrogate(low)) {
            pos = save; // not a pair; the escape is read again on its own
            low = 0;
          }
        } else if (pos < end && Character.isLowSurrogate(s.charAt(pos))) {
          low = s.charAt(pos++);
        }
        if (low == 0) {
          valid = false;
          continue;
        }
        out.writeUtf8(Character.toCodePoint(c, low));
      } else if (Character.isLowSurrogate(c)) {
        valid = false;
      } else {
        out.writeUtf8(c);
      }
    }
  }

  /** Reads the escape after a backslash (pos is on the escape letter) and returns its char. */
  private char readEscape() throws MalformedJsonException {
    if (pos >= end) {
      throw error("unterminated escape");
    }
    char e = s.charAt(pos++);
    switch (e) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
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
        if (pos + 4 > end) {
          throw error("truncated \\u escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
          int digit = Character.digit(s.charAt(pos++), 16);
          if (digit < 0 || s.charAt(pos - 1) > 'f') {
            throw error("invalid \\u escape");
          }
          value = value << 4 | digit;
        }
        return (char) value;
      default:
        throw error("invalid escape '\\" + printable(e) + "'");
    }
  }

  private String readString() throws MalformedJsonException {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= end) {
        throw error("unterminated string");
      }
      char c = s.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        throw error("control character in string");
      }
      sb.append(c == '\\' ? readEscape() : c);
    }
  }

  /** Standard base64 as Python's lenient b64decode reads it; null when it does not decode. */
  static byte[] decodeBase64(String text) {
    StringBuilder cleaned = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '+'
          || c == '/'
          || c == '=') {
        cleaned.append(c);
      }
    }
    if (cleaned.length() % 4 != 0) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(cleaned.toString());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  // ---- skipping and validating ----

  /** Skips any JSON value at pos, validating its syntax. */
  private void skipValue() throws MalformedJsonException {
    skipWhitespace();
    char c = peek();
    switch (c) {
      case '[':
        enter();
        pos++;
        skipWhitespace();
        if (peek() == ']') {
          pos++;
          depth--;
          return;
        }
        while (true) {
          skipValue();
          skipWhitespace();
          char d = next();
          if (d == ']') {
            depth--;
            return;
          }
          if (d != ',') {
            throw error("expected ',' or ']' in array");
          }
        }
      case '{':
        enter();
        pos++;
        skipWhitespace();
        if (peek() == '}') {
          pos++;
          depth--;
          return;
        }
        while (true) {
          skipWhitespace();
          if (peek() != '"') {
            throw error("expected an object key");
          }
          skipString();
          skipWhitespace();
          if (next() != ':') {
            throw error("expected ':' in object");
          }
          skipValue();
          skipWhitespace();
          char d = next();
          if (d == '}') {
            depth--;
            return;
          }
          if (d != ',') {
            throw error("expected ',' or '}' in object");
          }
        }
      case '"':
        skipString();
        return;
      case 't':
      case 'f':
        expectBooleanLiteral();
        return;
      case 'n':
        expectLiteral("null");
        return;
      default:
        scanNumber();
    }
  }

  private void skipString() throws MalformedJsonException {
    pos++;
    while (true) {
      if (pos >= end) {
        throw error("unterminated string");
      }
      char c = s.charAt(pos++);
      if (c == '"') {
        return;
      }
      if (c < 0x20) {
        throw error("control character in string");
      }
      if (c == '\\') {
        readEscape();
      }
    }
  }

  private boolean expectBooleanLiteral() throws MalformedJsonException {
    if (peek() == 't') {
      expectLiteral("true");
      return true;
    }
    expectLiteral("false");
    return false;
  }

  private void expectLiteral(String literal) throws MalformedJsonException {
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
    while (pos < end) {
      char c = s.charAt(pos);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      pos++;
    }
  }

  private char peek() throws MalformedJsonException {
    if (pos >= end) {
      throw error("unexpected end of input");
    }
    return s.charAt(pos);
  }

  private char next() throws MalformedJsonException {
    if (pos >= end) {
      throw error("unexpected end of input");
    }
    return s.charAt(pos++);
  }

  private MalformedJsonException error(String message) {
    return new MalformedJsonException(message, Math.min(pos, end));
  }

  private static String printable(char c) {
    return c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c);
  }
}
