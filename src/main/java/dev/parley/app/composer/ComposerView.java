package dev.parley.app.composer;

import atlantafx.base.theme.Styles;
import dev.parley.app.I18n;
import java.io.ByteArrayInputStream;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The composer under a conversation: the attached image (if any) above a row of attach button,
 * growing text input and send button, then a one-line formatting hint that gives way to errors.
 * Enter sends, Shift+Enter breaks the line (or, as a setting, Ctrl+Enter sends and Enter breaks the
 * line), Up in an empty input recalls the last message; images can be pasted or dropped.
 */
public final class ComposerView extends VBox {
  static final String STYLE_CLASS = "composer";
  static final String ATTACHMENT_ROW = "composer-attachment";
  static final String INPUT_ROW = "composer-input-row";
  static final String INPUT = "composer-input";
  static final String ICON_BUTTON = "composer-icon-button";
  static final String SEND_BUTTON = "composer-send";
  static final String THUMBNAIL = "composer-thumbnail";
  static final String DROP_HINT = "composer-drop-hint";
  static final String FOOTER_HINT = "composer-hint";
  static final String ERROR = "composer-error";
  private static final double THUMBNAIL_SIZE = 56;

  /** The width of an icon button and the gap after it: where the input starts. */
  private static final double INPUT_INDENT = 44;

  private static final int MAX_ROWS = 8;

  private final ComposerViewModel vm;
  private final I18n text = I18n.of(ComposerView.class);
  private final ImageIntake images;
  private final TextArea input = new PastingTextArea();
  private final Text measure = new Text();
  private double measuredWidth;
  private String measuredText;

  public ComposerView(ComposerViewModel vm) {
    this.vm = vm;
    this.images = new ImageIntake(vm);
    setId("composer");
    getStyleClass().add(STYLE_CLASS);
    getStylesheets().add(ComposerView.class.getResource("composer.css").toExternalForm());

    Label dropHint = new Label(text.get("drop.hint"), new FontIcon("mdi2t-tray-arrow-down"));
    dropHint.getStyleClass().add(DROP_HINT);
    dropHint.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
    dropHint.setMouseTransparent(true);
    dropHint.setVisible(false);
    VBox rows = new VBox(attachmentRow(), inputRow());
    rows.getStyleClass().add("composer-rows");
    StackPane body = new StackPane(rows, dropHint);
    getChildren().addAll(body, footer());
    images.acceptDrops(this, dropHint);
  }

  /** Puts the keyboard focus in the text input. */
  public void focusInput() {
    input.requestFocus();
  }

  // ---- attachment ----

