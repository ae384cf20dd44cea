package dev.parley.app;

import dev.parley.app.composer.ComposerView;
import dev.parley.app.composer.ComposerViewModel;
import dev.parley.app.connection.ConnectionBannerView;
import dev.parley.app.connection.ConnectionBannerViewModel;
import dev.parley.app.conversation.ConversationView;
import dev.parley.app.conversation.ConversationViewModel;
import dev.parley.app.conversationlist.ConversationListView;
import dev.parley.app.conversationlist.ConversationListViewModel;
import dev.parley.app.mainwindow.MainWindowView;
import dev.parley.app.mainwindow.MainWindowViewModel;
import dev.parley.app.manage.ManageUi;
import dev.parley.app.newconversation.NewConversationDialog;
import dev.parley.app.newconversation.NewConversationViewModel;
import dev.parley.app.notifications.NotificationsController;
import dev.parley.app.session.SessionService;
import dev.parley.app.settings.AppSettings;
import dev.parley.app.settings.AppSettingsStore;
import dev.parley.app.settings.SettingsViewModel;
import dev.parley.app.settings.SettingsWindow;
import dev.parley.app.shortcuts.ShortcutSheet;
import dev.parley.app.shortcuts.Shortcuts;
import dev.parley.app.ui.ImageLoader;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.HostServices;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.Parent;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;

/**
 * Everything that lives as long as one signed-in session: the feature ViewModels and Views, wired
 * to each other, and the window's keyboard shortcuts. Part of the composition root.
 */
final class SessionUi {
  private static final long IMAGE_MEMORY_BYTES = 96L * 1024 * 1024;

  private final SessionService session;
  private final Stage stage;
  private final ConversationListViewModel listVm;
  private final ConversationViewModel conversationVm;
  private final ComposerViewModel composerVm;
  private final ConnectionBannerViewModel bannerVm;
  private final MainWindowViewModel windowVm;
  private final MainWindowView view;
  private final ImageLoader images;
  private final ManageUi manage;
  private final UiDispatcher ui;
  private final UiTimer timer;
  private final NotificationsController notifier;
  private final AppSettingsStore settings;
  private final Notifications notifications;
  private final Runnable onSignOut;
  private final java.util.function.Supplier<java.util.concurrent.CompletableFuture<Void>>
      revokeEverywhere;
  private Stage settingsWindow;
  private boolean closed;
  private final javafx.event.EventHandler<KeyEvent> shortcuts = this::onKey;
  private final javafx.event.EventHandler<MouseEvent> interaction = e -> userInteracted();

