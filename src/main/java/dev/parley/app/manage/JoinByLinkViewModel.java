package dev.parley.app.manage;

import dev.parley.app.I18n;
import dev.parley.app.UiDispatcher;
import dev.parley.app.session.SessionService;
import dev.parley.client.RequestRefusedException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Join by link": a pasted {@code http(s)://…/join/<token>} link, checked before it is sent, then
 * joined. A link the server refuses (link sharing off, or a link that was replaced) says so in
 * words; the joined conversation's id is then handed to whoever opens it.
 */
public final class JoinByLinkViewModel {
  private static final String JOIN = "join";

  private final SessionService session;
  private final I18n text = I18n.of(JoinByLinkViewModel.class);
  private final RequestState request;
  private final StringProperty link = new SimpleStringProperty(this, "link", "");
  private final ReadOnlyBooleanWrapper canJoin = new ReadOnlyBooleanWrapper(this, "canJoin");
  private final ReadOnlyObjectWrapper<String> joined = new ReadOnlyObjectWrapper<>(this, "joined");

  public JoinByLinkViewModel(SessionService session, UiDispatcher ui) {
    this.session = Objects.requireNonNull(session, "session");
    this.request = new RequestState(ui, text);
    link.addListener((obs, old, now) -> request.setError(""));
    canJoin.bind(
        Bindings.createBooleanBinding(
            () ->
                !Objects.requireNonNullElse(link.get(), "").isBlank()
                    && !request.busyProperty().get()
                    && !request.doneProperty().get(),
            link,
            request.busyProperty(),
            request.doneProperty()));
  }

  /** The link as pasted. */
  public StringProperty linkProperty() {
    return link;
  }

  public ReadOnlyBooleanProperty canJoinProperty() {
    return canJoin.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return request.busyProperty();
  }

  /** A malformed link, a dead one, or why joining failed; empty when none. */
  public ReadOnlyStringProperty errorProperty() {
    return request.errorProperty();
  }

  /** The id of the conversation joined, once joined (the dialog closes then). */
  public ReadOnlyObjectProperty<String> joinedConversationIdProperty() {
    return joined.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty doneProperty() {
    return request.doneProperty();
  }

  /** Checks the link and joins; a malformed link is reported without asking the server. */
  public void join() {
    if (!canJoin.get()) {
      return;
    }
    String url = link.get().strip();
    if (!isGroupLink(url)) {
      request.setError(text.get("join.malformed"));
      return;
    }
    request.submit(
        () -> session.joinByLink(url),
        joined::set,
        failure ->
            failure instanceof RequestRefusedException
                ? text.get("join.dead")
                : Failures.describe(text, failure, "join.error"));
  }

  public void dispose() {
    request.dispose();
  }

  /** An http(s) link with a host whose path has a non-empty segment after {@code join}. */
  static boolean isGroupLink(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return false;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      return false;
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    List<String> segments = List.of(path.split("/"));
    int at = segments.indexOf(JOIN);
    return at >= 0 && at + 1 < segments.size() && !segments.get(at + 1).isBlank();
  }
}
