package dev.parley.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.server.media.MediaException.Reason;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

final class MediaAssertions {
  private MediaAssertions() {}

  /** Asserts that {@code call} throws a {@link MediaException} for {@code reason}. */
  static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      ThrowingCallable call, Reason reason) {
    return assertThatThrownBy(call)
        .isInstanceOf(MediaException.class)
        .satisfies(e -> assertThat(((MediaException) e).reason()).isEqualTo(reason))
        .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
  }
}
