package dev.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.server.FakeTimeSource;
import dev.parley.server.auth.LoginRateLimiter.Decision;
import dev.parley.server.auth.LoginRateLimiter.Limits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {
  private static final String IP = "203.0.113.7";
  private static final String ALICE = "alice@example.com";

  private final FakeTimeSource time = new FakeTimeSource();
  private final LoginRateLimiter limiter = new LoginRateLimiter(time);

  @Test
  void fiveAttemptsGoThroughThenTheSixthWaitsSixSeconds() {
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.tryAcquire(IP, ALICE).allowed()).as("attempt %d", i + 1).isTrue();
    }

    Decision sixth = limiter.tryAcquire(IP, ALICE);

    assertThat(sixth.allowed()).isFalse();
    assertThat(sixth.retryAfterSeconds()).isEqualTo(6);
  }

  @Test
  void aRefilledTokenAllowsOneMoreAttemptEverySixSeconds() {
    exhaust(IP, ALICE);

    time.advance(Duration.ofSeconds(6));
    assertThat(limiter.tryAcquire(IP, ALICE).allowed()).isTrue();
    assertThat(limiter.tryAcquire(IP, ALICE).allowed()).isFalse();

    time.advance(Duration.ofSeconds(5));
    assertThat(limiter.tryAcquire(IP, ALICE).retryAfterSeconds()).isEqualTo(1);
    time.advance(Duration.ofSeconds(1));
    assertThat(limiter.tryAcquire(IP, ALICE).allowed()).isTrue();
  }

  @Test
  void retryAfterIsRoundedUpAndNeverBelowOneSecond() {
    exhaust(IP, ALICE);

    time.advance(Duration.ofMillis(5_999));
    Decision refused = limiter.tryAcquire(IP, ALICE);

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(1);
  }

  @Test
  void theBucketRefillsToAFullBurstAfterThirtySeconds() {
    exhaust(IP, ALICE);

    time.advance(Duration.ofSeconds(30));

    for (int i = 0; i < 5; i++) {
      assertThat(limiter.tryAcquire(IP, ALICE).allowed()).isTrue();
    }
    assertThat(limiter.tryAcquire(IP, ALICE).allowed()).isFalse();
  }

  @Test
  void oneIpIsLimitedAcrossManyAccounts() {
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.tryAcquire(IP, "user" + i + "@example.com").allowed()).isTrue();
    }

    assertThat(limiter.tryAcquire(IP, "user5@example.com").allowed()).isFalse();
    assertThat(limiter.tryAcquire("198.51.100.1", "user5@example.com").allowed()).isTrue();
  }

  @Test
  void oneAccountIsLimitedAcrossManyIps() {
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.tryAcquire("198.51.100." + i, ALICE).allowed()).isTrue();
    }

    assertThat(limiter.tryAcquire("198.51.100.5", ALICE).allowed()).isFalse();
    assertThat(limiter.tryAcquire("198.51.100.5", "bob@example.com").allowed()).isTrue();
  }

  @Test
  void accountsAreTheSameWhateverTheCaseOfTheEmail() {
    exhaust("198.51.100.1", ALICE);

    assertThat(limiter.tryAcquire("198.51.100.2", "Alice@Example.COM").allowed()).isFalse();
    assertThat(limiter.tryAcquire("198.51.100.3", " alice@example.com ").allowed()).isFalse();
  }

  @Test
  void aRefusalTakesNoTokenFromTheOtherBucket() {
    exhaust("198.51.100.1", ALICE);

    // Refused by Alice's bucket: the IP's bucket keeps its tokens.
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.tryAcquire(IP, ALICE).allowed()).isFalse();
    }
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.tryAcquire(IP, "bob" + i + "@example.com").allowed()).isTrue();
    }
  }

  @Test
  void attemptsWithoutAnAccountAreLimitedByIpOnly() {
    exhaust(IP, null);

    assertThat(limiter.tryAcquire(IP, null).allowed()).isFalse();
    assertThat(limiter.tryAcquire("198.51.100.1", null).allowed()).isTrue();
  }

  @Test
  void theHundredthConsecutiveFailureLocksTheAccountForFifteenMinutes() {
    for (int i = 0; i < 99; i++) {
      limiter.recordFailure(ALICE);
    }
    assertThat(limiter.tryAcquire(IP, ALICE).allowed()).isTrue();

    limiter.recordFailure(ALICE);
    Decision locked = limiter.tryAcquire("198.51.100.1", ALICE);

    assertThat(locked.allowed()).isFalse();
    assertThat(locked.retryAfterSeconds()).isEqualTo(15 * 60);
    time.advance(Duration.ofMinutes(14));
    assertThat(limiter.tryAcquire("198.51.100.2", ALICE).retryAfterSeconds()).isEqualTo(60);
    time.advance(Duration.ofMinutes(1));
    assertThat(limiter.tryAcquire("198.51.100.3", ALICE).allowed()).isTrue();
  }

  @Test
  void aLockedAccountDoesNotBlockTheIpForOtherAccounts() {
    failTimes(ALICE, 100);

    assertThat(limiter.tryAcquire(IP, ALICE).allowed()).isFalse();
    assertThat(limiter.tryAcquire(IP, "bob@example.com").allowed()).isTrue();
  }

  @Test
  void afterALockEachFurtherFailureLocksAgainUntilASuccess() {
    failTimes(ALICE, 100);
    time.advance(Duration.ofMinutes(15));
    assertThat(limiter.tryAcquire(IP, ALICE).allowed()).isTrue();

    limiter.recordFailure(ALICE);

    assertThat(limiter.tryAcquire(IP, ALICE).retryAfterSeconds()).isEqualTo(15 * 60);
    time.advance(Duration.ofMinutes(15));
    limiter.recordSuccess(ALICE);
    limiter.recordFailure(ALICE);
    assertThat(limiter.tryAcquire(IP, ALICE).allowed()).isTrue();
  }

  @Test
  void aSuccessStartsTheFailureCountAgain() {
    failTimes(ALICE, 99);
    limiter.recordSuccess("ALICE@example.com");
    failTimes(ALICE, 99);

    assertThat(limiter.tryAcquire(IP, ALICE).allowed()).isTrue();
  }

  @Test
  void anAdministratorResetLiftsALockAndRefillsTheAccount() {
    exhaust("198.51.100.1", ALICE);
    failTimes(ALICE, 100);

    limiter.reset("Alice@example.com");

    assertThat(limiter.tryAcquire(IP, ALICE).allowed()).isTrue();
  }

  @Test
  void bucketsThatAreFullAgainAreForgotten() {
    for (int i = 0; i < 50; i++) {
      limiter.tryAcquire("198.51.100." + i, "user" + i + "@example.com");
    }
    assertThat(limiter.trackedKeys()).isEqualTo(100);

    time.advance(Duration.ofSeconds(6));
    limiter.tryAcquire(IP, ALICE);

    assertThat(limiter.trackedKeys()).isEqualTo(2);
  }

  @Test
  void bucketsStillRefillingAreKeptUntilTheyAreFull() {
    exhaust(IP, ALICE);
    time.advance(Duration.ofSeconds(6));

    limiter.tryAcquire("198.51.100.1", "bob@example.com");
    assertThat(limiter.trackedKeys()).isEqualTo(4);

    time.advance(Duration.ofSeconds(24));
    limiter.tryAcquire("198.51.100.2", "carol@example.com");
    assertThat(limiter.trackedKeys()).isEqualTo(2);
  }

  @Test
  void theNumberOfTrackedKeysIsCappedDroppingTheLeastRecentlyUsed() {
    LoginRateLimiter small =
        new LoginRateLimiter(
            time, new Limits(5, Duration.ofSeconds(6), 100, Duration.ofMinutes(15), 3));
    for (int i = 0; i < 10; i++) {
      small.tryAcquire("198.51.100." + i, "user" + i + "@example.com");
      small.recordFailure("user" + i + "@example.com");
    }

    assertThat(small.trackedKeys()).isEqualTo(9);
  }

  @Test
  void failuresAreCappedToo() {
    LoginRateLimiter small =
        new LoginRateLimiter(
            time, new Limits(5, Duration.ofSeconds(6), 100, Duration.ofMinutes(15), 3));
    for (int i = 0; i < 1000; i++) {
      small.recordFailure("user" + i + "@example.com");
    }

    assertThat(small.trackedKeys()).isEqualTo(3);
  }

  @Test
  void monotonicTimeNearTheWrapAroundStillWorks() {
    time.setNanoTime(Long.MAX_VALUE - 10_000_000_000L);
    exhaust(IP, ALICE);
    assertThat(limiter.tryAcquire(IP, ALICE).allowed()).isFalse();

    time.advance(Duration.ofSeconds(30)); // wraps past Long.MAX_VALUE

    assertThat(limiter.tryAcquire(IP, ALICE).allowed()).isTrue();
  }

  @Test
  void concurrentAttemptsGetExactlyTheBurst() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  int allowed = 0;
                  for (int i = 0; i < 100; i++) {
                    allowed += limiter.tryAcquire(IP, ALICE).allowed() ? 1 : 0;
                  }
                  return allowed;
                }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> result : results) {
        total += result.get(10, TimeUnit.SECONDS);
      }
      assertThat(total).isEqualTo(5);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void invalidLimitsAreRefused() {
    assertThatThrownBy(() -> new Limits(0, Duration.ofSeconds(6), 100, Duration.ofMinutes(15), 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Limits(5, Duration.ZERO, 100, Duration.ofMinutes(15), 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Limits(5, Duration.ofSeconds(6), 0, Duration.ofMinutes(15), 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void exhaust(String ip, String account) {
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.tryAcquire(ip, account).allowed()).isTrue();
    }
  }

  private void failTimes(String account, int times) {
    for (int i = 0; i < times; i++) {
      limiter.recordFailure(account);
    }
  }
}
