package dev.parley.app.composer;

import dev.parley.app.I18n;
import dev.parley.app.UiDispatcher;
import dev.parley.app.UiTimer;
import dev.parley.app.session.ChatMessage;
import dev.parley.app.session.OutgoingImage;
import dev.parley.app.session.SessionListener;
import dev.parley.app.session.SessionService;
import dev.parley.app.session.TimelineItem;
import dev.parley.client.ChatMessageSegment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The message composer of the open conversation: the text being written (a draft per conversation),
 * one attached image, typing notifications, Up-arrow recall of the last sent text, and the upload
 * progress of an image being sent.
 *
 * <p>While an image sent from here is uploading, the composer of that conversation shows it with
 * the progress and sends nothing else until the message leaves PENDING, so messages keep their
 * order and the user sees why the send button rests.
 */
public final class ComposerViewModel implements SessionListener {
  /** The server refuses longer text (PROTOCOL.md section 5), counted in UTF-8 bytes of segments. */
  public static final int MAX_TEXT_BYTES = 64 * 1024;

  /** The server refuses larger uploads (PROTOCOL.md section 5). */
  public static final long MAX_IMAGE_BYTES = AttachmentRules.MAX_IMAGE_BYTES;

  private record Draft(String text, OutgoingImage image) {}

  private final SessionService session;
  private final UiDispatcher ui;
  private final Executor io;
  private final I18n messages = I18n.of(ComposerViewModel.class);
  private final AttachmentRules rules = new AttachmentRules();
  private final TypingNotifier typing;

  private final StringProperty text = new SimpleStringProperty(this, "text", "");
  private final BooleanProperty ctrlEnterSends = new SimpleBooleanProperty(this, "ctrlEnterSends");
  private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
  private final ReadOnlyObjectWrapper<OutgoingImage> attachment =
      new ReadOnlyObjectWrapper<>(this, "attachment");
  private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading");
  private final ReadOnlyBooleanWrapper uploading = new ReadOnlyBooleanWrapper(this, "uploading");
  private final ReadOnlyDoubleWrapper uploadProgress =
      new ReadOnlyDoubleWrapper(this, "uploadProgress", -1);
  private final ReadOnlyBooleanWrapper attached = new ReadOnlyBooleanWrapper(this, "attached");
  private final ReadOnlyStringWrapper attachmentName =
      new ReadOnlyStringWrapper(this, "attachmentName", "");
  private final ReadOnlyLongWrapper attachmentSize =
      new ReadOnlyLongWrapper(this, "attachmentSize");
  private final ReadOnlyStringWrapper attachmentSizeText =
      new ReadOnlyStringWrapper(this, "attachmentSizeText", "");
  private final ReadOnlyObjectWrapper<byte[]> attachmentPreview =
      new ReadOnlyObjectWrapper<>(this, "attachmentPreview");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
  private final ReadOnlyBooleanWrapper canSend = new ReadOnlyBooleanWrapper(this, "canSend");
  private final ReadOnlyBooleanWrapper canAttach = new ReadOnlyBooleanWrapper(this, "canAttach");

  private final Map<String, Draft> drafts = new HashMap<>();
  private final Map<String, String> lastSent = new HashMap<>();
  private final Uploads uploads = new Uploads(this::render);
  private String conversationId;
  private boolean programmatic;
  private long readToken;

  /** A composer that reads files on a new daemon thread each time. */
  public ComposerViewModel(SessionService session, UiDispatcher ui, UiTimer timer) {
    this(session, ui, timer, ComposerViewModel::readInBackground);
  }

  /**
   * @param io where files are read and pasted images encoded (never the UI thread)
   */
  public ComposerViewModel(SessionService session, UiDispatcher ui, UiTimer timer, Executor io) {
    this.session = Objects.requireNonNull(session, "session");
    this.ui = Objects.requireNonNull(ui, "ui");
    this.io = Objects.requireNonNull(io, "io");
    this.typing = new TypingNotifier(session, Objects.requireNonNull(timer, "timer"));
    canSend.bind(
        Bindings.createBooleanBinding(
            () ->
                open.get()
                    && (!text.get().isBlank() || attachment.get() != null)
                    && !uploading.get()
                    && !reading.get(),
            open,
            text,
            attachment,
            uploading,
            reading));
    canAttach.bind(open.and(uploading.not()).and(reading.not()));
    text.addListener((obs, old, now) -> textChanged(now));
    session.addListener(this);
  }

  // ---- properties ----

  /** What the user is writing; two-way bound to the input. */
  public StringProperty textProperty() {
    return text;
  }

  /** Ctrl+Enter sends and Enter breaks the line, instead of Enter and Shift+Enter (a setting). */
  public BooleanProperty ctrlEnterSendsProperty() {
    return ctrlEnterSends;
  }

