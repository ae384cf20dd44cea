package dev.parley.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A {@link DesktopNotifier} that records what it was asked and can play a click. */
final class RecordingNotifier implements DesktopNotifier {
  final List<Notification> shown = new CopyOnWriteArrayList<>();
  final List<String> closed = new CopyOnWriteArrayList<>();
  private final List<Consumer<String>> listeners = new ArrayList<>();
  volatile boolean stopped;

  @Override
  public void show(Notification notification) {
    shown.add(notification);
  }

  @Override
  public void close(String conversationId) {
    closed.add(conversationId);
  }

  @Override
  public void onActivated(Consumer<String> listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {
    stopped = true;
  }

  /** The user clicks the notification of a conversation. */
  void click(String conversationId) {
    listeners.forEach(l -> l.accept(conversationId));
  }

  Notification assertOne() {
    assertThat(shown).hasSize(1);
    return shown.get(0);
  }
}
