package dev.parley.app.connection;

import dev.parley.app.I18n;
import dev.parley.app.UiTimer;
import dev.parley.app.session.ConnectionStatus;
import dev.parley.app.session.SessionListener;
import dev.parley.app.session.SessionService;
import java.time.Clock;
import java.time.Duration;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The slim banner over the window: hidden while connected; "Connecting…", "Reconnecting in 8 s"
 * (counting down each second, with "Retry now"), or "Offline". Catch-up after a reconnect shows
 * nothing.
 */
public final class ConnectionBannerViewModel implements SessionListener {
  private final SessionService session;
  private final UiTimer timer;
  private final Clock clock;
  private final I18n text = I18n.of(ConnectionBannerViewModel.class);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper(false);
  private ConnectionStatus status;
  private UiTimer.Scheduled ticker;

  public ConnectionBannerViewModel(SessionService session, UiTimer timer, Clock clock) {
    this.session = session;
    this.timer = timer;
    this.clock = clock;
    session.addListener(this);
    connectionChanged(session.connectionStatus());
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty visibleProperty() {
    return visible.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canRetryProperty() {
    return canRetry.getReadOnlyProperty();
  }

  /** "Retry now": skip the wait. */
  public void retryNow() {
    session.reconnectNow();
  }

  @Override
  public void connectionChanged(ConnectionStatus newStatus) {
    status = newStatus;
    if (ticker != null) {
      ticker.cancel();
      ticker = null;
    }
    if (status.kind() == ConnectionStatus.Kind.RECONNECTING && status.nextAttempt() != null) {
      ticker = timer.every(Duration.ofSeconds(1), this::render);
    }
    render();
  }

  private void render() {
    switch (status.kind()) {
      case CONNECTED -> {
        visible.set(false);
        canRetry.set(false);
        message.set("");
      }
      case CONNECTING -> {
        visible.set(true);
        canRetry.set(false);
        message.set(text.get("connecting"));
      }
      case RECONNECTING -> {
        visible.set(true);
        canRetry.set(true);
        long seconds =
            status.nextAttempt() == null
                ? 0
                : Math.max(0, Duration.between(clock.instant(), status.nextAttempt()).toSeconds());
        message.set(seconds > 0 ? text.get("reconnectingIn", seconds) : text.get("reconnecting"));
      }
      case OFFLINE -> {
        visible.set(true);
        canRetry.set(true);
        message.set(text.get("offline"));
      }
    }
  }

  public void dispose() {
    session.removeListener(this);
    if (ticker != null) {
      ticker.cancel();
    }
  }
}