  private HBox attachmentRow() {
    ImageView picture = new ImageView();
    picture.setFitWidth(THUMBNAIL_SIZE);
    picture.setFitHeight(THUMBNAIL_SIZE);
    picture.setSmooth(true);
    Rectangle clip = new Rectangle(THUMBNAIL_SIZE, THUMBNAIL_SIZE);
    clip.setArcWidth(12);
    clip.setArcHeight(12);
    picture.setClip(clip);
    FontIcon placeholder = new FontIcon("mdi2i-image-outline");
    StackPane thumbnail = new StackPane(placeholder, picture);
    thumbnail.getStyleClass().add(THUMBNAIL);
    thumbnail.setMinSize(THUMBNAIL_SIZE, THUMBNAIL_SIZE);
    thumbnail.setMaxSize(THUMBNAIL_SIZE, THUMBNAIL_SIZE);
    vm.attachmentPreviewProperty().addListener((obs, old, bytes) -> showThumbnail(picture, bytes));
    showThumbnail(picture, vm.attachmentPreviewProperty().get());

    Label name = new Label();
    name.setId("composerAttachmentName");
    name.getStyleClass().addAll(Styles.TEXT_BOLD, "composer-attachment-name");
    name.textProperty().bind(vm.attachmentNameProperty());
    Label size = new Label();
    size.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    size.textProperty()
        .bind(
            Bindings.when(vm.uploadingProperty())
                .then(
                    Bindings.createStringBinding(
                        () -> text.get("uploading", Math.max(0, vm.uploadProgressProperty().get())),
                        vm.uploadProgressProperty()))
                .otherwise(vm.attachmentSizeTextProperty()));
    ProgressBar progress = new ProgressBar();
    progress.setId("composerUploadProgress");
    progress.getStyleClass().add(Styles.SMALL);
    progress.setMaxWidth(Double.MAX_VALUE);
    progress.progressProperty().bind(vm.uploadProgressProperty());
    showIf(progress, vm.uploadingProperty().get());
    vm.uploadingProperty().addListener((obs, old, now) -> showIf(progress, now));
    VBox words = new VBox(4, name, size, progress);
    words.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(words, Priority.ALWAYS);

    Button remove = iconButton("mdi2c-close", text.get("remove.tooltip"));
    remove.setId("composerRemoveAttachment");
    remove.setOnAction(e -> vm.removeAttachment());
    remove.visibleProperty().bind(vm.uploadingProperty().not());

    HBox row = new HBox(12, thumbnail, words, remove);
    row.setId("composerAttachment");
    row.getStyleClass().add(ATTACHMENT_ROW);
    row.setAlignment(Pos.CENTER_LEFT);
    // In line with the input, between the attach and send buttons.
    VBox.setMargin(row, new Insets(0, INPUT_INDENT, 0, INPUT_INDENT));
    showIf(row, vm.attachedProperty().get());
    vm.attachedProperty().addListener((obs, old, now) -> showIf(row, now));
    return row;
  }

  /** Shows the middle square of the image; JavaFX cannot decode WebP, so those keep an icon. */
  private static void showThumbnail(ImageView view, byte[] bytes) {
    Image image =
        bytes == null
            ? null
            // Decoded at twice the shown size, so it stays sharp on HiDPI screens.
            : new Image(new ByteArrayInputStream(bytes), 0, THUMBNAIL_SIZE * 2, true, true);
    if (image == null || image.isError() || image.getWidth() <= 0) {
      view.setImage(null);
      return;
    }
    double side = Math.min(image.getWidth(), image.getHeight());
    view.setImage(image);
    view.setViewport(
        new Rectangle2D((image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side));
  }

  // ---- input ----

  private HBox inputRow() {
    Button attach = iconButton("mdi2p-paperclip", text.get("attach.tooltip"));
    attach.setId("composerAttach");
    attach.disableProperty().bind(vm.canAttachProperty().not());
    attach.setOnAction(
        e -> {
          images.choose(getScene() == null ? null : getScene().getWindow());
          input.requestFocus();
        });

    input.setId("composerInput");
    input.getStyleClass().add(INPUT);
    input.setWrapText(true);
    input.setPrefRowCount(1);
    input.setPromptText(text.get("input.prompt"));
    input.setAccessibleText(text.get("input.accessible"));
    input.textProperty().bindBidirectional(vm.textProperty());
    input.disableProperty().bind(vm.openProperty().not());
    input.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
    input.textProperty().addListener(o -> fitRows());
    input.widthProperty().addListener(o -> fitRows());
    input
        .fontProperty()
        .addListener(
            o -> {
              measuredText = null;
              fitRows();
            });
    HBox.setHgrow(input, Priority.ALWAYS);

    Button send = iconButton("mdi2s-send", text.get("send.tooltip"));
    send.setId("composerSend");
    send.getTooltip()
        .textProperty()
        .bind(
            Bindings.when(vm.ctrlEnterSendsProperty())
                .then(text.get("send.tooltip.ctrlEnter"))
                .otherwise(text.get("send.tooltip")));
    send.accessibleTextProperty().bind(send.getTooltip().textProperty());
    send.getStyleClass().add(SEND_BUTTON);
    send.disableProperty().bind(vm.canSendProperty().not());
    send.setOnAction(
        e -> {
          vm.send();
          input.requestFocus();
        });

    HBox row = new HBox(6, attach, input, send);
    row.getStyleClass().add(INPUT_ROW);
    row.setAlignment(Pos.BOTTOM_CENTER);
    return row;
  }

  private void keyPressed(KeyEvent e) {
    if (e.getCode() == KeyCode.ENTER) {
      e.consume();
      boolean ctrlEnter = vm.ctrlEnterSendsProperty().get();
      if (ctrlEnter ? e.isShortcutDown() : !e.isShiftDown() && !e.isAltDown()) {
        vm.send();
      } else if (ctrlEnter ? !e.isAltDown() : e.isShiftDown()) {
        input.replaceSelection("\n");
      }
    } else if (e.getCode() == KeyCode.UP && noModifiers(e) && input.getText().isEmpty()) {
      if (vm.recallLast()) {
        input.end();
        e.consume();
      }
    }
  }

  private static boolean noModifiers(KeyEvent e) {
    return !e.isShiftDown() && !e.isControlDown() && !e.isAltDown() && !e.isMetaDown();
  }

  /** Grows the input with its wrapped text, from one line to {@link #MAX_ROWS}, then scrolls. */
  private void fitRows() {
    Region content = (Region) input.lookup(".content");
    if (content == null || content.getWidth() <= 0) {
      return;
    }
    String value = input.getText() == null ? "" : input.getText();
    if (content.getWidth() == measuredWidth && value.equals(measuredText)) {
      return;
    }
    measuredWidth = content.getWidth();
    measuredText = value;
    measure.setFont(input.getFont());
    measure.setWrappingWidth(0);
    measure.setText("X");
    double lineHeight = measure.getLayoutBounds().getHeight();
    measure.setWrappingWidth(
        Math.max(1, content.getWidth() - content.snappedLeftInset() - content.snappedRightInset()));
    measure.setText(value.isEmpty() ? "X" : value);
    int rows = (int) Math.round(measure.getLayoutBounds().getHeight() / lineHeight);
    input.setPrefRowCount(Math.max(1, Math.min(MAX_ROWS, rows)));
  }

  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    fitRows();
  }

