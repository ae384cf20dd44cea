package dev.parley.server;

/** The server's clock, injected so tests can move time. */
public interface TimeSource {
  /** Microseconds since the Unix epoch. */
  long nowMicros();

  default long nowMillis() {
    return nowMicros() / 1000;
  }

  /** Monotonic nanoseconds, for timeouts and rate limits. */
  long nanoTime();

  TimeSource SYSTEM =
      new TimeSource() {
        @Override
        public long nowMicros() {
          java.time.Instant now = java.time.Instant.now();
          return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
        }

        @Override
        public long nanoTime() {
          return System.nanoTime();
        }
      };
}
