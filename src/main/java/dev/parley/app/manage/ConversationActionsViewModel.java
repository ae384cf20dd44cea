package dev.parley.app.manage;

import dev.parley.app.I18n;
import dev.parley.app.UiDispatcher;
import dev.parley.app.UiTimer;
import dev.parley.app.session.ConversationSummary;
import dev.parley.app.session.Person;
import dev.parley.app.session.SessionService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The open conversation's menu: which actions it offers now (a group can be renamed, added to and
 * left; a one-to-one deleted; Mute or Unmute, History off or on, link sharing on or off as the
 * conversation is), the quick ones run at once with a short notice, the others as a dialog's
 * ViewModel. The server's events for each change reach the timeline through the session.
 */
public final class ConversationActionsViewModel {
  /** How long a notice ("Muted.", "Link copied.") stays. */
  static final Duration NOTICE_TIME = Duration.ofSeconds(4);

  /** What the menu can offer; the ones whose label ends in "…" open a dialog. */
  public enum Action {
    PROFILE("menu.profile", true),
    RENAME("menu.rename", true),
    ADD_PEOPLE("menu.addPeople", true),
    REMOVE_PERSON("menu.removePerson", true),
    MUTE("menu.mute", false),
    UNMUTE("menu.unmute", false),
    HISTORY_OFF("menu.historyOff", true),
    HISTORY_ON("menu.historyOn", true),
    LINK_SHARING_ON("menu.linkSharingOn", false),
    COPY_LINK("menu.copyLink", false),
    LINK_SHARING_OFF("menu.linkSharingOff", false),
    LEAVE("menu.leave", true),
    DELETE_HISTORY("menu.deleteHistory", true);

    final String key;
    private final boolean dialog;

    Action(String key, boolean dialog) {
      this.key = key;
      this.dialog = dialog;
    }

    /** It opens a dialog (else it runs at once). */
    public boolean opensDialog() {
      return dialog;
    }
  }

  /** A short message after a quick action; {@code error} when it failed. */
  public record Notice(String text, boolean error) {}

  private final SessionService session;
  private final UiDispatcher ui;
  private final UiTimer timer;
  private final Consumer<String> clipboard;
  private final I18n text = I18n.of(ConversationActionsViewModel.class);
  private final ObjectProperty<String> conversationId =
      new SimpleObjectProperty<>(this, "conversationId");
  private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
  private UiTimer.Scheduled clearNotice;
  private boolean disposed;

  /**
   * @param clipboard puts text on the system clipboard (the view's, since it is a scene thing)
   */
  public ConversationActionsViewModel(
      SessionService session, UiDispatcher ui, UiTimer timer, Consumer<String> clipboard) {
    this.session = Objects.requireNonNull(session, "session");
    this.ui = Objects.requireNonNull(ui, "ui");
    this.timer = Objects.requireNonNull(timer, "timer");
    this.clipboard = Objects.requireNonNull(clipboard, "clipboard");
    conversationId.addListener((obs, old, now) -> setNotice(null));
  }

  /** The conversation the menu is about (the shell binds it to the open one), or null. */
  public ObjectProperty<String> conversationIdProperty() {
    return conversationId;
  }

  /** The latest notice, or null; it clears itself after a few seconds. */
  public ReadOnlyObjectProperty<Notice> noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  /** The open conversation as the session knows it now. */
  public ConversationSummary summary() {
    String id = conversationId.get();
    return id == null ? null : session.conversation(id).orElse(null);
  }

  /**
   * What the menu offers for the conversation now, in sections (a separator between them); empty
   * when no conversation is open.
   */
  public List<List<Action>> sections() {
    ConversationSummary c = summary();
    if (c == null) {
      return List.of();
    }
    List<List<Action>> sections = new ArrayList<>();
    if (c.group()) {
      List<Action> people = new ArrayList<>(List.of(Action.RENAME, Action.ADD_PEOPLE));
      if (!c.others().isEmpty()) {
        people.add(Action.REMOVE_PERSON);
      }
      sections.add(people);
    }
    if (c.otherPerson() != null) {
      sections.add(List.of(Action.PROFILE));
    }
    sections.add(
        List.of(
            c.quiet() ? Action.UNMUTE : Action.MUTE,
            c.offTheRecord() ? Action.HISTORY_ON : Action.HISTORY_OFF));
    if (c.group()) {
      sections.add(
          c.linkSharing()
              ? List.of(Action.COPY_LINK, Action.LINK_SHARING_OFF)
              : List.of(Action.LINK_SHARING_ON));
      sections.add(List.of(Action.LEAVE));
    } else {
      sections.add(List.of(Action.DELETE_HISTORY));
    }
    return sections;
  }

