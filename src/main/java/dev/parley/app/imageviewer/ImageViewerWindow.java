package dev.parley.app.imageviewer;

import atlantafx.base.theme.Styles;
import dev.parley.app.I18n;
import dev.parley.app.ui.ImageLoader;
import java.io.File;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A window showing one picture: scaled to fit by default, 100% on a click (or the toolbar button),
 * Escape closes, "Save as…" asks for a file and lets the view model write it.
 */
public final class ImageViewerWindow extends BorderPane {
  private final ImageViewerViewModel vm;
  private final I18n text = I18n.of(ImageViewerWindow.class);
  private final ImageView view = new ImageView();
  private final ScrollPane scroller = new ScrollPane();

  public ImageViewerWindow(ImageViewerViewModel vm, ImageLoader images) {
    this.vm = vm;
    getStyleClass().add("image-viewer");
    getStylesheets().add(ImageViewerWindow.class.getResource("imageviewer.css").toExternalForm());

    view.setPreserveRatio(true);
    view.setSmooth(true);
    view.setId("viewerImage");
    view.setOnMouseClicked(e -> vm.toggleFit());
    view.setCursor(Cursor.HAND);

    StackPane canvas = new StackPane(view);
    canvas.getStyleClass().add("image-viewer-canvas");
    canvas.minWidthProperty().bind(scroller.widthProperty().subtract(2));
    canvas.minHeightProperty().bind(scroller.heightProperty().subtract(2));
    scroller.setContent(canvas);
    scroller.getStyleClass().add("image-viewer-scroller");
    scroller.setPannable(true);
    scroller.setFitToWidth(false);
    scroller.setFitToHeight(false);

    ProgressIndicator loading = new ProgressIndicator();
    loading.setMaxSize(40, 40);
    loading.visibleProperty().bind(vm.loadingProperty());
    Label error = new Label();
    error.setId("viewerError");
    error.getStyleClass().add("image-viewer-error");
    error.setGraphic(new FontIcon("mdi2i-image-broken-variant"));
    error.textProperty().bind(vm.errorProperty());
    error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
    setCenter(new StackPane(scroller, loading, error));

    ToggleButton fit =
        new ToggleButton(text.get("action.fit"), new FontIcon("mdi2f-fit-to-screen-outline"));
    fit.setId("viewerFit");
    fit.selectedProperty().bindBidirectional(vm.fitToWindowProperty());
    Button actual = new Button(text.get("action.actualSize"));
    actual.setId("viewerActualSize");
    actual.setOnAction(e -> vm.fitToWindowProperty().set(false));
    Button save = new Button(text.get("action.save"), new FontIcon("mdi2c-content-save-outline"));
    save.setId("viewerSave");
    save.disableProperty().bind(vm.savingProperty());
    save.setOnAction(e -> saveAs());
    Label status = new Label();
    status.setId("viewerStatus");
    status.getStyleClass().add("image-viewer-status");
    status.textProperty().bind(vm.statusProperty());
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    Button close = new Button(null, new FontIcon("mdi2c-close"));
    close.setId("viewerClose");
    close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
    close.setAccessibleText(text.get("action.close"));
    close.setOnAction(e -> close());
    HBox bar = new HBox(8, fit, actual, save, status, grow, close);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("image-viewer-toolbar");
    setTop(bar);

    vm.fitToWindowProperty().addListener((obs, was, is) -> applyFit());
    scroller.widthProperty().addListener((obs, was, is) -> applyFit());
    scroller.heightProperty().addListener((obs, was, is) -> applyFit());

    images
        .load(vm.url(), 0, 0)
        .whenComplete(
            (image, failure) -> {
              if (failure != null || image == null) {
                vm.imageFailed();
              } else {
                view.setImage(image);
                vm.imageLoaded();
                applyFit();
              }
            });
    addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            e.consume();
            close();
          }
        });
  }

  /** Opens a window over {@code owner} showing the view model's picture. */
  public static Stage show(Window owner, ImageViewerViewModel vm, ImageLoader images) {
    Stage stage = new Stage();
    if (owner != null) {
      stage.initOwner(owner);
    }
    stage.initModality(Modality.NONE);
    stage.setTitle(vm.windowTitle());
    ImageViewerWindow root = new ImageViewerWindow(vm, images);
    Scene scene = new Scene(root, 900, 680);
    if (owner != null && owner.getScene() != null) {
      scene.getStylesheets().addAll(owner.getScene().getStylesheets());
    }
    stage.setScene(scene);
    stage.show();
    root.requestFocus();
    return stage;
  }

  ImageView imageView() {
    return view;
  }

  private void applyFit() {
    if (view.getImage() == null) {
      return;
    }
    if (vm.fitToWindowProperty().get()) {
      double w = Math.max(1, scroller.getWidth() - 4);
      double h = Math.max(1, scroller.getHeight() - 4);
      view.setFitWidth(Math.min(w, view.getImage().getWidth()));
      view.setFitHeight(Math.min(h, view.getImage().getHeight()));
    } else {
      view.setFitWidth(0);
      view.setFitHeight(0);
    }
  }

  private void saveAs() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(text.get("chooser.title"));
    chooser.setInitialFileName(vm.suggestedFileName());
    File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
    if (file != null) {
      vm.saveTo(file.toPath());
    }
  }

  private void close() {
    if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
      stage.close();
    }
  }
}
