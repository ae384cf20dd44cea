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
import dev.parley.app.notifications.NotificationsController;
import dev.parley.app.newconversation.NewConversationViewModel;
import dev.parley.app.session.SessionService;
import dev.parley.app.ui.ImageLoader;
import java.time.Clock;
import java.util.concurrent.Executor;
import javafx.application.HostServices;
import javafx.application.Platform;
import javafx.beans.binding.StringBinding;
import javafx.scene.Parent;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
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
      Notifications notifications) {
    this.session = session;
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

    ComposerView composer = new ComposerView(composerVm);
    ConversationView conversation =
        new ConversationView(conversationVm, images, composer, host::showDocument);
    ConversationListView list = new ConversationListView(listVm, images);
    list.setOnNewConversation(this::newConversation);
    list.setOnOpen(composer::focusInput);
    view =
        new MainWindowView(
            windowVm,
            new ConnectionBannerView(bannerVm),
            list,
            listVm,
            conversation,
            images,
            theme::toggle,
            this::newConversation,
            Platform::exit);

    listVm
        .selectedConversationIdProperty()
        .addListener(
            (obs, old, id) -> {
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
    manage = new ManageUi(session, ui, timer, images, listVm::select);
    manage.attach(conversation.getHeaderMenu(), listVm.selectedConversationIdProperty());
    MenuButton account = (MenuButton) view.splitPane().getItems().get(0).lookup("#accountMenu");
    account.getItems().add(1, manage.joinByLinkItem()); // after "New conversation"
    stage.addEventFilter(KeyEvent.KEY_PRESSED, shortcuts);
    stage.addEventFilter(MouseEvent.MOUSE_PRESSED, interaction);
    this.listView = list;
  }

  private final ConversationListView listView;

  Parent view() {
    return view;
  }

  javafx.beans.value.ObservableIntegerValue totalUnread() {
    return listVm.totalUnreadProperty();
  }

  StringBinding title() {
    return windowVm.titleProperty();
  }

  private static final KeyCombination FILTER =
      new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination NEW =
      new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
  private static final KeyCombination PREVIOUS =
      new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN);
  private static final KeyCombination NEXT =
      new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN);
  private static final KeyCombination PREVIOUS_UNREAD =
      new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN, KeyCombination.SHIFT_DOWN);
  private static final KeyCombination NEXT_UNREAD =
      new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN, KeyCombination.SHIFT_DOWN);

  private void userInteracted() {
    conversationVm.userInteracted();
  }

  private void onKey(KeyEvent e) {
    userInteracted();
    if (e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown() && e.getCode().isDigitKey()) {
      String digit = e.getText();
      if (digit.length() == 1 && digit.charAt(0) >= '1' && digit.charAt(0) <= '9') {
        listVm.selectIndex(digit.charAt(0) - '1');
        e.consume();
        return;
      }
    }
    if (FILTER.match(e)) {
      listView.focusFilter();
    } else if (NEW.match(e)) {
      newConversation();
    } else if (PREVIOUS_UNREAD.match(e)) {
      listVm.selectPreviousUnread();
    } else if (NEXT_UNREAD.match(e)) {
      listVm.selectNextUnread();
    } else if (PREVIOUS.match(e)) {
      listVm.selectPrevious();
    } else if (NEXT.match(e)) {
      listVm.selectNext();
    } else {
      return;
    }
    e.consume();
  }

  private void newConversation() {
    NewConversationDialog.show(
        stage, new NewConversationViewModel(session, ui, timer), images, listVm::select);
  }

  void close() {
    stage.removeEventFilter(KeyEvent.KEY_PRESSED, shortcuts);
    stage.removeEventFilter(MouseEvent.MOUSE_PRESSED, interaction);
    composerVm.dispose();
    notifier.windowFocusedProperty().unbind();
    notifier.openConversationIdProperty().unbind();
    notifier.close();
    manage.dispose();
    conversationVm.windowFocusedProperty().unbind();
    listVm.dispose();
    conversationVm.dispose();
    bannerVm.dispose();
    session.close();
  }
}
