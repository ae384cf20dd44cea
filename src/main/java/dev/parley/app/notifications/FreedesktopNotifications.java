package dev.parley.app.notifications;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.DBusMemberName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * The desktop's notification daemon, as the Desktop Notifications Specification 1.2 defines it:
 * {@code org.freedesktop.Notifications} at {@code /org/freedesktop/Notifications} on the session
 * bus. Only what {@link DbusNotifier} uses. Public because dbus-java builds proxies and signals by
 * reflection.
 */
@DBusInterfaceName(FreedesktopNotifications.NAME)
public interface FreedesktopNotifications extends DBusInterface {
  String NAME = "org.freedesktop.Notifications";
  String PATH = "/org/freedesktop/Notifications";

  /**
   * Shows a notification, or replaces the one with id {@code replacesId} (0 for a new one), and
   * answers its id.
   *
   * @param actions pairs of action key and label; the key "default" is a click on the bubble
   * @param expireTimeout milliseconds, -1 for the daemon's default, 0 for never
   */
  @DBusMemberName("Notify")
  UInt32 show(
      String appName,
      UInt32 replacesId,
      String appIcon,
      String summary,
      String body,
      List<String> actions,
      Map<String, Variant<?>> hints,
      int expireTimeout);

  @DBusMemberName("CloseNotification")
  void closeNotification(UInt32 id);

  /** What the daemon can do, e.g. "actions", "body", "body-markup", "persistence". */
  @DBusMemberName("GetCapabilities")
  List<String> capabilities();

  /** The user clicked the notification ({@code actionKey} "default") or one of its actions. */
  class ActionInvoked extends DBusSignal {
    private final UInt32 id;
    private final String actionKey;

    public ActionInvoked(String path, UInt32 id, String actionKey) throws DBusException {
      super(path, id, actionKey);
      this.id = id;
      this.actionKey = actionKey;
    }

    public UInt32 id() {
      return id;
    }

    public String actionKey() {
      return actionKey;
    }
  }

  /**
   * The notification went away: 1 expired, 2 dismissed by the user, 3 closed by {@code
   * CloseNotification}, 4 other.
   */
  class NotificationClosed extends DBusSignal {
    private final UInt32 id;
    private final UInt32 reason;

    public NotificationClosed(String path, UInt32 id, UInt32 reason) throws DBusException {
      super(path, id, reason);
      this.id = id;
      this.reason = reason;
    }

    public UInt32 id() {
      return id;
    }

    public UInt32 reason() {
      return reason;
    }
  }
}
