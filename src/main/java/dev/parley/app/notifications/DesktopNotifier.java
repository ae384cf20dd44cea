package dev.parley.app.notifications;

import java.util.function.Consumer;

/**
 * Shows notifications on the desktop. Implementations never block the caller: whatever talks to the
 * desktop (D-Bus, AWT, a process) runs on a thread of its own.
 */
public interface DesktopNotifier extends AutoCloseable {

  /**
   * Shows {@code notification}, replacing the one shown before for the same conversation if it is
   * still there.
   */
  void show(Notification notification);

  /** Takes down the notification of a conversation, if one is shown (the user read it). */
  void close(String conversationId);

  /**
   * Called with the conversation id when the user clicks a notification. Runs on whatever thread
   * the notifier hears it on; callers hop to the UI thread themselves.
   */
  void onActivated(Consumer<String> listener);

  /** Stops: takes nothing down, releases the connection or thread. */
  @Override
  void close();

  /** A notifier that shows nothing (notifications unavailable, or tests). */
  static DesktopNotifier none() {
    return new DesktopNotifier() {
      @Override
      public void show(Notification notification) {}

      @Override
      public void close(String conversationId) {}

      @Override
      public void onActivated(Consumer<String> listener) {}

      @Override
      public void close() {}
    };
  }
}
