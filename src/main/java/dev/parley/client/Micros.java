package dev.parley.client;

import java.time.Instant;

/** Conversions between the protocol's microseconds since the epoch and {@link Instant}. */
final class Micros {
  private Micros() {}

  static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  /** Truncates to whole microseconds. */
  static long fromInstant(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
  }
}
