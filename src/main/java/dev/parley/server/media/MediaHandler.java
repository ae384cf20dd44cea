package dev.parley.server.media;

import dev.parley.server.http.Caller;
import dev.parley.server.http.HttpBodies;
import dev.parley.server.http.RequestAuthenticator;
import dev.parley.server.people.Entities;
import dev.parley.server.storage.MediaRecord;
import dev.parley.server.storage.Store;
import dev.parley.server.storage.StoreTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /media/<id>[?w=<px>]}: the original image or a server-scaled thumbnail, only to its
 * uploader and to participants of conversations it was sent to (avatars: anyone signed in).
 * Anything else is a 404, so ids of other people's images reveal nothing.
 */
public final class MediaHandler extends Handler.Abstract {
  public static final String PREFIX = "/media/";

  private final Store store;
  private final MediaFiles files;
  private final Thumbnailer thumbnailer;
  private final RequestAuthenticator authenticator;

  public MediaHandler(
      Store store, MediaFiles files, Thumbnailer thumbnailer, RequestAuthenticator authenticator) {
    this.store = store;
    this.files = files;
    this.thumbnailer = thumbnailer;
    this.authenticator = authenticator;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
      HttpBodies.sendText(response, callback, 405, "use GET");
      return true;
    }
    Optional<Caller> caller = authenticator.authenticateByCookie(request);
    if (caller.isEmpty()) {
      HttpBodies.sendText(response, callback, 401, "not signed in");
      return true;
    }
    String mediaId = Request.getPathInContext(request).substring(PREFIX.length());
    Optional<MediaRecord> media =
        store.read(
            tx ->
                tx.media(mediaId)
                    .filter(m -> m.complete() && maySee(tx, m, caller.get().accountId())));
    if (media.isEmpty()) {
      HttpBodies.sendText(response, callback, 404, "no such image");
      return true;
    }
    try {
      MediaFile file = file(media.get(), HttpBodies.query(request).get("w"));
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, file.type().mimeType());
      response.getHeaders().put("X-Content-Type-Options", "nosniff");
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "private, max-age=86400");
      response.getHeaders().put("Content-Disposition", "inline");
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, file.size());
      if (HttpMethod.HEAD.is(request.getMethod())) {
        response.write(true, null, callback);
        return true;
      }
      try (InputStream in = file.newInputStream();
          OutputStream out = Content.Sink.asOutputStream(response)) {
        in.transferTo(out);
      }
      callback.succeeded();
    } catch (MediaException e) {
      HttpBodies.sendText(
          response,
          callback,
          e.reason() == MediaException.Reason.NOT_FOUND ? 404 : 422,
          e.getMessage());
    } catch (IOException e) {
      callback.failed(e);
    }
    return true;
  }

  private MediaFile file(MediaRecord media, String width) throws MediaException, IOException {
    if (width == null) {
      return files.open(media.storedName());
    }
    int w;
    try {
      w = Integer.parseInt(width);
    } catch (NumberFormatException e) {
      return files.open(media.storedName());
    }
    return thumbnailer.thumbnail(media.storedName(), w);
  }

  /** The uploader, avatars, or a current participant of a conversation it was sent to. */
  static boolean maySee(StoreTransaction tx, MediaRecord m, String accountId) {
    if (m.ownerId().equals(accountId)) {
      return true;
    }
    for (String conversationId : tx.mediaConversations(m.id())) {
      if (Entities.PUBLIC_MEDIA.equals(conversationId)
          || tx.membership(conversationId, accountId)
              .filter(membership -> membership.isCurrent())
              .isPresent()) {
        return true;
      }
    }
    return false;
  }
}
