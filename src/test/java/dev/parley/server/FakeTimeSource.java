package dev.parley.server;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock tests move by hand. {@link #advance} moves wall and monotonic time together; the setters
 * move one alone (e.g. a wall-clock jump). Thread-safe.
 */
public final class FakeTimeSource implements TimeSource {
  /** 2026-01-01T00:00:00Z. */
  public static final long DEFAULT_START_MICROS = 1_767_225_600_000_000L;

  private final AtomicLong micros;
  private final AtomicLong nanos;

  public FakeTimeSource() {
    this(DEFAULT_START_MICROS, 1_000_000_000L);
  }

  public FakeTimeSource(long startMicros, long startNanos) {
    this.micros = new AtomicLong(startMicros);
    this.nanos = new AtomicLong(startNanos);
  }

  @Override
  public long nowMicros() {
    return micros.get();
  }

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  /** Moves both clocks forward. */
  public void advance(Duration duration) {
    micros.addAndGet(duration.toNanos() / 1000);
    nanos.addAndGet(duration.toNanos());
  }

  public void setNowMicros(long value) {
    micros.set(value);
  }

  public void advanceMicros(long delta) {
    micros.addAndGet(delta);
  }

  public void setNanoTime(long value) {
    nanos.set(value);
  }

  public void advanceNanos(long delta) {
    nanos.addAndGet(delta);
  }
}
