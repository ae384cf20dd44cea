package dev.parley.wire;

import java.util.List;
import java.util.Random;

/** Seeded mutations of valid inputs, for the decoders' hostile-input tests. */
final class Mutator {
  private static final String JSON_NOISE =
      "[]{},:\"\\ 0123456789-.eEnulltruefalse\u00e9\ud83d\ude00{}u";

  private final Random random;

  Mutator(long seed) {
    this.random = new Random(seed);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  /** One to four random edits of a seed string, biased towards JSON's structural characters. */
  String mutate(List<String> seeds) {
    StringBuilder sb = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int length = sb.length();
      int at = length == 0 ? 0 : random.nextInt(length + 1);
      switch (random.nextInt(8)) {
        case 0: // replace a character
          if (at < length) {
            sb.setCharAt(at, noise());
          }
          break;
        case 1: // insert characters
          for (int i = random.nextInt(3); i >= 0; i--) {
            sb.insert(at, noise());
          }
          break;
        case 2: // delete a range
          if (at < length) {
            sb.delete(at, Math.min(length, at + 1 + random.nextInt(8)));
          }
          break;
        case 3: // truncate
          sb.setLength(at);
          break;
        case 4: // duplicate a range
          if (at < length) {
            int end = Math.min(length, at + 1 + random.nextInt(64));
            sb.insert(at, sb.substring(at, end));
          }
          break;
        case 5: // a random character of any kind
          sb.insert(at, (char) random.nextInt(0x10000));
          break;
        case 6: // a large number
          sb.insert(at, random.nextBoolean() ? "18446744073709551616" : "-9223372036854775809");
          break;
        default: // deep nesting
          int depth = random.nextInt(80);
          sb.insert(at, "[".repeat(depth));
      }
    }
    return sb.toString();
  }

  /** Random edits of bytes: flips, inserts, deletes, truncation. */
  byte[] mutate(byte[] seed) {
    byte[] bytes = seed.clone();
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      if (bytes.length == 0) {
        bytes = new byte[] {(byte) random.nextInt(256)};
        continue;
      }
      int at = random.nextInt(bytes.length);
      switch (random.nextInt(4)) {
        case 0:
          bytes[at] = (byte) random.nextInt(256);
          break;
        case 1:
          bytes[at] ^= (byte) (1 << random.nextInt(8));
          break;
        case 2:
          bytes = java.util.Arrays.copyOf(bytes, at);
          break;
        default:
          byte[] grown = new byte[bytes.length + 1];
          System.arraycopy(bytes, 0, grown, 0, at);
          grown[at] = (byte) random.nextInt(256);
          System.arraycopy(bytes, at, grown, at + 1, bytes.length - at);
          bytes = grown;
      }
    }
    return bytes;
  }

  private char noise() {
    return JSON_NOISE.charAt(random.nextInt(JSON_NOISE.length()));
  }
}
