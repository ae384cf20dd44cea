package dev.parley.server.media;

import dev.parley.server.TimeSource;
import dev.parley.server.conversations.Ids;
import dev.parley.server.http.Caller;
import dev.parley.server.http.HttpBodies;
import dev.parley.server.http.RequestAuthenticator;
import dev.parley.server.storage.MediaRecord;
import dev.parley.server.storage.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The two-step resumable upload of PROTOCOL.md section 8: a JSON request opens an upload and names
 * its URL; the bytes posted there are streamed to disk (refused once over the size cap, before they
 * are buffered), checked to be an image and recorded as a photo of the uploader.
 */
public final class UploadHandler extends Handler.Abstract {
  public static final String PATH = "/upload/photos/resumable";
  private static final int MAX_REQUEST_JSON = 64 * 1024;

  private final Store store;
  private final MediaFiles files;
  private final RequestAuthenticator authenticator;
  private final Ids ids;
  private final TimeSource time;
  private final String publicUrl;

  public UploadHandler(
      Store store,
      MediaFiles files,
      RequestAuthenticator authenticator,
      Ids ids,
      TimeSource time,
      String publicUrl) {
    this.store = store;
    this.files = files;
    this.authenticator = authenticator;
    this.ids = ids;
    this.time = time;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    if (!HttpMethod.POST.is(request.getMethod())) {
      HttpBodies.sendText(response, callback, 405, "use POST");
      return true;
    }
    Optional<Caller> caller = authenticator.authenticate(request);
    if (caller.isEmpty()) {
      HttpBodies.sendText(response, callback, 401, "not signed in");
      return true;
    }
    String uploadId = HttpBodies.query(request).get("upload_id");
    try {
      String body =
          uploadId == null ? open(request, caller.get()) : receive(request, caller.get(), uploadId);
      HttpBodies.sendJson(response, callback, 200, body);
    } catch (MediaException e) {
      if (uploadId != null) {
        // The refused image may not have been read to its end: do not reuse the connection.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
      }
      HttpBodies.sendJson(response, callback, 200, UploadProtocol.refusal(e));
    } catch (HttpBodies.BodyTooLargeException e) {
      HttpBodies.sendTooLarge(response, callback, e.getMessage());
    } catch (IOException e) {
      HttpBodies.sendText(response, callback, 400, "could not read the upload: " + e.getMessage());
    }
    return true;
  }

  private String open(Request request, Caller caller) throws MediaException, IOException {
    String json =
        new String(HttpBodies.readBody(request, MAX_REQUEST_JSON), StandardCharsets.UTF_8);
    UploadRequest upload = UploadProtocol.parseRequest(json);
    files.limits().checkBytes(upload.size());
    String mediaId = ids.token(16);
    String uploadId = ids.token(18);
    String fileName = displayName(upload.filename());
    store.write(
        tx -> {
          tx.insertMedia(
              new MediaRecord(
                  mediaId,
                  caller.accountId(),
                  uploadId,
                  fileName,
                  null,
                  0,
                  0,
                  upload.size(),
                  null,
                  false,
                  time.nowMicros()));
          return null;
        });
    return UploadProtocol.sessionOpened(publicUrl + PATH + "?upload_id=" + uploadId);
  }

  private String receive(Request request, Caller caller, String uploadId)
      throws MediaException, IOException {
    MediaRecord media =
        store
            .read(tx -> tx.mediaByUploadId(uploadId))
            .filter(m -> m.ownerId().equals(caller.accountId()) && !m.complete())
            .orElseThrow(
                () -> new MediaException(MediaException.Reason.NOT_FOUND, "unknown upload id"));
    long declared = request.getLength();
    if (declared > files.limits().maxBytes()) {
      throw new MediaException(
          MediaException.Reason.TOO_LARGE,
          "the image is over " + files.limits().maxBytes() + " bytes");
    }
    StoredMedia stored;
    try (InputStream in = Content.Source.asInputStream(request)) {
      stored = files.store(in, files.limits().maxBytes());
    }
    store.write(
        tx -> {
          tx.updateMedia(
              new MediaRecord(
                  media.id(),
                  media.ownerId(),
                  media.uploadId(),
                  media.fileName(),
                  stored.info().type().mimeType(),
                  stored.info().width(),
                  stored.info().height(),
                  stored.size(),
                  stored.name(),
                  true,
                  media.createdAt()));
          return null;
        });
    return UploadProtocol.finalized(media.id(), publicUrl + "/media/" + media.id());
  }

  /** The client's file name, kept only for display: no paths, no controls, bounded. */
  static String displayName(String name) {
    if (name == null) {
      return "image";
    }
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    StringBuilder sb = new StringBuilder();
    base.codePoints()
        .filter(c -> !Character.isISOControl(c))
        .limit(200)
        .forEach(sb::appendCodePoint);
    return sb.length() == 0 ? "image" : sb.toString();
  }
}
