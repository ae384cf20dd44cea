package dev.parley.app.settings;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.parley.app.I18n;
import dev.parley.app.Theme;
import dev.parley.app.notifications.NotificationPrivacy;
import dev.parley.app.settings.SettingsViewModel.Section;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The settings window (Ctrl+,): a sidebar of sections (account, notifications, appearance,
 * behaviour, language) beside the chosen section. Every choice applies and saves at once; Escape or
 * Ctrl+W closes. Owned by the main window but not modal.
 */
public final class SettingsWindow {
  static final String STYLE_CLASS = "settings";
  static final String SIDEBAR = "settings-sidebar";
  static final String PAGE = "settings-page";
  static final String HINT = "settings-hint";

  private static final KeyCombination CLOSE =
      new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);

  private final SettingsViewModel vm;
  private final I18n text = I18n.of(SettingsWindow.class);
  private final Stage stage = new Stage();
  private final Map<Section, Node> pages = new EnumMap<>(Section.class);

  private SettingsWindow(Window owner, SettingsViewModel vm) {
    this.vm = vm;
    pages.put(Section.ACCOUNT, accountPage());
    pages.put(Section.NOTIFICATIONS, notificationsPage());
    pages.put(Section.APPEARANCE, appearancePage());
    pages.put(Section.BEHAVIOUR, behaviourPage());
    pages.put(Section.LANGUAGE, languagePage());

    ListView<Section> sidebar = new ListView<>(FXCollections.observableArrayList(Section.values()));
    sidebar.setId("settingsSections");
    sidebar.getStyleClass().add(SIDEBAR);
    sidebar.setAccessibleText(text.get("sections"));
    sidebar.setCellFactory(list -> new SectionCell());
    sidebar.setPrefWidth(190);
    sidebar.getSelectionModel().select(vm.sectionProperty().get());
    sidebar
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null) {
                vm.sectionProperty().set(now);
              }
            });
    vm.sectionProperty().addListener((o, was, now) -> sidebar.getSelectionModel().select(now));

    ScrollPane content = new ScrollPane();
    content.setId("settingsContent");
    content.setFitToWidth(true);
    content.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
    content.setContent(pages.get(vm.sectionProperty().get()));
    vm.sectionProperty().addListener((o, was, now) -> content.setContent(pages.get(now)));

    BorderPane root = new BorderPane(content);
    root.setLeft(sidebar);
    root.setId("settings");
    root.getStyleClass().add(STYLE_CLASS);
    root.getStylesheets().add(SettingsWindow.class.getResource("settings.css").toExternalForm());

    Scene scene = new Scene(root, 720, 520);
    if (owner != null && owner.getScene() != null) {
      scene.getStylesheets().addAll(owner.getScene().getStylesheets());
    }
    if (!scene.getStylesheets().contains(Theme.appStylesheet())) {
      scene.getStylesheets().add(Theme.appStylesheet());
    }
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ESCAPE || CLOSE.match(e)) {
            stage.close();
            e.consume();
          }
        });
    stage.setTitle(text.get("title"));
    stage.setScene(scene);
    stage.setMinWidth(560);
    stage.setMinHeight(400);
    if (owner != null) {
      stage.initOwner(owner);
    }
    stage.setOnHidden(e -> vm.dispose());
  }

  /** Opens a settings window over {@code owner} and returns its stage. */
  public static Stage show(Window owner, SettingsViewModel vm) {
    SettingsWindow window = new SettingsWindow(owner, vm);
    window.stage.show();
    return window.stage;
  }

  /** A "Settings…" item for a menu. */
  public static MenuItem menuItem(Runnable open) {
    MenuItem item = new MenuItem(I18n.of(SettingsWindow.class).get("menu"));
    item.setId("settingsItem");
    item.setAccelerator(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN));
    item.setOnAction(e -> open.run());
    return item;
  }

  // ---- pages ----

  private Node accountPage() {
    SettingsViewModel.Account account = vm.account();
    Label name = new Label(account.name());
    name.setId("settingsAccountName");
    name.getStyleClass().add(Styles.TEXT_BOLD);
    Label email = new Label(account.email());
    email.setId("settingsAccountEmail");
    Label server = new Label(text.get("account.server", account.server()));
    server.setId("settingsAccountServer");
    server.getStyleClass().add(Styles.TEXT_MUTED);
    Button signOut = new Button(text.get("account.signOut"), new FontIcon("mdi2l-logout"));
    signOut.setId("settingsSignOut");
    signOut.setOnAction(
        e -> {
          stage.close();
          vm.signOut();
        });
    Label signOutHint = hint(text.get("account.signOut.hint"));
    if (!vm.canSignOutEverywhere()) {
      return page(Section.ACCOUNT, new VBox(2, name, email, server), signOut, signOutHint);
    }
    Button everywhere =
        new Button(text.get("account.signOutEverywhere"), new FontIcon("mdi2l-logout-variant"));
    everywhere.setId("settingsSignOutEverywhere");
    everywhere.setOnAction(e -> vm.signOutEverywhere(stage::close));
    Label everywhereHint = hint(text.get("account.signOutEverywhere.hint"));
    Label error = new Label();
    error.getStyleClass().add(Styles.DANGER);
    error.setWrapText(true);
    error.textProperty().bind(vm.accountErrorProperty());
    error.managedProperty().bind(vm.accountErrorProperty().isNotEmpty());
    return page(
        Section.ACCOUNT,
        new VBox(2, name, email, server),
        signOut,
        signOutHint,
        everywhere,
        everywhereHint,
        error);
  }

  private Node notificationsPage() {
    ToggleSwitch enabled = new ToggleSwitch(text.get("notifications.enabled"));
    enabled.setId("settingsNotificationsEnabled");
    enabled.selectedProperty().bindBidirectional(vm.notificationsEnabledProperty());

    Label privacyLabel = label(text.get("notifications.privacy"));
    VBox privacy =
        radios(
            vm.privacyProperty(),
            NotificationPrivacy.values(),
            p -> text.get("notifications.privacy." + p.name()),
            "settingsPrivacy");
    privacy.disableProperty().bind(vm.notificationsEnabledProperty().not());
    privacyLabel.setLabelFor(privacy);

    CheckBox sound = new CheckBox(text.get("notifications.sound"));
    sound.setId("settingsSound");
    sound.selectedProperty().bindBidirectional(vm.soundProperty());
    sound.disableProperty().bind(vm.notificationsEnabledProperty().not());

    CheckBox dnd = new CheckBox(text.get("notifications.dnd"));
    dnd.setId("settingsDoNotDisturb");
    dnd.selectedProperty().bindBidirectional(vm.doNotDisturbProperty());
    ComboBox<LocalTime> until =
        new ComboBox<>(FXCollections.observableArrayList(vm.doNotDisturbTimes()));
    until.setId("settingsDoNotDisturbUntil");
    until.setAccessibleText(text.get("notifications.dnd.until"));
    DateTimeFormatter time =
        DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
            .withLocale(Locale.getDefault(Locale.Category.FORMAT));
    until.setConverter(converter(t -> t == null ? "" : time.format(t)));
    until.valueProperty().bindBidirectional(vm.doNotDisturbUntilProperty());
    HBox dndRow = new HBox(8, dnd, until);
    dndRow.setAlignment(Pos.CENTER_LEFT);
    Label summary = hint("");
    summary.setId("settingsDoNotDisturbSummary");
    summary.textProperty().bind(vm.doNotDisturbSummaryProperty());

    return page(
        Section.NOTIFICATIONS,
        enabled,
        group(privacyLabel, privacy),
        sound,
        new Separator(),
        dndRow,
        summary);
  }

  private Node appearancePage() {
    Label themeLabel = label(text.get("appearance.theme"));
    VBox theme =
        radios(
            vm.themeProperty(),
            Theme.Mode.values(),
            m -> text.get("appearance.theme." + m.name()),
            "settingsTheme");
    themeLabel.setLabelFor(theme);

    Label sizeLabel = label(text.get("appearance.fontScale"));
    ComboBox<Integer> size =
        new ComboBox<>(FXCollections.observableArrayList(SettingsViewModel.FONT_SCALES));
    size.setId("settingsFontScale");
    size.setAccessibleText(text.get("appearance.fontScale"));
    size.setConverter(converter(p -> p == null ? "" : text.get("appearance.fontScale.value", p)));
    size.setValue(vm.fontScaleProperty().get());
    size.valueProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null) {
                vm.fontScaleProperty().set(now);
              }
            });
    vm.fontScaleProperty().addListener((o, was, now) -> size.setValue(now.intValue()));
    sizeLabel.setLabelFor(size);
    return page(Section.APPEARANCE, group(themeLabel, theme), group(sizeLabel, size));
  }

  private Node behaviourPage() {
    Label sendLabel = label(text.get("behaviour.send"));
    VBox send =
        radios(
            vm.sendKeyProperty(),
            AppSettings.SendKey.values(),
            k -> text.get("behaviour.send." + k.name()),
            "settingsSendKey");
    sendLabel.setLabelFor(send);

    CheckBox tray = new CheckBox(text.get("behaviour.closeToTray"));
    tray.setId("settingsCloseToTray");
    tray.selectedProperty().bindBidirectional(vm.closeToTrayProperty());
    CheckBox minimised = new CheckBox(text.get("behaviour.startMinimised"));
    minimised.setId("settingsStartMinimised");
    minimised.selectedProperty().bindBidirectional(vm.startMinimisedProperty());
    return page(
        Section.BEHAVIOUR,
        group(sendLabel, send),
        new Separator(),
        group(tray, hint(text.get("behaviour.closeToTray.hint"))),
        minimised);
  }

  private Node languagePage() {
    Label languageLabel = label(text.get("language.label"));
    VBox language =
        radios(
            vm.languageProperty(),
            AppSettings.Language.values(),
            l -> text.get("language." + l.name()),
            "settingsLanguage");
    languageLabel.setLabelFor(language);
    Label restart =
        new Label(text.get("language.restart"), new FontIcon("mdi2i-information-outline"));
    restart.setId("settingsRestartHint");
    restart.getStyleClass().addAll(HINT, Styles.ACCENT);
    restart.setWrapText(true);
    restart.visibleProperty().bind(vm.restartNeededProperty());
    restart.managedProperty().bind(restart.visibleProperty());
    return page(Section.LANGUAGE, group(languageLabel, language), restart);
  }

  // ---- building blocks ----

  private VBox page(Section section, Node... rows) {
    Label title = new Label(text.get("section." + section.name()));
    title.getStyleClass().add(Styles.TITLE_3);
    VBox page = new VBox(16);
    page.getChildren().add(title);
    page.getChildren().addAll(rows);
    page.getStyleClass().add(PAGE);
    page.setId("settingsPage" + section.name());
    return page;
  }

  private static VBox group(Node... nodes) {
    return new VBox(6, nodes);
  }

  private static Label label(String value) {
    Label label = new Label(value);
    label.getStyleClass().add(Styles.TEXT_BOLD);
    return label;
  }

  private static Label hint(String value) {
    Label label = new Label(value);
    label.getStyleClass().addAll(HINT, Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    label.setWrapText(true);
    return label;
  }

  /** Radio buttons for the values of an enum property, kept in step both ways. */
  private static <E extends Enum<E>> VBox radios(
      ObjectProperty<E> property, E[] values, Function<E, String> label, String idPrefix) {
    ToggleGroup group = new ToggleGroup();
    VBox box = new VBox(6);
    for (E value : values) {
      RadioButton radio = new RadioButton(label.apply(value));
      radio.setId(idPrefix + "_" + value.name());
      radio.setUserData(value);
      radio.setToggleGroup(group);
      radio.setSelected(value == property.get());
      box.getChildren().add(radio);
    }
    group
        .selectedToggleProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null) {
                @SuppressWarnings("unchecked")
                E value = (E) now.getUserData();
                property.set(value);
              }
            });
    property.addListener(
        (o, was, now) -> {
          for (Toggle toggle : group.getToggles()) {
            toggle.setSelected(toggle.getUserData() == now);
          }
        });
    return box;
  }

  private static <T> StringConverter<T> converter(Function<T, String> format) {
    return new StringConverter<>() {
      @Override
      public String toString(T value) {
        return format.apply(value);
      }

      @Override
      public T fromString(String string) {
        throw new UnsupportedOperationException("not editable");
      }
    };
  }

  private final class SectionCell extends ListCell<Section> {
    @Override
    protected void updateItem(Section section, boolean empty) {
      super.updateItem(section, empty);
      if (empty || section == null) {
        setText(null);
        setGraphic(null);
        return;
      }
      setText(text.get("section." + section.name()));
      setGraphic(new FontIcon(icon(section)));
    }
  }

  private static String icon(Section section) {
    return switch (section) {
      case ACCOUNT -> "mdi2a-account-circle-outline";
      case NOTIFICATIONS -> "mdi2b-bell-outline";
      case APPEARANCE -> "mdi2p-palette-outline";
      case BEHAVIOUR -> "mdi2t-tune-variant";
      case LANGUAGE -> "mdi2t-translate";
    };
  }
}
