package dev.parley.app.signin;

import atlantafx.base.theme.Styles;
import dev.parley.app.I18n;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The welcome screen: a centred card with the two choices, then the chosen form. */
public final class WelcomeView extends StackPane {
  private final WelcomeViewModel vm;
  private final I18n text = I18n.of(WelcomeView.class);
  private final VBox card = new VBox(14);

  public WelcomeView(WelcomeViewModel vm) {
    this.vm = vm;
    setId("welcome");
    getStyleClass().add("welcome");
    getStylesheets().add(WelcomeView.class.getResource("signin.css").toExternalForm());
    card.getStyleClass().add("welcome-card");
    card.setMaxWidth(440);
    card.setMaxHeight(Region.USE_PREF_SIZE);
    card.setPadding(new Insets(32));
    getChildren().add(card);
    StackPane.setAlignment(card, Pos.CENTER);
    vm.stepProperty().addListener((obs, old, step) -> render());
    render();
  }

  private void render() {
    card.getChildren().clear();
    Label title = new Label(text.get("welcome.title"));
    title.getStyleClass().add(Styles.TITLE_2);
    card.getChildren().add(title);
    switch (vm.stepProperty().get()) {
      case CHOOSE -> renderChoices();
      case CONNECT -> renderForm(true);
      case LOCAL -> renderForm(false);
      case CODE -> renderCode();
    }
    card.getChildren().add(statusRow());
  }

  private void renderChoices() {
    Label subtitle = new Label(text.get("welcome.subtitle"));
    subtitle.getStyleClass().add(Styles.TEXT_MUTED);
    Button connect =
        choice(
            "mdi2s-server-network", text.get("choose.connect"), text.get("choose.connect.detail"));
    connect.setId("chooseConnect");
    connect.setOnAction(e -> vm.chooseConnect());
    Button local =
        choice("mdi2l-laptop", text.get("choose.local"), text.get("choose.local.detail"));
    local.setId("chooseLocal");
    local.setOnAction(e -> vm.chooseLocal());
    Hyperlink demo = new Hyperlink(text.get("choose.demo"));
    demo.setId("chooseDemo");
    demo.setOnAction(e -> vm.startDemo());
    demo.disableProperty().bind(vm.busyProperty());
    card.getChildren().addAll(subtitle, connect, local, demo);
    connect.requestFocus();
  }

  private Button choice(String icon, String heading, String detail) {
    Label h = new Label(heading);
    h.getStyleClass().add(Styles.TEXT_BOLD);
    Label d = new Label(detail);
    d.setWrapText(true);
    d.getStyleClass().add(Styles.TEXT_MUTED);
    VBox words = new VBox(2, h, d);
    HBox.setHgrow(words, Priority.ALWAYS);
    FontIcon glyph = new FontIcon(icon);
    glyph.getStyleClass().add("welcome-choice-icon");
    HBox content = new HBox(14, glyph, words);
    content.setAlignment(Pos.CENTER_LEFT);
    Button button = new Button();
    button.setGraphic(content);
    button.setMaxWidth(Double.MAX_VALUE);
    button.getStyleClass().add("welcome-choice");
    button.setAccessibleText(heading + ". " + detail);
    words.setMaxWidth(320);
    return button;
  }

  private void renderForm(boolean connect) {
    VBox fields = new VBox(10);
    if (connect) {
      TextField server = new TextField();
      server.setId("serverField");
      server.setPromptText(text.get("field.server.prompt"));
      server.textProperty().bindBidirectional(vm.serverProperty());
      fields.getChildren().add(labelled(text.get("field.server"), server));
    } else {
      TextField name = new TextField();
      name.setId("nameField");
      name.textProperty().bindBidirectional(vm.nameProperty());
      fields.getChildren().add(labelled(text.get("field.name"), name));
    }
    TextField email = new TextField();
    email.setId("emailField");
    email.textProperty().bindBidirectional(vm.emailProperty());
    PasswordField password = new PasswordField();
    password.setId("passwordField");
    password.textProperty().bindBidirectional(vm.passwordProperty());
    fields
        .getChildren()
        .addAll(
            labelled(text.get("field.email"), email),
            labelled(text.get(connect ? "field.password" : "field.password.local"), password));
    fields.disableProperty().bind(vm.busyProperty());
    card.getChildren()
        .addAll(fields, buttons(text.get(connect ? "action.signIn" : "action.create")));
    fields.getChildren().get(0).lookup(".text-field").requestFocus();
  }

  private void renderCode() {
    Label explain = new Label(text.get("code.explain"));
    explain.setWrapText(true);
    TextField code = new TextField();
    code.setId("codeField");
    code.textProperty().bindBidirectional(vm.codeProperty());
    code.disableProperty().bind(vm.busyProperty());
    card.getChildren()
        .addAll(
            explain, labelled(text.get("field.code"), code), buttons(text.get("action.verify")));
    code.requestFocus();
  }

  private Node labelled(String label, javafx.scene.control.Control field) {
    Label l = new Label(label);
    l.setLabelFor(field);
    field.setAccessibleText(label);
    field.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            vm.submit();
            e.consume();
          }
        });
    return new VBox(4, l, field);
  }

  private Node buttons(String submitText) {
    Button back = new Button(text.get("action.back"));
    back.setId("backButton");
    back.setCancelButton(true);
    back.setOnAction(e -> vm.back());
    Button submit = new Button(submitText);
    submit.setId("submitButton");
    submit.getStyleClass().add(Styles.ACCENT);
    submit.setDefaultButton(true);
    submit.disableProperty().bind(vm.canSubmitProperty().not());
    submit.setOnAction(e -> vm.submit());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox row = new HBox(8, back, spacer, submit);
    row.setAlignment(Pos.CENTER_RIGHT);
    return row;
  }

  private Node statusRow() {
    ProgressIndicator progress = new ProgressIndicator();
    progress.setPrefSize(18, 18);
    progress.visibleProperty().bind(vm.busyProperty());
    progress.managedProperty().bind(vm.busyProperty());
    Label busy = new Label(text.get("busy"));
    busy.visibleProperty().bind(vm.busyProperty());
    busy.managedProperty().bind(vm.busyProperty());
    Label error = new Label();
    error.setId("signInError");
    error.setWrapText(true);
    error.getStyleClass().add(Styles.DANGER);
    error.textProperty().bind(vm.errorProperty());
    error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
    error.managedProperty().bind(error.visibleProperty());
    HBox row = new HBox(8, progress, busy, error);
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }
}
