package dev.parley.app.settings;

import dev.parley.app.I18n;
import dev.parley.app.Theme;
import dev.parley.app.notifications.NotificationPrivacy;
import dev.parley.app.notifications.NotificationSettings;
import dev.parley.app.notifications.NotificationSettingsStore;
import dev.parley.app.tray.DoNotDisturb;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * The settings window's state: one writable property per choice, each saved the moment it changes
 * (there is no OK button), and each following its store when something else changes it (the tray's
 * do-not-disturb menu, the account menu's theme item). Use on the UI thread.
 */
public final class SettingsViewModel {
  /** The window's sections, in sidebar order. */
  public enum Section {
    ACCOUNT,
    NOTIFICATIONS,
    APPEARANCE,
    BEHAVIOUR,
    LANGUAGE
  }

  /** Who is signed in where, for the account section. */
  public record Account(String name, String email, String server) {}

  /** The text sizes offered, in percent. */
  public static final List<Integer> FONT_SCALES = List.of(90, 100, 110, 125, 150);

  private final AppSettingsStore app;
  private final NotificationSettingsStore notifications;
  private final Account account;
  private final Runnable onSignOut;
  private final java.util.function.Supplier<java.util.concurrent.CompletableFuture<Void>>
      revokeEverywhere;
  private final javafx.beans.property.ReadOnlyStringWrapper accountError =
      new javafx.beans.property.ReadOnlyStringWrapper("");
  private final Clock clock;
  private final I18n text = I18n.of(SettingsViewModel.class);
  private final DateTimeFormatter timeFormat =
      DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
          .withLocale(Locale.getDefault(Locale.Category.FORMAT));
  private final DateTimeFormatter dateFormat =
      DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
          .withLocale(Locale.getDefault(Locale.Category.FORMAT));

  private final ObjectProperty<Section> section =
      new SimpleObjectProperty<>(this, "section", Section.ACCOUNT);
  private final ObjectProperty<Theme.Mode> theme = new SimpleObjectProperty<>(this, "theme");
  private final IntegerProperty fontScale = new SimpleIntegerProperty(this, "fontScale");
  private final ObjectProperty<AppSettings.SendKey> sendKey =
      new SimpleObjectProperty<>(this, "sendKey");
  private final BooleanProperty closeToTray = new SimpleBooleanProperty(this, "closeToTray");
  private final BooleanProperty startMinimised = new SimpleBooleanProperty(this, "startMinimised");
  private final ObjectProperty<AppSettings.Language> language =
      new SimpleObjectProperty<>(this, "language");
  private final BooleanBinding restartNeeded;

  private final BooleanProperty notificationsEnabled =
      new SimpleBooleanProperty(this, "notificationsEnabled");
  private final ObjectProperty<NotificationPrivacy> privacy =
      new SimpleObjectProperty<>(this, "privacy");
  private final BooleanProperty sound = new SimpleBooleanProperty(this, "sound");
  private final BooleanProperty doNotDisturb = new SimpleBooleanProperty(this, "doNotDisturb");
  private final ObjectProperty<LocalTime> doNotDisturbUntil =
      new SimpleObjectProperty<>(this, "doNotDisturbUntil", DoNotDisturb.MORNING);
  private final ReadOnlyStringWrapper doNotDisturbSummary =
      new ReadOnlyStringWrapper(this, "doNotDisturbSummary", "");

  private final ChangeListener<AppSettings> appChanged = (o, was, now) -> showApp(now);
  private final ChangeListener<NotificationSettings> notificationsChanged =
      (o, was, now) -> showNotifications(now);

  /** True while the properties are being set from a store, so they do not write back. */
  private boolean syncing;

  /**
   * @param onSignOut signs out of this account (the caller closes the window)
   */
  public SettingsViewModel(
      AppSettingsStore app,
      NotificationSettingsStore notifications,
      Account account,
      Runnable onSignOut,
      Clock clock) {
    this(app, notifications, account, onSignOut, null, clock);
  }

  /**
   * @param revokeEverywhere revokes every session of the account on the server, or null when that
   *     is not possible (then "Sign out everywhere" is not offered)
   */
  public SettingsViewModel(
      AppSettingsStore app,
      NotificationSettingsStore notifications,
      Account account,
      Runnable onSignOut,
      java.util.function.Supplier<java.util.concurrent.CompletableFuture<Void>> revokeEverywhere,
      Clock clock) {
    this.revokeEverywhere = revokeEverywhere;
    this.app = app;
    this.notifications = notifications;
    this.account = account;
    this.onSignOut = onSignOut;
    this.clock = clock;
    showApp(app.get());
    showNotifications(notifications.get());
    restartNeeded =
        Bindings.createBooleanBinding(() -> language.get() != app.languageAtStart(), language);

    saveApp(theme, (s, v) -> s.withTheme(v));
    saveApp(fontScale, (s, v) -> s.withFontScale(v.intValue()));
    saveApp(sendKey, (s, v) -> s.withSendKey(v));
    saveApp(closeToTray, (s, v) -> s.withCloseToTray(v));
    saveApp(startMinimised, (s, v) -> s.withStartMinimised(v));
    saveApp(language, (s, v) -> s.withLanguage(v));
    saveNotifications(notificationsEnabled, (s, v) -> s.withEnabled(v));
    saveNotifications(privacy, (s, v) -> s.withPrivacy(v));
    saveNotifications(sound, (s, v) -> s.withSound(v));
    saveNotifications(doNotDisturb, (s, v) -> s.withDoNotDisturbUntil(dndEnd()));
    saveNotifications(
        doNotDisturbUntil, (s, v) -> doNotDisturb.get() ? s.withDoNotDisturbUntil(dndEnd()) : s);

    app.settingsProperty().addListener(appChanged);
    notifications.settingsProperty().addListener(notificationsChanged);
  }

  // ---- sections and account ----

  public ObjectProperty<Section> sectionProperty() {
    return section;
  }

  public Account account() {
    return account;
  }

  public boolean canSignOutEverywhere() {
    return revokeEverywhere != null;
  }

  /** Why signing out everywhere failed, or empty. */
  public javafx.beans.property.ReadOnlyStringProperty accountErrorProperty() {
    return accountError.getReadOnlyProperty();
  }

  /**
   * Revokes every session on the server, then signs out here. On failure the person stays signed in
   * and {@link #accountErrorProperty()} says why. Calls {@code done} after success.
   */
  public void signOutEverywhere(Runnable done) {
    if (revokeEverywhere == null) {
      return;
    }
    accountError.set("");
    revokeEverywhere
        .get()
        .whenComplete(
            (ok, failure) -> {
              if (failure != null) {
                accountError.set(
                    dev.parley.app.I18n.of(SettingsViewModel.class)
                        .get(
                            "account.signOutEverywhere.failed",
                            String.valueOf(failure.getMessage())));
              } else {
                done.run();
                onSignOut.run();
              }
            });
  }

  public void signOut() {
    onSignOut.run();
  }

  // ---- appearance, behaviour, language ----

  public ObjectProperty<Theme.Mode> themeProperty() {
    return theme;
  }

  /** The text size in percent, one of {@link #FONT_SCALES} unless the file said otherwise. */
  public IntegerProperty fontScaleProperty() {
    return fontScale;
  }

  public ObjectProperty<AppSettings.SendKey> sendKeyProperty() {
    return sendKey;
  }

  public BooleanProperty closeToTrayProperty() {
    return closeToTray;
  }

  public BooleanProperty startMinimisedProperty() {
    return startMinimised;
  }

  public ObjectProperty<AppSettings.Language> languageProperty() {
    return language;
  }

  /** Whether the chosen language differs from the one Parley runs in (it applies on restart). */
  public BooleanBinding restartNeededProperty() {
    return restartNeeded;
  }

  // ---- notifications ----

  public BooleanProperty notificationsEnabledProperty() {
    return notificationsEnabled;
  }

  public ObjectProperty<NotificationPrivacy> privacyProperty() {
    return privacy;
  }

  public BooleanProperty soundProperty() {
    return sound;
  }

  /** Do-not-disturb on, until the next {@link #doNotDisturbUntilProperty()}. */
  public BooleanProperty doNotDisturbProperty() {
    return doNotDisturb;
  }

  /** The time of day do-not-disturb ends: today if still ahead, else tomorrow. */
  public ObjectProperty<LocalTime> doNotDisturbUntilProperty() {
    return doNotDisturbUntil;
  }

  /** "Until 08:00 tomorrow", or empty while do-not-disturb is off. */
  public ReadOnlyStringProperty doNotDisturbSummaryProperty() {
    return doNotDisturbSummary.getReadOnlyProperty();
  }

  /** The times the do-not-disturb picker offers: every half hour, and the current one. */
  public List<LocalTime> doNotDisturbTimes() {
    List<LocalTime> times = new ArrayList<>();
    for (int minutes = 0; minutes < 24 * 60; minutes += 30) {
      times.add(LocalTime.of(minutes / 60, minutes % 60));
    }
    LocalTime current = doNotDisturbUntil.get();
    if (current != null && !times.contains(current)) {
      times.add(current);
      times.sort(null);
    }
    return times;
  }

  /** Stops following the stores; call when the window closes. */
  public void dispose() {
    app.settingsProperty().removeListener(appChanged);
    notifications.settingsProperty().removeListener(notificationsChanged);
  }

  // ---- between the properties and the stores ----

  private interface Change<S, V> {
    S apply(S settings, V value);
  }

  private <V> void saveApp(ObservableValue<V> property, Change<AppSettings, V> change) {
    property.addListener(
        (o, was, now) -> {
          if (!syncing && now != null) {
            app.update(s -> change.apply(s, now));
          }
        });
  }

  private <V> void saveNotifications(
      ObservableValue<V> property, Change<NotificationSettings, V> change) {
    property.addListener(
        (o, was, now) -> {
          if (!syncing && now != null) {
            notifications.update(s -> change.apply(s, now));
          }
        });
  }

  private void showApp(AppSettings s) {
    sync(
        () -> {
          theme.set(s.theme());
          fontScale.set(s.fontScale());
          sendKey.set(s.sendKey());
          closeToTray.set(s.closeToTray());
          startMinimised.set(s.startMinimised());
          language.set(s.language());
        });
  }

  private void showNotifications(NotificationSettings s) {
    Instant now = clock.instant();
    sync(
        () -> {
          notificationsEnabled.set(s.enabled());
          privacy.set(s.privacy());
          sound.set(s.sound());
          boolean dnd = s.doNotDisturbAt(now);
          doNotDisturb.set(dnd);
          if (dnd) {
            doNotDisturbUntil.set(
                s.doNotDisturbUntil()
                    .atZone(clock.getZone())
                    .toLocalTime()
                    .truncatedTo(ChronoUnit.MINUTES));
          }
        });
    doNotDisturbSummary.set(summary(s, now));
  }

  private void sync(Runnable change) {
    syncing = true;
    try {
      change.run();
    } finally {
      syncing = false;
    }
  }

  /** When do-not-disturb ends if it starts now: the next {@link #doNotDisturbUntil}. */
  private Instant dndEnd() {
    if (!doNotDisturb.get()) {
      return null;
    }
    ZonedDateTime now = clock.instant().atZone(clock.getZone());
    LocalTime until =
        doNotDisturbUntil.get() == null ? DoNotDisturb.MORNING : doNotDisturbUntil.get();
    ZonedDateTime end = now.toLocalDate().atTime(until).atZone(now.getZone());
    return (end.isAfter(now) ? end : end.plusDays(1)).toInstant();
  }

  private String summary(NotificationSettings s, Instant now) {
    if (!s.doNotDisturbAt(now)) {
      return "";
    }
    ZonedDateTime end = s.doNotDisturbUntil().atZone(clock.getZone());
    LocalDate today = now.atZone(clock.getZone()).toLocalDate();
    if (end.toLocalDate().equals(today)) {
      return text.get("dnd.summary.today", timeFormat.format(end));
    }
    if (end.toLocalDate().equals(today.plusDays(1))) {
      return text.get("dnd.summary.tomorrow", timeFormat.format(end));
    }
    return text.get("dnd.summary.later", dateFormat.format(end));
  }
}
