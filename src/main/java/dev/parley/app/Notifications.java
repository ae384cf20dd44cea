package dev.parley.app;

import dev.parley.app.notifications.DesktopNotifier;
import dev.parley.app.notifications.NotificationSettingsStore;

/**
 * What a session's UI needs to raise desktop notifications: the app-wide notifier and settings, and
 * how to bring the window forward when one is clicked.
 */
record Notifications(
    DesktopNotifier notifier, NotificationSettingsStore settings, Runnable bringForward) {}