  // ---- footer ----

  private StackPane footer() {
    Label hint = new Label();
    hint.textProperty()
        .bind(
            Bindings.when(vm.ctrlEnterSendsProperty())
                .then(text.get("hint.format.ctrlEnter"))
                .otherwise(text.get("hint.format")));
    hint.getStyleClass().addAll(FOOTER_HINT, Styles.TEXT_SMALL);
    Label error = new Label(null, new FontIcon("mdi2a-alert-circle-outline"));
    error.setId("composerError");
    error.getStyleClass().addAll(ERROR, Styles.TEXT_SMALL);
    error.setWrapText(true);
    error.textProperty().bind(vm.errorProperty());
    error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
    hint.visibleProperty().bind(vm.errorProperty().isEmpty());
    StackPane footer = new StackPane(hint, error);
    footer.getStyleClass().add("composer-footer");
    StackPane.setAlignment(hint, Pos.CENTER_LEFT);
    StackPane.setAlignment(error, Pos.CENTER_LEFT);
    return footer;
  }

  private static Button iconButton(String icon, String tooltip) {
    Button button = new Button(null, new FontIcon(icon));
    button.getStyleClass().addAll(ICON_BUTTON, Styles.BUTTON_ICON, Styles.FLAT, Styles.ROUNDED);
    button.setTooltip(new Tooltip(tooltip));
    button.setAccessibleText(tooltip);
    button.setFocusTraversable(false);
    return button;
  }

  /** Ctrl+V, Shift+Insert and the context menu's Paste attach an image when there is one. */
  private final class PastingTextArea extends TextArea {
    @Override
    public void paste() {
      if (!images.paste()) {
        super.paste();
      }
    }
  }

  private static void showIf(Node node, boolean shown) {
    node.setVisible(shown);
    node.setManaged(shown);
  }
}
