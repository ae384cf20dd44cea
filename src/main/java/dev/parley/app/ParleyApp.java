package dev.parley.app;

import dev.parley.app.mainwindow.MainWindowView;
import dev.parley.app.notifications.DesktopNotifier;
import dev.parley.app.notifications.NotificationSettingsStore;
import dev.parley.app.notifications.Notifiers;
import dev.parley.app.session.ListSnapshot;
import dev.parley.app.session.ListSnapshotStore;
import dev.parley.app.session.SessionService;
import dev.parley.app.session.SnapshotKeeper;
import dev.parley.app.session.StartingSession;
import dev.parley.app.settings.AppSettingsStore;
import dev.parley.app.settings.Appearance;
import dev.parley.app.signin.RealSignInService;
import dev.parley.app.signin.SignInService;
import dev.parley.app.signin.WelcomeView;
import dev.parley.app.signin.WelcomeViewModel;
import dev.parley.app.tray.TrayController;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: creates the services once, shows the window at once (with a progress
 * state), then either the welcome screen or the signed-in main window ({@link SessionUi}).
 */
public final class ParleyApp extends Application {
  private static final Logger LOG = LoggerFactory.getLogger(ParleyApp.class);

  private final UiDispatcher ui = new FxUiDispatcher();
  private final ExecutorService background =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "parley-app-background");
            t.setDaemon(true);
            return t;
          });
  private ScheduledUiTimer timer;
  private AppPaths paths;
  private AppOptions options;
  private Theme theme;
  private SignInService signIn;
  private Stage stage;
  private StackPane root;
  private SessionUi sessionUi;
  private WindowGeometry geometry;
  private NotificationSettingsStore notificationSettings;
  private AppSettingsStore settings;
  private TrayController tray;
  private DesktopNotifier notifier;
  private PulseTimerGate pulses;
  private final SimpleIntegerProperty unreadTotal = new SimpleIntegerProperty(0);
  private static final java.time.Duration RETRY_FIRST = java.time.Duration.ofSeconds(1);
  private static final java.time.Duration RETRY_MAX = java.time.Duration.ofSeconds(60);
  private ListSnapshotStore snapshots;
  private SnapshotKeeper snapshotKeeper;

  /** The session shown from the saved list until signing in at start succeeds, else null. */
  private StartingSession starting;

  private UiTimer.Scheduled retryTask;
  private java.time.Duration retryDelay = RETRY_FIRST;

  @Override
  public void start(Stage primaryStage) {
    options = AppOptions.parse(getParameters().getRaw());
    stage = primaryStage;
    paths = options.paths();
    settings = new AppSettingsStore(paths.config());
    // Before any resource bundle is read: the language applies from the start only.
    Locale.setDefault(settings.get().language().locale(Locale.getDefault()));
    // Signing in (which may start the embedded server) runs in the background from the first
    // moment, while the window is being built.
    signIn = new RealSignInService(paths, ui, background);
    CompletableFuture<Optional<SessionService>> resumed = resume();
    snapshots = new ListSnapshotStore(paths.data().resolve("conversation-list.bin"));
    // The list saved at the last run is shown at once, while signing in goes on.
    Optional<ListSnapshot> saved = accountKey().flatMap(snapshots::load);
    timer = new ScheduledUiTimer(ui);
    theme = Theme.initial(settings.get().theme());
    theme.apply();
    Appearance.follow(settings, theme);
    geometry = new WindowGeometry(paths.config());

    root = new StackPane();
    Scene scene = new Scene(root);
    scene.getStylesheets().add(Theme.appStylesheet());
    stage.setScene(scene);
    stage.setTitle("Parley");
    stage.setMinWidth(640);
    stage.setMinHeight(420);
    geometry.restore(stage);
    stage.setIconified(settings.get().startMinimised());

    notificationSettings = new NotificationSettingsStore(paths.config());
    tray =
        new TrayController(
            notificationSettings, unreadTotal, ui, timer, this::bringForward, Platform::exit);
    tray.closeToTrayProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> settings.get().closeToTray(), settings.settingsProperty()));
    notifier = Notifiers.best(tray::trayIcon, ui, () -> stage);

    if (saved.isPresent()) {
      starting = new StartingSession(saved.get(), this::retrySignIn);
      showSession(starting);
    } else {
      root.getChildren().setAll(loadingPane());
    }
    stage.show();
    // No pulses while no window is on screen: a Parley in the tray sleeps.
    pulses = PulseTimerGate.forToolkit().orElse(null);
    // After the window: "start minimised" hides a window that exists once the icon is there.
    tray.start();
    if (settings.get().startMinimised()) {
      startInTrayOnceItIsThere();
    }
    resumed.whenComplete(
        (session, error) -> {
          SessionService signedIn = session == null ? null : session.orElse(null);
          if (saved.isPresent()) {
            resumedAtStart(signedIn, error);
          } else {
            signedInOrWelcome(signedIn, error);
          }
        });
  }

  private CompletableFuture<Optional<SessionService>> resume() {
    return options.demo() ? signIn.startDemo().thenApply(Optional::of) : signIn.resume();
  }

  /** The account the app signs in to (at start, or the one just signed in to). */
  private Optional<String> accountKey() {
    return options.demo() ? Optional.of(SignInService.DEMO_ACCOUNT_KEY) : signIn.savedAccountKey();
  }

  /**
   * Signing in at start finished while the saved list is shown: the real session takes over, the
   * person has to sign in again (welcome), or the server is unreachable and it is tried again
   * later, the saved list staying on screen with "Reconnecting in …".
   */
  private void resumedAtStart(SessionService session, Throwable error) {
    StartingSession shown = starting;
    if (shown == null || sessionUi == null || sessionUi.session() != shown) {
      if (session != null) {
        session.close(); // signed out meanwhile
      }
      return;
    }
    if (session != null) {
      starting = null;
      retryDelay = RETRY_FIRST;
      shown.ready(session);
      if (options.recordStartUp()) {
        timer.schedule(java.time.Duration.ofSeconds(3), Platform::exit);
      }
    } else if (error == null) {
      starting = null;
      closeSession();
      snapshots.delete();
      showWelcome(null);
    } else {
      LOG.info("could not sign in at start, trying again in {}: {}", retryDelay, error.toString());
      shown.retrying(java.time.Instant.now().plus(retryDelay), error.getMessage());
      retryTask = timer.schedule(retryDelay, this::retrySignIn);
      retryDelay =
          retryDelay.multipliedBy(2).compareTo(RETRY_MAX) > 0
              ? RETRY_MAX
              : retryDelay.multipliedBy(2);
    }
  }

  private void retrySignIn() {
    if (retryTask != null) {
      retryTask.cancel();
      retryTask = null;
    }
    StartingSession shown = starting;
    if (shown == null || shown.isReady()) {
      return;
    }
    shown.connecting();
    resume()
        .whenComplete(
            (session, error) ->
                resumedAtStart(session == null ? null : session.orElse(null), error));
  }

  /**
   * "Start minimised" starts in the tray when Parley lives there (a tray and close-to-tray), not as
   * a taskbar entry; the tray appears a moment after the window, so this waits for it.
   */
  private void startInTrayOnceItIsThere() {
    tray.availableProperty()
        .addListener(
            (obs, was, available) -> {
              if (available && tray.closeToTrayProperty().get() && stage.isIconified()) {
                stage.hide();
              }
            });
  }

  private void signedInOrWelcome(SessionService session, Throwable error) {
    if (session != null) {
      showSession(session);
      return;
    }
    if (error != null) {
      LOG.warn("could not sign in at start: {}", error.toString());
    }
    showWelcome(error);
    if (options.recordStartUp()) {
      Platform.exit(); // nothing more to learn, and nobody to sign in
    }
  }

  private void showWelcome(Throwable error) {
    stage.titleProperty().unbind();
    stage.setTitle("Parley");
    WelcomeViewModel vm = new WelcomeViewModel(signIn, this::showSession);
    root.getChildren().setAll(new WelcomeView(vm));
  }

  private void showSession(SessionService session) {
    snapshotKeeper =
        accountKey()
            .map(
                key ->
                    new SnapshotKeeper(
                        session,
                        snapshots,
                        key,
                        timer,
                        background,
                        () -> !(session instanceof StartingSession s) || s.isReady()))
            .orElse(null);
    sessionUi =
        new SessionUi(
            session,
            ui,
            timer,
            background,
            theme,
            stage,
            getHostServices(),
            this::signOut,
            signIn::signOutEverywhere,
            new Notifications(notifier, notificationSettings, this::bringForward),
            settings);
    sessionUi.listWidthProperty().set(geometry.listWidth());
    root.getChildren().setAll(sessionUi.view());
    stage.titleProperty().bind(sessionUi.title());
    unreadTotal.bind(sessionUi.totalUnread());
    if (options.recordStartUp()) {
      sessionUi.openFirstConversation();
      if (session instanceof StartingSession) {
        return; // it quits once the real session took over
      }
      // Long enough for the conversation's history, avatars and typing to arrive.
      timer.schedule(java.time.Duration.ofSeconds(3), Platform::exit);
    }
  }

  private void bringForward() {
    stage.show();
    stage.setIconified(false);
    stage.toFront();
  }

  private void signOut() {
    if (snapshotKeeper != null) {
      snapshotKeeper.discard();
      snapshotKeeper = null;
    }
    snapshots.delete();
    starting = null;
    closeSession();
    signIn.signOut();
    showWelcome(null);
  }

  private void closeSession() {
    if (retryTask != null) {
      retryTask.cancel();
      retryTask = null;
    }
    if (snapshotKeeper != null) {
      snapshotKeeper.close();
      snapshotKeeper = null;
    }
    unreadTotal.unbind();
    unreadTotal.set(0);
    if (sessionUi != null) {
      sessionUi.close();
      sessionUi = null;
    }
  }

  private static StackPane loadingPane() {
    ProgressIndicator progress = new ProgressIndicator();
    progress.setPrefSize(40, 40);
    Label label = new Label(I18n.of(MainWindowView.class).get("loading"));
    VBox box = new VBox(12, progress, label);
    box.setAlignment(Pos.CENTER);
    StackPane pane = new StackPane(box);
    pane.getStyleClass().add("loading-pane");
    pane.setId("loading");
    return pane;
  }

  @Override
  public void stop() {
    if (stage != null) {
      geometry.save(
          stage, sessionUi != null ? sessionUi.listWidthProperty().get() : geometry.listWidth());
      stage.titleProperty().unbind(); // the stage may outlive the app (tests reuse it)
    }
    if (snapshotKeeper != null) {
      snapshotKeeper.close();
    }
    if (sessionUi != null) {
      sessionUi.close();
    }
    if (signIn != null) {
      signIn.close();
    }
    if (notifier != null) {
      notifier.close();
    }
    if (tray != null) {
      tray.close();
    }
    if (pulses != null) {
      pulses.close();
    }
    if (timer != null) {
      timer.close();
    }
    background.shutdownNow();
  }
}
