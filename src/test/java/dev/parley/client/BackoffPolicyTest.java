package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {
  @Test
  void theDefaultDoublesFromOneSecondToAMinute() {
    BackoffPolicy noJitter =
        new BackoffPolicy(BackoffPolicy.DEFAULT.initial(), BackoffPolicy.DEFAULT.max(), 0);
    Random random = new Random(1);

    assertThat(noJitter.delay(1, random)).isEqualTo(Duration.ofSeconds(1));
    assertThat(noJitter.delay(2, random)).isEqualTo(Duration.ofSeconds(2));
    assertThat(noJitter.delay(6, random)).isEqualTo(Duration.ofSeconds(32));
    assertThat(noJitter.delay(7, random)).isEqualTo(Duration.ofSeconds(60));
    assertThat(noJitter.delay(1_000, random)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void jitterTakesOffAtMostItsShare() {
    Random random = new Random(7);
    for (int i = 0; i < 1_000; i++) {
      Duration delay = BackoffPolicy.DEFAULT.delay(3, random);
      assertThat(delay).isBetween(Duration.ofMillis(3_200), Duration.ofSeconds(4));
    }
  }

  @Test
  void nothingToWaitBeforeTheFirstFailure() {
    assertThat(BackoffPolicy.DEFAULT.delay(0, new Random())).isZero();
  }

  @Test
  void nonsenseSettingsAreRefused() {
    assertThatThrownBy(() -> new BackoffPolicy(Duration.ZERO, Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BackoffPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BackoffPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
