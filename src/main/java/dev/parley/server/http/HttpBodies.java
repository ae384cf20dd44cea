package dev.parley.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.UrlEncoded;

/** Reading bounded request bodies and writing small responses with Jetty's core API. */
public final class HttpBodies {
  /** Request bodies above this are refused with 413 (uploads excepted). */
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  private HttpBodies() {}

  /** Thrown when a body is larger than allowed; answered with 413. */
  public static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(long limit) {
      super("request body over " + limit + " bytes");
    }
  }

  /** Oversized bodies up to this size are read and dropped, so the client sees the 413. */
  private static final long DRAIN_LIMIT = 8L * 1024 * 1024;

  /**
   * Reads the whole body, refusing more than {@code limit} bytes before buffering them. A body a
   * little over the limit is read to its end and dropped first: answering while the client is still
   * sending would break its connection before it reads the 413.
   */
  public static byte[] readBody(Request request, int limit) throws IOException {
    long declared = request.getLength();
    try (InputStream in = Content.Source.asInputStream(request)) {
      if (declared > limit) {
        if (declared <= DRAIN_LIMIT) {
          drain(in, DRAIN_LIMIT);
        }
        throw new BodyTooLargeException(limit);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
      byte[] buffer = new byte[8192];
      int total = 0;
      int n;
      while ((n = in.read(buffer)) != -1) {
        total += n;
        if (total > limit) {
          drain(in, DRAIN_LIMIT - total);
          throw new BodyTooLargeException(limit);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }

  private static void drain(InputStream in, long atMost) throws IOException {
    byte[] buffer = new byte[8192];
    long left = atMost;
    int n;
    while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) != -1) {
      left -= n;
    }
  }

  /** A form body ({@code application/x-www-form-urlencoded}) as name to first value. */
  public static Map<String, String> readForm(Request request, int limit) throws IOException {
    String body = new String(readBody(request, limit), StandardCharsets.UTF_8);
    Fields fields = new Fields();
    try {
      UrlEncoded.decodeUtf8To(body, fields);
    } catch (RuntimeException e) {
      throw new IOException("malformed form body", e);
    }
    Map<String, String> form = new LinkedHashMap<>();
    for (Fields.Field field : fields) {
      form.put(field.getName(), field.getValue());
    }
    return form;
  }

  /** Query parameters as name to first value. */
  public static Map<String, String> query(Request request) {
    Map<String, String> query = new LinkedHashMap<>();
    String raw = request.getHttpURI().getQuery();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    Fields fields = new Fields();
    try {
      UrlEncoded.decodeUtf8To(raw, fields);
    } catch (RuntimeException e) {
      return query;
    }
    for (Fields.Field field : fields) {
      query.putIfAbsent(field.getName(), field.getValue());
    }
    return query;
  }

  public static void send(
      Response response, Callback callback, int status, String contentType, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /**
   * 413, and the connection closes: the unread rest of the body makes it useless, and a client must
   * not send its next request on it.
   */
  public static void sendTooLarge(Response response, Callback callback, String message) {
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    sendText(response, callback, 413, message);
  }

  public static void sendText(Response response, Callback callback, int status, String text) {
    send(
        response,
        callback,
        status,
        "text/plain; charset=utf-8",
        text.getBytes(StandardCharsets.UTF_8));
  }

  public static void sendJson(Response response, Callback callback, int status, String json) {
    send(
        response,
        callback,
        status,
        "application/json; charset=utf-8",
        json.getBytes(StandardCharsets.UTF_8));
  }
}
