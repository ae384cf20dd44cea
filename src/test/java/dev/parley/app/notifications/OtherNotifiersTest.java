package dev.parley.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The notifiers other than D-Bus, as far as they work without a desktop. */
class OtherNotifiersTest {
  private final Notification hello = new Notification("c1", "Alice", "hi", null, true);

  @Test
  void eachOperatingSystemHasItsFirstChoice() {
    assertThat(Notifiers.kind("Linux")).isEqualTo(Notifiers.Kind.DBUS);
    assertThat(Notifiers.kind("FreeBSD")).isEqualTo(Notifiers.Kind.DBUS);
    assertThat(Notifiers.kind("Mac OS X")).isEqualTo(Notifiers.Kind.OSASCRIPT);
    assertThat(Notifiers.kind("Windows 11")).isEqualTo(Notifiers.Kind.TRAY);
  }

  @Test
  void appleScriptStringsEscapeQuotesAndBackslashesAndFlattenLines() {
    assertThat(OsascriptNotifier.quote("say \"hi\" \\o/\nbye"))
        .isEqualTo("\"say \\\"hi\\\" \\\\o/ bye\"");
    Notification n = new Notification("c1", "Bob in \"Trip\"", "it's 5\u00A0€", null, true);
    assertThat(OsascriptNotifier.script(n))
        .isEqualTo(
            "display notification \"it's 5\u00A0€\" with title \"Bob in \\\"Trip\\\"\""
                + " sound name \"Glass\"");
    assertThat(OsascriptNotifier.script(new Notification("c1", "A", "b", null, false)))
        .doesNotContain("sound");
  }

  @Test
  void withoutATrayIconTheTrayNotifierFallsBack() {
    RecordingNotifier fallback = new RecordingNotifier();
    TrayNotifier tray = new TrayNotifier(() -> null, fallback);
    tray.show(hello);
    tray.close("c1");
    assertThat(fallback.shown).containsExactly(hello);
    assertThat(fallback.closed).containsExactly("c1");
    tray.close();
    assertThat(fallback.stopped).isTrue();
  }

  @Test
  void withoutASessionBusDbusNotificationsGoToTheFallback() throws Exception {
    RecordingNotifier fallback = new RecordingNotifier();
    DbusNotifier dbus = DbusNotifier.connect("unix:path=/nonexistent/parley-test-bus", fallback);
    assertThat(dbus.ready().get(15, TimeUnit.SECONDS)).isFalse();
    dbus.show(hello);
    dbus.close();
    // close() queues behind show(): once the fallback is stopped, it has been shown the message.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!fallback.stopped && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(fallback.shown).containsExactly(hello);
    assertThat(fallback.stopped).isTrue();
  }

  @Test
  void theDbusBodyEscapesMarkup() {
    assertThat(DbusNotifier.escapeMarkup("a < b && c > d"))
        .isEqualTo("a &lt; b &amp;&amp; c &gt; d");
  }
}
