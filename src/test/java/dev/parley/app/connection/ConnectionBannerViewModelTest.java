package dev.parley.app.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.FakeUiTimer;
import dev.parley.app.session.ConnectionStatus;
import dev.parley.app.session.FakeSessionService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConnectionBannerViewModelTest {
  private final FakeSessionService session = new FakeSessionService();
  private final FakeUiTimer timer = new FakeUiTimer();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
  private final ConnectionBannerViewModel vm = new ConnectionBannerViewModel(session, timer, clock);

  @Test
  void hiddenWhileConnected() {
    assertThat(vm.visibleProperty().get()).isFalse();
  }

  @Test
  void reconnectingCountsDownEachSecondAndOffersRetry() {
    session.setConnection(
        new ConnectionStatus(
            ConnectionStatus.Kind.RECONNECTING, clock.instant().plusSeconds(8), "HTTP 503"));
    assertThat(vm.visibleProperty().get()).isTrue();
    assertThat(vm.messageProperty().get()).isEqualTo("Reconnecting in 8 s");
    assertThat(vm.canRetryProperty().get()).isTrue();
    clock.now = clock.now.plusSeconds(3);
    timer.advance(Duration.ofSeconds(1));
    assertThat(vm.messageProperty().get()).isEqualTo("Reconnecting in 5 s");
    vm.retryNow();
    assertThat(session.reconnectNowCalls).isEqualTo(1);
  }

  @Test
  void connectedAgainHidesTheBannerAndStopsTheCountdown() {
    session.setConnection(
        new ConnectionStatus(
            ConnectionStatus.Kind.RECONNECTING, clock.instant().plusSeconds(8), null));
    session.setConnection(ConnectionStatus.connected());
    assertThat(vm.visibleProperty().get()).isFalse();
    assertThat(timer.pending()).isZero();
  }

  @Test
  void offlineSaysSo() {
    session.setConnection(new ConnectionStatus(ConnectionStatus.Kind.OFFLINE, null, null));
    assertThat(vm.messageProperty().get()).isEqualTo("Offline");
    session.setConnection(new ConnectionStatus(ConnectionStatus.Kind.CONNECTING, null, null));
    assertThat(vm.messageProperty().get()).isEqualTo("Connecting…");
    assertThat(vm.canRetryProperty().get()).isFalse();
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
