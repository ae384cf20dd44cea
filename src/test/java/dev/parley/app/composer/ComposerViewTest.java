package dev.parley.app.composer;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.parley.app.FakeUiTimer;
import dev.parley.app.Snapshots;
import dev.parley.app.UiDispatcher;
import dev.parley.app.session.ChatMessage;
import dev.parley.app.session.FakeSessionService;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ComposerViewTest {
  private final FakeSessionService session = new FakeSessionService();
  private ComposerViewModel vm;
  private ComposerView view;
  private BorderPane root;

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    vm =
        new ComposerViewModel(
            session, UiDispatcher.currentThread(), new FakeUiTimer(), Runnable::run);
    vm.setConversation("c1");
    view = new ComposerView(vm);
    Region timeline = new Region();
    timeline.getStyleClass().add("timeline-stand-in");
    timeline.setStyle("-fx-background-color: -color-bg-subtle;");
    timeline.setPrefHeight(80);
    root = new BorderPane(timeline);
    root.setBottom(view);
    Scene scene = new Scene(root, 560, 320);
    scene
        .getStylesheets()
        .add(ComposerView.class.getResource("/dev/parley/app/app.css").toExternalForm());
    stage.setScene(scene);
    stage.show();
    view.focusInput();
  }

  private TextArea input(FxRobot robot) {
    return robot.lookup("#composerInput").queryAs(TextArea.class);
  }

  @Test
  void enterSendsTheMarkupAndEmptiesTheInput(FxRobot robot) {
    robot.clickOn("#composerInput").write("**hi** there").type(KeyCode.ENTER);
    assertThat(session.sent).extracting(ChatMessage::plainText).containsExactly("hi there");
    assertThat(session.sent.get(0).segments().get(0).bold()).isTrue();
    assertThat(input(robot).getText()).isEmpty();
    assertThat(robot.lookup("#composerSend").queryAs(Button.class).isDisabled()).isTrue();
  }

  @Test
  void shiftEnterBreaksTheLineWithoutSending(FxRobot robot) {
    robot.clickOn("#composerInput").write("one");
    robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
    robot.write("two");
    assertThat(session.sent).isEmpty();
    assertThat(input(robot).getText()).isEqualTo("one\ntwo");
    assertThat(input(robot).getPrefRowCount()).isEqualTo(2);
    Snapshots.save(root, "composer-light-two-lines");
  }

  @Test
  void theInputGrowsToEightLinesThenScrolls(FxRobot robot) {
    robot.interact(() -> vm.textProperty().set("line\n".repeat(12) + "last line"));
    assertThat(input(robot).getPrefRowCount()).isEqualTo(8);
    Snapshots.save(root, "composer-light-eight-lines");
  }

  @Test
  void aDropHintCoversTheComposerWhileAnImageIsDraggedOver(FxRobot robot) {
    robot.interact(() -> robot.lookup(".composer-drop-hint").query().setVisible(true));
    Snapshots.save(root, "composer-light-drop");
  }

  @Test
  void upInAnEmptyInputRecallsTheLastMessage(FxRobot robot) {
    robot.clickOn("#composerInput").write("first message").type(KeyCode.ENTER);
    robot.type(KeyCode.UP);
    assertThat(input(robot).getText()).isEqualTo("first message");
    assertThat(input(robot).getCaretPosition()).isEqualTo("first message".length());
  }

  @Test
  void anAttachedImageShowsAPreviewThatRemoveHides(FxRobot robot) throws IOException {
    Snapshots.save(root, "composer-light");
    byte[] png = samplePng();
    robot.interact(() -> vm.attach(png, "sunset-over-the-bay.png"));
    Node row = robot.lookup("#composerAttachment").query();
    assertThat(row.isVisible()).isTrue();
    assertThat(robot.lookup("#composerAttachmentName").queryAs(Label.class).getText())
        .isEqualTo("sunset-over-the-bay.png");
    robot.interact(() -> vm.textProperty().set("Look at this **sunset**"));
    Snapshots.save(root, "composer-light-attachment");
    robot.clickOn("#composerRemoveAttachment");
    assertThat(row.isVisible()).isFalse();
    assertThat(row.isManaged()).isFalse();
  }

  @Test
  void anImageJavaFxCannotDecodeShowsAnIcon(FxRobot robot) {
    robot.interact(() -> vm.attach(ComposerViewModelTest.WEBP, "sticker.webp"));
    assertThat(robot.lookup("#composerAttachment").query().isVisible()).isTrue();
    Snapshots.save(root, "composer-light-webp");
  }

  @Test
  void anUploadingImageShowsProgressAndAnErrorReplacesTheHint(FxRobot robot) throws IOException {
    session.holdSends = true;
    byte[] png = samplePng();
    robot.interact(
        () -> {
          vm.attach(png, "sunset.png");
          vm.send();
          vm.attach("not an image".getBytes(), "notes.txt");
          vm.setConversation("c2");
          vm.attach("not an image".getBytes(), "notes.txt");
        });
    assertThat(robot.lookup("#composerError").queryAs(Label.class).isVisible()).isTrue();
    Snapshots.save(root, "composer-light-error");
    robot.interact(() -> vm.setConversation("c1"));
    assertThat(robot.lookup("#composerUploadProgress").query().isVisible()).isTrue();
    assertThat(robot.lookup("#composerRemoveAttachment").query().isVisible()).isFalse();
    Snapshots.save(root, "composer-light-uploading");
  }

  @Test
  void looksRightInTheDarkTheme(FxRobot robot) throws IOException {
    robot.interact(
        () -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
    Snapshots.save(root, "composer-dark");
    byte[] png = samplePng();
    robot.interact(
        () -> {
          vm.attach(png, "sunset.png");
          vm.textProperty()
              .set(
                  "A longer message that wraps onto a second line, to see the input grow as it should.");
        });
    Snapshots.save(root, "composer-dark-attachment");
  }

  /** A small landscape picture, so the thumbnail's crop can be seen. */
  static byte[] samplePng() throws IOException {
    BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(255, 170, 60), 0, 200, new Color(120, 40, 140)));
    g.fillRect(0, 0, 320, 200);
    g.setColor(new Color(255, 230, 120));
    g.fillOval(130, 70, 60, 60);
    g.setColor(new Color(30, 60, 110));
    g.fillRect(0, 140, 320, 60);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