  /** The menu item's text. */
  public String label(Action action) {
    return text.get(action.key);
  }

  /** Runs a quick action (mute, link sharing, copy link); a dialog's action does nothing here. */
  public void run(Action action) {
    String id = conversationId.get();
    if (id == null || action.opensDialog()) {
      return;
    }
    switch (action) {
      case MUTE -> quick(session.setQuiet(id, true), "notice.muted", "mute.error");
      case UNMUTE -> quick(session.setQuiet(id, false), "notice.unmuted", "mute.error");
      case LINK_SHARING_ON ->
          quick(session.setLinkSharing(id, true), "notice.linkSharingOn", "link.error");
      case LINK_SHARING_OFF ->
          quick(session.setLinkSharing(id, false), "notice.linkSharingOff", "link.error");
      case COPY_LINK -> copyLink(id);
      default -> throw new IllegalArgumentException(action + " opens a dialog");
    }
  }

  // ---- the dialogs' ViewModels, for the open conversation ----

  public RenameViewModel rename() {
    return new RenameViewModel(session, ui, requireOpen());
  }

  public AddPeopleViewModel addPeople() {
    return new AddPeopleViewModel(session, ui, timer, requireOpen());
  }

  public RemovePersonViewModel removePerson() {
    return new RemovePersonViewModel(session, ui, requireOpen());
  }

  /** The question before LEAVE, DELETE_HISTORY, HISTORY_OFF or HISTORY_ON. */
  public ConfirmViewModel confirm(Action action) {
    String id = requireOpen();
    ConversationSummary c = summary();
    String title = c == null ? "" : c.title();
    return switch (action) {
      case LEAVE ->
          new ConfirmViewModel(
              ui,
              text.get("leave.title"),
              text.get("leave.message", title),
              text.get("leave.confirm"),
              true,
              () -> session.leave(id),
              "leave.error");
      case DELETE_HISTORY -> {
        Person other = c == null ? null : c.otherPerson();
        yield new ConfirmViewModel(
            ui,
            text.get("delete.title"),
            text.get("delete.message", other == null ? title : other.fullName()),
            text.get("delete.confirm"),
            true,
            () -> session.deleteHistory(id),
            "delete.error");
      }
      case HISTORY_OFF ->
          new ConfirmViewModel(
              ui,
              text.get("historyOff.title"),
              text.get("historyOff.message", title),
              text.get("historyOff.confirm"),
              false,
              () -> session.setOffTheRecord(id, true),
              "history.error");
      case HISTORY_ON ->
          new ConfirmViewModel(
              ui,
              text.get("historyOn.title"),
              text.get("historyOn.message", title),
              text.get("historyOn.confirm"),
              false,
              () -> session.setOffTheRecord(id, false),
              "history.error");
      default -> throw new IllegalArgumentException(action + " asks no question");
    };
  }

  public void dispose() {
    disposed = true;
    setNotice(null);
  }

  // ---- plumbing ----

  private String requireOpen() {
    String id = conversationId.get();
    if (id == null) {
      throw new IllegalStateException("no conversation is open");
    }
    return id;
  }

  private void quick(CompletableFuture<?> request, String doneKey, String errorKey) {
    String id = conversationId.get();
    request.whenComplete(
        (v, failure) ->
            ui.dispatch(
                () -> {
                  if (disposed || !Objects.equals(id, conversationId.get())) {
                    return;
                  }
                  setNotice(
                      failure == null
                          ? new Notice(text.get(doneKey), false)
                          : new Notice(failed(failure, errorKey), true));
                }));
  }

  private void copyLink(String id) {
    session
        .groupLink(id)
        .whenComplete(
            (url, failure) ->
                ui.dispatch(
                    () -> {
                      if (disposed) {
                        return;
                      }
                      if (failure != null) {
                        setNotice(new Notice(failed(failure, "copy.error"), true));
                        return;
                      }
                      clipboard.accept(url);
                      if (Objects.equals(id, conversationId.get())) {
                        setNotice(new Notice(text.get("notice.linkCopied"), false));
                      }
                    }));
  }

  /** "Notifications could not be changed. Cannot reach the server…" */
  private String failed(Throwable failure, String errorKey) {
    String what = text.get(errorKey);
    String why = Failures.describe(text, failure, errorKey);
    return why.equals(what) ? what : what + " " + why;
  }

  private void setNotice(Notice next) {
    if (clearNotice != null) {
      clearNotice.cancel();
      clearNotice = null;
    }
    notice.set(next);
    if (next != null && !disposed) {
      clearNotice = timer.schedule(NOTICE_TIME, () -> notice.set(null));
    }
  }
}
