package dev.parley.app.composer;

import dev.parley.app.I18n;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/**
 * How images get into the composer besides {@link ComposerViewModel#attach}: the file chooser,
 * pasting (image files or a picture) and dragging files or pictures onto it. Pictures are encoded
 * as PNG off the UI thread.
 */
final class ImageIntake {
  private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");
  private static final List<String> IMAGE_EXTENSIONS =
      List.of(".png", ".jpg", ".jpeg", ".gif", ".webp");

  private final ComposerViewModel vm;
  private final I18n text = I18n.of(ImageIntake.class);
  private File lastDirectory;

  ImageIntake(ComposerViewModel vm) {
    this.vm = vm;
  }

  /** Opens the file chooser (images only) and attaches the file picked. */
  void choose(Window owner) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(text.get("chooser.title"));
    chooser
        .getExtensionFilters()
        .add(
            new FileChooser.ExtensionFilter(
                text.get("chooser.filter"),
                IMAGE_EXTENSIONS.stream().map(ext -> "*" + ext).toList()));
    if (lastDirectory != null && lastDirectory.isDirectory()) {
      chooser.setInitialDirectory(lastDirectory);
    }
    File file = chooser.showOpenDialog(owner);
    if (file != null) {
      lastDirectory = file.getParentFile();
      vm.attachFile(file.toPath());
    }
  }

  /**
   * Attaches an image file or a picture from the clipboard; false (attaching nothing) when it holds
   * neither, or when attaching is not possible now, so the caller pastes text instead.
   */
  boolean paste() {
    if (!vm.canAttachProperty().get()) {
      return false;
    }
    Clipboard clipboard = Clipboard.getSystemClipboard();
    if (clipboard.hasFiles() && !clipboard.getFiles().isEmpty()) {
      File file = clipboard.getFiles().get(0);
      if (looksLikeImage(file)) {
        vm.attachFile(file.toPath());
        return true;
      }
    }
    // Spreadsheets put a picture of the cells beside their text; the text is what is meant.
    if (clipboard.hasImage() && !clipboard.hasString()) {
      attachPicture(clipboard.getImage());
      return true;
    }
    return false;
  }

  /** Lets image files and pictures be dropped on {@code target}, showing {@code hint} meanwhile. */
  void acceptDrops(Node target, Node hint) {
    target.addEventHandler(
        DragEvent.DRAG_OVER,
        e -> {
          if (e.getGestureSource() == null && droppable(e.getDragboard())) {
            e.acceptTransferModes(TransferMode.COPY);
            showHint(target, hint, true);
          }
          e.consume();
        });
    target.addEventHandler(DragEvent.DRAG_EXITED, e -> showHint(target, hint, false));
    target.addEventHandler(
        DragEvent.DRAG_DROPPED,
        e -> {
          Dragboard board = e.getDragboard();
          boolean done = false;
          if (board.hasFiles() && !board.getFiles().isEmpty()) {
            File image =
                board.getFiles().stream()
                    .filter(ImageIntake::looksLikeImage)
                    .findFirst()
                    .orElse(board.getFiles().get(0));
            vm.attachFile(image.toPath());
            done = true;
          } else if (board.hasImage()) {
            attachPicture(board.getImage());
            done = true;
          }
          showHint(target, hint, false);
          e.setDropCompleted(done);
          e.consume();
        });
  }

  private static void showHint(Node target, Node hint, boolean shown) {
    hint.setVisible(shown);
    target.pseudoClassStateChanged(DROP_TARGET, shown);
  }

  private boolean droppable(Dragboard board) {
    return vm.canAttachProperty().get()
        && ((board.hasFiles() && !board.getFiles().isEmpty()) || board.hasImage());
  }

  private void attachPicture(Image picture) {
    if (picture == null || picture.isError() || picture.getWidth() <= 0) {
      return;
    }
    BufferedImage pixels =
        SwingFXUtils.fromFXImage(
            picture,
            new BufferedImage(
                (int) picture.getWidth(), (int) picture.getHeight(), BufferedImage.TYPE_INT_ARGB));
    vm.attachLater(text.get("paste.fileName"), () -> png(pixels));
  }

  private static byte[] png(BufferedImage pixels) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(pixels, "png", out)) {
      throw new IOException("no PNG writer");
    }
    return out.toByteArray();
  }

  private static boolean looksLikeImage(File file) {
    String name = file.getName().toLowerCase(Locale.ROOT);
    return IMAGE_EXTENSIONS.stream().anyMatch(name::endsWith);
  }
}