  /** A conversation is open, so the composer takes input. */
  public ReadOnlyBooleanProperty openProperty() {
    return open.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canSendProperty() {
    return canSend.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canAttachProperty() {
    return canAttach.getReadOnlyProperty();
  }

  /** A file is being read for attaching. */
  public ReadOnlyBooleanProperty readingProperty() {
    return reading.getReadOnlyProperty();
  }

  /** An image is shown above the input: the attached one, or the one uploading. */
  public ReadOnlyBooleanProperty attachedProperty() {
    return attached.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty attachmentNameProperty() {
    return attachmentName.getReadOnlyProperty();
  }

  /** The shown image's size in bytes (0 when none). */
  public ReadOnlyLongProperty attachmentSizeProperty() {
    return attachmentSize.getReadOnlyProperty();
  }

  /** The shown image's size for people ("1.4 MB"). */
  public ReadOnlyStringProperty attachmentSizeTextProperty() {
    return attachmentSizeText.getReadOnlyProperty();
  }

  /** The shown image's bytes, for the View to decode a thumbnail; null when none. */
  public ReadOnlyObjectProperty<byte[]> attachmentPreviewProperty() {
    return attachmentPreview.getReadOnlyProperty();
  }

  /** The shown image is being uploaded (it can no longer be removed). */
  public ReadOnlyBooleanProperty uploadingProperty() {
    return uploading.getReadOnlyProperty();
  }

  /** -1 when nothing uploads here; 0..1 while the shown image uploads. */
  public ReadOnlyDoubleProperty uploadProgressProperty() {
    return uploadProgress.getReadOnlyProperty();
  }

  /** An inline error to show, empty when none. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  // ---- conversations and drafts ----

  /** Switches to a conversation (null: none), keeping the text and image of the one left. */
  public void setConversation(String id) {
    if (Objects.equals(id, conversationId)) {
      return;
    }
    typing.stop();
    saveDraft();
    conversationId = id;
    readToken++;
    reading.set(false);
    Draft draft = id == null ? null : drafts.get(id);
    setTextQuietly(draft == null ? "" : draft.text());
    attachment.set(draft == null ? null : draft.image());
    error.set("");
    open.set(id != null);
    render();
  }

  public String conversationId() {
    return conversationId;
  }

  /** The unsent text of a conversation, empty when none. */
  public String draftFor(String id) {
    if (Objects.equals(id, conversationId)) {
      return text.get();
    }
    Draft draft = drafts.get(id);
    return draft == null ? "" : draft.text();
  }

  /** Every conversation's unsent text (non-empty ones), the open one's included. */
  public Map<String, String> drafts() {
    Map<String, String> all = new TreeMap<>();
    drafts.forEach((id, draft) -> all.put(id, draft.text()));
    if (conversationId != null) {
      all.put(conversationId, text.get());
    }
    all.values().removeIf(String::isEmpty);
    return Map.copyOf(all);
  }

  /** Puts back drafts the shell saved earlier; a conversation's newer text wins. */
  public void restoreDrafts(Map<String, String> saved) {
    saved.forEach(
        (id, draftText) -> {
          if (id.equals(conversationId)) {
            if (text.get().isEmpty()) {
              setTextQuietly(draftText);
            }
          } else {
            Draft draft = drafts.get(id);
            if (draft == null || draft.text().isEmpty()) {
              drafts.put(id, new Draft(draftText, draft == null ? null : draft.image()));
            }
          }
        });
  }

  private void saveDraft() {
    if (conversationId == null) {
      return;
    }
    if (text.get().isEmpty() && attachment.get() == null) {
      drafts.remove(conversationId);
    } else {
      drafts.put(conversationId, new Draft(text.get(), attachment.get()));
    }
  }

  // ---- sending ----

  /**
   * Sends the text and the image, if they are sendable: clears the composer and the draft,
   * remembers the text for {@link #recallLast()} and says the user stopped typing. Text over {@link
   * #MAX_TEXT_BYTES} is refused with an inline error and stays.
   */
  public void send() {
    if (!canSend.get()) {
      return;
    }
    String id = conversationId;
    String markup = trimmed(text.get());
    OutgoingImage image = attachment.get();
    if (markup.isEmpty() && image == null) {
      return;
    }
    int bytes = textBytes(markup);
    if (bytes > MAX_TEXT_BYTES) {
      error.set(
          messages.get("error.tooLong", rules.sizeText(bytes), rules.sizeText(MAX_TEXT_BYTES)));
      return;
    }
    try {
      uploads.send(id, image, progress -> session.send(id, markup, image, progress));
    } catch (RuntimeException e) {
      error.set(messages.get("error.sendFailed", Objects.toString(e.getMessage(), "")));
      return;
    }
    if (!markup.isEmpty()) {
      lastSent.put(id, markup);
    }
    typing.stop();
    setTextQuietly("");
    attachment.set(null);
    drafts.remove(id);
    error.set("");
    render();
  }

  /**
   * Up in an empty composer: puts the last text sent in this conversation back. Returns false (and
   * changes nothing) when the composer has text or nothing was sent.
   */
  public boolean recallLast() {
    if (conversationId == null || !text.get().isEmpty()) {
      return false;
    }
    String last = lastSent.get(conversationId);
    if (last == null) {
      return false;
    }
    setTextQuietly(last);
    return true;
  }

  @Override
  public void timelineItemUpserted(TimelineItem item) {
    if (item instanceof ChatMessage message) {
      uploads.messageChanged(message);
    }
  }

  @Override
  public void conversationRemoved(String id) {
    drafts.remove(id);
    lastSent.remove(id);
    uploads.forget(id);
  }

  private static String trimmed(String raw) {
    return raw.replaceFirst("^(?:[ \\t\\x0B\\f]*\\r?\\n)+", "").stripTrailing();
  }

  private static int textBytes(String markup) {
    int bytes = 0;
    for (ChatMessageSegment segment : ChatMessageSegment.fromString(markup)) {
      bytes += segment.text().getBytes(StandardCharsets.UTF_8).length;
    }
    return bytes;
  }

  // ---- typing notifications ----

  private void textChanged(String now) {
    if (programmatic || conversationId == null) {
      return;
    }
    error.set("");
    typing.changed(conversationId, now == null ? "" : now);
  }

  private void setTextQuietly(String value) {
    programmatic = true;
    try {
      text.set(value);
    } finally {
      programmatic = false;
    }
  }

  // ---- attachments ----

  /**
   * Attaches an image, replacing the one attached; refuses (with an inline error, returning false)
   * anything that is not PNG, JPEG, GIF or WebP, or is over {@link #MAX_IMAGE_BYTES}.
   */
  public boolean attach(byte[] bytes, String fileName) {
    if (!canAttach.get()) {
      return false;
    }
    String problem = rules.problemWith(bytes, fileName);
    if (problem != null) {
      error.set(problem);
      return false;
    }
    attachment.set(new OutgoingImage(bytes, rules.nameFor(bytes, fileName)));
    error.set("");
    render();
    return true;
  }

  /** Reads an image file off the UI thread and attaches it, or says why it cannot. */
  public void attachFile(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    attachLater(
        name,
        () -> {
          if (Files.size(file) > MAX_IMAGE_BYTES) {
            throw new TooLargeException(Files.size(file));
          }
          return Files.readAllBytes(file);
        });
  }

  /**
   * Attaches bytes produced off the UI thread (a pasted image being encoded, a file being read).
   * Failures show as "cannot read".
   */
  public void attachLater(String fileName, Callable<byte[]> producer) {
    if (!canAttach.get()) {
      return;
    }
    String id = conversationId;
    long token = ++readToken;
    reading.set(true);
    error.set("");
    io.execute(
        () -> {
          byte[] bytes = null;
          String problem;
          try {
            bytes = producer.call();
            problem = null;
          } catch (TooLargeException e) {
            problem = rules.tooLarge(e.size);
          } catch (Exception e) {
            problem = rules.unreadable(fileName);
          }
          byte[] result = bytes;
          String failure = problem;
          ui.dispatch(() -> finishAttaching(token, id, fileName, result, failure));
        });
  }

  private void finishAttaching(
      long token, String id, String fileName, byte[] bytes, String problem) {
    if (token != readToken || !Objects.equals(id, conversationId)) {
      return;
    }
    reading.set(false);
    if (problem != null) {
      error.set(problem);
    } else {
      attach(bytes, fileName);
    }
  }

  /** Takes the attached image off (an uploading one stays). */
  public void removeAttachment() {
    attachment.set(null);
    error.set("");
    render();
  }

  private void render() {
    Uploads.Upload upload = uploads.in(conversationId);
    OutgoingImage shown = upload != null ? upload.image : attachment.get();
    uploading.set(upload != null);
    uploadProgress.set(upload != null ? upload.progress() : -1);
    attached.set(shown != null);
    attachmentName.set(shown == null ? "" : shown.fileName());
    attachmentSize.set(shown == null ? 0 : shown.bytes().length);
    attachmentSizeText.set(shown == null ? "" : rules.sizeText(shown.bytes().length));
    attachmentPreview.set(shown == null ? null : shown.bytes());
  }

  /** Stops listening and tells the others the user stopped typing. */
  public void dispose() {
    typing.stop();
    readToken++;
    session.removeListener(this);
  }

  private static void readInBackground(Runnable task) {
    Thread thread = new Thread(task, "composer-io");
    thread.setDaemon(true);
    thread.start();
  }

  private static final class TooLargeException extends IOException {
    final long size;

    TooLargeException(long size) {
      super("too large: " + size);
      this.size = size;
    }
  }
}
