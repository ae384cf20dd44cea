package dev.parley.app.composer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.FakeUiTimer;
import dev.parley.app.UiDispatcher;
import dev.parley.app.session.ChatMessage;
import dev.parley.app.session.FakeSessionService;
import dev.parley.app.session.SendState;
import dev.parley.app.session.SessionService;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposerViewModelTest {
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
  static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16};
  static final byte[] WEBP = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);

  private final FakeSessionService session = new FakeSessionService();
  private final FakeUiTimer timer = new FakeUiTimer();
  private final ComposerViewModel vm =
      new ComposerViewModel(session, UiDispatcher.currentThread(), timer, Runnable::run);

  private void type(String text) {
    vm.textProperty().set(text);
  }

  private List<String> sentTexts() {
    return session.sent.stream().map(ChatMessage::plainText).toList();
  }

  // ---- sending ----

  @Test
  void cannotSendWithoutAConversationOrText() {
    type("hello");
    assertThat(vm.canSendProperty().get()).isFalse();
    vm.setConversation("c1");
    assertThat(vm.canSendProperty().get()).isFalse();
    type("hello");
    assertThat(vm.canSendProperty().get()).isTrue();
    type("   \n ");
    assertThat(vm.canSendProperty().get()).isFalse();
    vm.attach(PNG, "cat.png");
    assertThat(vm.canSendProperty().get()).isTrue();
    vm.setConversation(null);
    assertThat(vm.canSendProperty().get()).isFalse();
  }

  @Test
  void sendingPassesTheMarkupClearsTheComposerAndRemembersTheText() {
    vm.setConversation("c1");
    type("**hi** there\n");
    vm.send();
    assertThat(session.sent).hasSize(1);
    assertThat(session.sent.get(0).conversationId()).isEqualTo("c1");
    assertThat(session.sent.get(0).segments().get(0).bold()).isTrue();
    assertThat(sentTexts()).containsExactly("hi there");
    assertThat(vm.textProperty().get()).isEmpty();
    assertThat(vm.draftFor("c1")).isEmpty();
    assertThat(vm.recallLast()).isTrue();
    assertThat(vm.textProperty().get()).isEqualTo("**hi** there");
  }

  @Test
  void whitespaceOnlyTextIsNotSent() {
    vm.setConversation("c1");
    type("  \n\t ");
    vm.send();
    assertThat(session.sent).isEmpty();
    assertThat(vm.textProperty().get()).isEqualTo("  \n\t ");
  }

  @Test
  void textOverTheServerLimitStaysWithAnInlineError() {
    vm.setConversation("c1");
    type("x".repeat(ComposerViewModel.MAX_TEXT_BYTES + 1));
    vm.send();
    assertThat(session.sent).isEmpty();
    assertThat(vm.errorProperty().get()).startsWith("The message is too long");
    type("x".repeat(ComposerViewModel.MAX_TEXT_BYTES));
    assertThat(vm.errorProperty().get()).isEmpty();
    vm.send();
    assertThat(session.sent).hasSize(1);
  }

  @Test
  void aFailingSendKeepsTheTextAndSaysWhy() {
    SessionService broken =
        (SessionService)
            Proxy.newProxyInstance(
                SessionService.class.getClassLoader(),
                new Class<?>[] {SessionService.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("send")) {
                    throw new IllegalStateException("session closed");
                  }
                  try {
                    return method.invoke(session, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    ComposerViewModel composer =
        new ComposerViewModel(broken, UiDispatcher.currentThread(), timer, Runnable::run);
    composer.setConversation("c1");
    composer.textProperty().set("hello");
    composer.send();
    assertThat(composer.textProperty().get()).isEqualTo("hello");
    assertThat(composer.errorProperty().get()).contains("session closed");
  }

  // ---- drafts and recall ----

  @Test
  void draftsSurviveSwitchingConversations() {
    vm.setConversation("c1");
    type("half a thought");
    vm.attach(PNG, "cat.png");
    vm.setConversation("c2");
    assertThat(vm.textProperty().get()).isEmpty();
    assertThat(vm.attachedProperty().get()).isFalse();
    type("other");
    assertThat(vm.drafts()).containsEntry("c1", "half a thought").containsEntry("c2", "other");
    vm.setConversation("c1");
    assertThat(vm.textProperty().get()).isEqualTo("half a thought");
    assertThat(vm.attachmentNameProperty().get()).isEqualTo("cat.png");
    assertThat(vm.draftFor("c2")).isEqualTo("other");
  }

  @Test
  void restoredDraftsFillTheirConversations() {
    vm.restoreDrafts(java.util.Map.of("c1", "saved text"));
    vm.setConversation("c1");
    assertThat(vm.textProperty().get()).isEqualTo("saved text");
    assertThat(session.typingSent).isEmpty();
  }

  @Test
  void recallWorksOnlyInAnEmptyComposerOfTheSameConversation() {
    vm.setConversation("c1");
    assertThat(vm.recallLast()).isFalse();
    type("first");
    vm.send();
    type("draft");
    assertThat(vm.recallLast()).isFalse();
    assertThat(vm.textProperty().get()).isEqualTo("draft");
    type("");
    vm.setConversation("c2");
    assertThat(vm.recallLast()).isFalse();
    vm.setConversation("c1");
    assertThat(vm.recallLast()).isTrue();
    assertThat(vm.textProperty().get()).isEqualTo("first");
  }

  // ---- typing ----

  @Test
  void typingSaysStartedThenPausedThenStoppedWhenCleared() {
    vm.setConversation("c1");
    type("h");
    type("he");
    assertThat(session.typingSent).containsExactly("c1:STARTED");
    timer.advance(Duration.ofSeconds(2));
    type("hey");
    timer.advance(Duration.ofSeconds(2));
    assertThat(session.typingSent).containsExactly("c1:STARTED");
    timer.advance(Duration.ofSeconds(1));
    assertThat(session.typingSent).containsExactly("c1:STARTED", "c1:PAUSED");
    type("hey!");
    assertThat(session.typingSent).containsExactly("c1:STARTED", "c1:PAUSED", "c1:STARTED");
    type("");
    assertThat(session.typingSent)
        .containsExactly("c1:STARTED", "c1:PAUSED", "c1:STARTED", "c1:STOPPED");
    timer.advance(Duration.ofSeconds(30));
    assertThat(session.typingSent).hasSize(4);
    assertThat(timer.pending()).isZero();
  }

  @Test
  void steadyTypingRepeatsStartedAtMostEveryTenSeconds() {
    vm.setConversation("c1");
    StringBuilder text = new StringBuilder();
    for (int second = 0; second < 25; second++) {
      text.append('a');
      type(text.toString());
      timer.advance(Duration.ofSeconds(1));
    }
    assertThat(session.typingSent).containsExactly("c1:STARTED", "c1:STARTED", "c1:STARTED");
  }

  @Test
  void sendingAndSwitchingSayStopped() {
    vm.setConversation("c1");
    type("hello");
    vm.send();
    assertThat(session.typingSent).containsExactly("c1:STARTED", "c1:STOPPED");
    type("again");
    vm.setConversation("c2");
    assertThat(session.typingSent)
        .containsExactly("c1:STARTED", "c1:STOPPED", "c1:STARTED", "c1:STOPPED");
    timer.advance(Duration.ofSeconds(5));
    assertThat(session.typingSent).hasSize(4);
  }

  @Test
  void restoringADraftOrRecallingDoesNotAnnounceTyping() {
    vm.setConversation("c1");
    type("x");
    vm.setConversation("c2");
    session.typingSent.clear();
    vm.setConversation("c1");
    assertThat(session.typingSent).isEmpty();
  }

  // ---- attachments ----

  @Test
  void pngJpegAndWebpAreAcceptedAndShown() {
    vm.setConversation("c1");
    assertThat(vm.attach(JPEG, "photo.jpg")).isTrue();
    assertThat(vm.attach(WEBP, "sticker.webp")).isTrue();
    assertThat(vm.attach(PNG, "cat.png")).isTrue();
    assertThat(vm.attachedProperty().get()).isTrue();
    assertThat(vm.attachmentNameProperty().get()).isEqualTo("cat.png");
    assertThat(vm.attachmentSizeProperty().get()).isEqualTo(PNG.length);
    assertThat(vm.attachmentSizeTextProperty().get()).isEqualTo("12 B");
    assertThat(vm.attachmentPreviewProperty().get()).isEqualTo(PNG);
    vm.removeAttachment();
    assertThat(vm.attachedProperty().get()).isFalse();
    assertThat(vm.attachmentPreviewProperty().get()).isNull();
  }

  @Test
  void aTextFileIsRejectedAsNotAnImage() {
    vm.setConversation("c1");
    assertThat(vm.attach("just words".getBytes(StandardCharsets.UTF_8), "notes.png")).isFalse();
    assertThat(vm.attachedProperty().get()).isFalse();
    assertThat(vm.errorProperty().get())
        .isEqualTo("“notes.png” is not an image. Parley sends PNG, JPEG, GIF and WebP.");
  }

  @Test
  void anImageOverTheLimitIsRejected() {
    vm.setConversation("c1");
    byte[] huge = Arrays.copyOf(PNG, (int) ComposerViewModel.MAX_IMAGE_BYTES + 1);
    assertThat(vm.attach(huge, "huge.png")).isFalse();
    assertThat(vm.errorProperty().get()).startsWith("The image is too large");
    assertThat(vm.attachedProperty().get()).isFalse();
  }

  @Test
  void attachingAFileReadsItAndReportsProblemsInline(@TempDir Path dir) throws IOException {
    vm.setConversation("c1");
    Path image = Files.write(dir.resolve("cat.png"), PNG);
    vm.attachFile(image);
    assertThat(vm.attachmentNameProperty().get()).isEqualTo("cat.png");
    assertThat(vm.readingProperty().get()).isFalse();

    vm.attachFile(dir.resolve("missing.png"));
    assertThat(vm.errorProperty().get()).isEqualTo("Cannot read “missing.png”.");
    assertThat(vm.attachmentNameProperty().get()).isEqualTo("cat.png");

    vm.attachFile(Files.writeString(dir.resolve("notes.txt"), "hello"));
    assertThat(vm.errorProperty().get()).startsWith("“notes.txt” is not an image");
  }

  @Test
  void aFileStillBeingReadBlocksSendingAndIsDroppedWhenTheConversationChanges() {
    List<Runnable> queued = new java.util.ArrayList<>();
    ComposerViewModel composer =
        new ComposerViewModel(session, UiDispatcher.currentThread(), timer, queued::add);
    composer.setConversation("c1");
    composer.textProperty().set("look");
    composer.attachLater("cat.png", () -> PNG);
    assertThat(composer.readingProperty().get()).isTrue();
    assertThat(composer.canSendProperty().get()).isFalse();
    composer.setConversation("c2");
    queued.forEach(Runnable::run);
    assertThat(composer.attachedProperty().get()).isFalse();
    composer.setConversation("c1");
    assertThat(composer.attachedProperty().get()).isFalse();
    assertThat(composer.canSendProperty().get()).isTrue();
  }

  // ---- upload progress ----

  @Test
  void sendingAnImageShowsProgressUntilTheMessageIsSent() {
    session.holdSends = true;
    vm.setConversation("c1");
    assertThat(vm.uploadProgressProperty().get()).isEqualTo(-1);
    vm.attach(PNG, "cat.png");
    type("look");
    vm.send();
    assertThat(vm.uploadingProperty().get()).isTrue();
    assertThat(vm.uploadProgressProperty().get()).isEqualTo(1.0);
    assertThat(vm.attachmentNameProperty().get()).isEqualTo("cat.png");
    assertThat(vm.canSendProperty().get()).isFalse();
    assertThat(vm.textProperty().get()).isEmpty();

    ChatMessage pending = session.sent.get(0);
    session.receive(pending.withState(SendState.SENT, null));
    assertThat(vm.uploadingProperty().get()).isFalse();
    assertThat(vm.uploadProgressProperty().get()).isEqualTo(-1);
    assertThat(vm.attachedProperty().get()).isFalse();
    type("next");
    assertThat(vm.canSendProperty().get()).isTrue();
  }

  @Test
  void aFailedUploadAlsoResetsProgress() {
    session.holdSends = true;
    vm.setConversation("c1");
    vm.attach(PNG, "cat.png");
    vm.send();
    session.receive(session.sent.get(0).withState(SendState.FAILED, "network down"));
    assertThat(vm.uploadProgressProperty().get()).isEqualTo(-1);
    assertThat(vm.uploadingProperty().get()).isFalse();
  }

  @Test
  void anImageSentAtOnceLeavesNoProgressBehind() {
    vm.setConversation("c1");
    vm.attach(PNG, "cat.png");
    vm.send();
    assertThat(session.sent).hasSize(1);
    assertThat(vm.uploadProgressProperty().get()).isEqualTo(-1);
    assertThat(vm.attachedProperty().get()).isFalse();
  }

  @Test
  void progressBelongsToTheConversationItWasSentIn() {
    session.holdSends = true;
    vm.setConversation("c1");
    vm.attach(PNG, "cat.png");
    vm.send();
    vm.setConversation("c2");
    assertThat(vm.uploadingProperty().get()).isFalse();
    assertThat(vm.uploadProgressProperty().get()).isEqualTo(-1);
    vm.setConversation("c1");
    assertThat(vm.uploadingProperty().get()).isTrue();
  }

  @Test
  void disposingStopsTypingAndListening() {
    vm.setConversation("c1");
    type("bye");
    vm.dispose();
    assertThat(session.typingSent).containsExactly("c1:STARTED", "c1:STOPPED");
    assertThat(session.listenerCount()).isZero();
    assertThat(timer.pending()).isZero();
  }
}
