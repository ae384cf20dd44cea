package dev.parley.server.channel;

import dev.parley.server.TimeSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when told to. */
final class FakeTimeSource implements TimeSource {
  private final AtomicLong micros = new AtomicLong(1_500_000_000_000_000L);
  private final AtomicLong nanos = new AtomicLong(42);

  void advance(Duration duration) {
    micros.addAndGet(duration.toNanos() / 1000);
    nanos.addAndGet(duration.toNanos());
  }

  @Override
  public long nowMicros() {
    return micros.get();
  }

  @Override
  public long nanoTime() {
    return nanos.get();
  }
}