  SessionUi(
      SessionService session,
      UiDispatcher ui,
      UiTimer timer,
      Executor background,
      Theme theme,
      Stage stage,
      HostServices host,
      Runnable onSignOut,
      java.util.function.Supplier<java.util.concurrent.CompletableFuture<Void>> revokeEverywhere,
      Notifications notifications,
      AppSettingsStore settings) {
    this.session = session;
    this.settings = settings;
    this.notifications = notifications;
    this.onSignOut = onSignOut;
    this.revokeEverywhere = revokeEverywhere;
    this.stage = stage;
    this.ui = ui;
    this.timer = timer;
    Clock clock = Clock.systemDefaultZone();
    images = new ImageLoader(session, ui, background, IMAGE_MEMORY_BYTES);
    listVm = new ConversationListViewModel(session, ui, timer, clock);
    conversationVm = new ConversationViewModel(session, ui, timer, clock, background);
    composerVm = new ComposerViewModel(session, ui, timer, background);
    bannerVm = new ConnectionBannerViewModel(session, timer, clock);
    windowVm = new MainWindowViewModel(session, listVm.totalUnreadProperty(), onSignOut);

    this.host = host;
    manage = new ManageUi(session, ui, timer, images, listVm::select);
    ConversationListView list = new ConversationListView(listVm, images);
    list.setOnNewConversation(this::newConversation);
    list.setOnOpen(() -> conversationPane().composer().focusInput());
    view =
        new MainWindowView(
            windowVm,
            new ConnectionBannerView(bannerVm),
            list,
            listVm,
            images,
            () ->
                settings.update(
                    s -> s.withTheme(theme.dark() ? Theme.Mode.LIGHT : Theme.Mode.DARK)),
            this::newConversation,
            Platform::exit);

    listVm
        .selectedConversationIdProperty()
        .addListener(
            (obs, old, id) -> {
              if (id != null) {
                conversationPane();
              }
              conversationVm.open(id);
              composerVm.setConversation(id);
            });
    conversationVm.windowFocusedProperty().bind(stage.focusedProperty());
    notifier =
        new NotificationsController(
            session,
            notifications.notifier(),
            notifications.settings()::get,
            ui,
            id -> {
              notifications.bringForward().run();
              listVm.select(id);
            });
    notifier.windowFocusedProperty().bind(stage.focusedProperty());
    notifier.openConversationIdProperty().bind(listVm.selectedConversationIdProperty());
    // The list first: the conversation pane (the composer, the timeline and their many controls)
    // is built just after the window is first painted, or at once when a conversation is opened.
    stage.getScene().addPostLayoutPulseListener(buildPaneAfterPulse);
    Platform.requestNextPulse();
    MenuButton account = (MenuButton) view.splitPane().getItems().get(0).lookup("#accountMenu");
    account.getItems().addAll(1, List.of(manage.joinByLinkItem(), manage.statusItem()));
    // before the separator above "Quit"
    account
        .getItems()
        .addAll(
            account.getItems().size() - 2,
            List.of(
                SettingsWindow.menuItem(this::openSettings),
                ShortcutSheet.menuItem(this::showShortcuts)));
    composerVm
        .ctrlEnterSendsProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> settings.get().sendKey() == AppSettings.SendKey.CTRL_ENTER,
                settings.settingsProperty()));
    stage.addEventFilter(KeyEvent.KEY_PRESSED, shortcuts);
    stage.addEventFilter(MouseEvent.MOUSE_PRESSED, interaction);
    this.listView = list;
  }

  private final ConversationListView listView;
  private final HostServices host;
  private ConversationPane pane;
  private final Runnable buildPaneAfterPulse = this::paneAfterFirstPulse;

  private record ConversationPane(ConversationView view, ComposerView composer) {}

  private void paneAfterFirstPulse() {
    stage.getScene().removePostLayoutPulseListener(buildPaneAfterPulse);
    ui.dispatch(this::conversationPane); // after this pulse, not inside it
  }

  /** The conversation pane, built on first use. */
  private ConversationPane conversationPane() {
    if (pane == null && !closed) {
      ComposerView composer = new ComposerView(composerVm);
      ConversationView conversation =
          new ConversationView(
              conversationVm, images, composer, host::showDocument, manage::showProfile);
      manage.attach(conversation.getHeaderMenu(), listVm.selectedConversationIdProperty());
      view.setConversationView(conversation);
      conversation.prepareWhileHidden();
      pane = new ConversationPane(conversation, composer);
    }
    return pane;
  }

  SessionService session() {
    return session;
  }

  /** The conversation list's width in pixels. */
  javafx.beans.property.DoubleProperty listWidthProperty() {
    return view.listWidthProperty();
  }

  Parent view() {
    return view;
  }

  javafx.beans.value.ObservableIntegerValue totalUnread() {
    return listVm.totalUnreadProperty();
  }

  StringBinding title() {
    return windowVm.titleProperty();
  }

  void openFirstConversation() {
    listVm.selectIndex(0);
  }

  private void userInteracted() {
    conversationVm.userInteracted();
  }

  private void onKey(KeyEvent e) {
    userInteracted();
    int number = Shortcuts.conversationNumber(e);
    if (number > 0) {
      listVm.selectIndex(number - 1);
    } else if (Shortcuts.FILTER.match(e)) {
      listView.focusFilter();
    } else if (Shortcuts.NEW_CONVERSATION.match(e)) {
      newConversation();
    } else if (Shortcuts.PREVIOUS_UNREAD.match(e)) {
      listVm.selectPreviousUnread();
    } else if (Shortcuts.NEXT_UNREAD.match(e)) {
      listVm.selectNextUnread();
    } else if (Shortcuts.PREVIOUS.match(e)) {
      listVm.selectPrevious();
    } else if (Shortcuts.NEXT.match(e)) {
      listVm.selectNext();
    } else if (Shortcuts.CYCLE_PREVIOUS.match(e)) {
      cycle(-1);
    } else if (Shortcuts.CYCLE_NEXT.match(e)) {
      cycle(1);
    } else if (Shortcuts.CLOSE_CONVERSATION.match(e)) {
      listVm.select(null);
    } else if (Shortcuts.CLEAR_FILTER.match(e) && !listVm.filterProperty().get().isEmpty()) {
      listVm.filterProperty().set("");
    } else if (Shortcuts.SETTINGS.match(e)) {
      openSettings();
    } else if (Shortcuts.isShortcutSheet(e)) {
      showShortcuts();
    } else if (Shortcuts.QUIT.match(e)) {
      Platform.exit();
    } else {
      return;
    }
    e.consume();
  }

  /** Ctrl+Tab: the next conversation in the list, round from the last to the first. */
  private void cycle(int step) {
    int n = listVm.rows().size();
    if (n == 0) {
      return;
    }
    String selected = listVm.selectedConversationIdProperty().get();
    int index = -1;
    for (int i = 0; i < n; i++) {
      if (listVm.rows().get(i).id().equals(selected)) {
        index = i;
        break;
      }
    }
    listVm.selectIndex(index < 0 ? (step > 0 ? 0 : n - 1) : Math.floorMod(index + step, n));
  }

  private void openSettings() {
    if (settingsWindow != null && settingsWindow.isShowing()) {
      settingsWindow.toFront();
      settingsWindow.requestFocus();
      return;
    }
    var self = session.self();
    settingsWindow =
        SettingsWindow.show(
            stage,
            new SettingsViewModel(
                settings,
                notifications.settings(),
                new SettingsViewModel.Account(self.fullName(), self.email(), session.serverUrl()),
                onSignOut,
                revokeEverywhere,
                Clock.systemDefaultZone()));
  }

  private void showShortcuts() {
    ShortcutSheet.show(stage, settings.get().sendKey() == AppSettings.SendKey.CTRL_ENTER);
  }

  private void newConversation() {
    NewConversationDialog.show(
        stage, new NewConversationViewModel(session, ui, timer), images, listVm::select);
  }

  void close() {
    closed = true;
    if (stage.getScene() != null) {
      stage.getScene().removePostLayoutPulseListener(buildPaneAfterPulse);
    }
    if (settingsWindow != null) {
      settingsWindow.close();
    }
    stage.removeEventFilter(KeyEvent.KEY_PRESSED, shortcuts);
    stage.removeEventFilter(MouseEvent.MOUSE_PRESSED, interaction);
    composerVm.ctrlEnterSendsProperty().unbind();
    composerVm.dispose();
    notifier.windowFocusedProperty().unbind();
    notifier.openConversationIdProperty().unbind();
    notifier.close();
    manage.dispose();
    conversationVm.windowFocusedProperty().unbind();
    listVm.dispose();
    conversationVm.dispose();
    bannerVm.dispose();
    windowVm.dispose();
    session.close();
  }
}
