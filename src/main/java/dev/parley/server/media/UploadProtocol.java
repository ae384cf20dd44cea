package dev.parley.server.media;

import dev.parley.server.media.MediaException.Reason;
import dev.parley.wire.JsonReader;
import dev.parley.wire.JsonWriter;
import dev.parley.wire.MalformedJsonException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies of the two-step image upload, exactly as PROTOCOL.md section 8 and hangups have
 * them. Only the request is parsed; the responses are built. Every body is ASCII-only JSON.
 */
public final class UploadProtocol {
  /** Longest display file name kept, in UTF-16 units. */
  public static final int MAX_FILENAME_LENGTH = 255;

  private static final String RUPIO = "uploader_service.GoogleRupioAdditionalInfo";
  private static final String FALLBACK_FILENAME = "image";

  private UploadProtocol() {}

  /**
   * Parses step 1: {@code {"protocolVersion": "0.8", "createSessionRequest": {"fields":
   * [{"external": {"name": "file", "filename": ..., "put": {}, "size": ...}}]}}}. The field used is
   * the first {@code external} one named {@code file}; {@code protocolVersion} and {@code put} are
   * not checked.
   *
   * @throws MediaException {@link Reason#BAD_REQUEST}, saying which part is missing or wrong
   */
  public static UploadRequest parseRequest(String body) throws MediaException {
    Object root;
    try {
      root = JsonReader.parse(body);
    } catch (MalformedJsonException e) {
      throw badRequest("the body is not JSON: " + e.getMessage());
    }
    Map<?, ?> session =
        requireObject(
            requireObject(root, "the body").get("createSessionRequest"), "createSessionRequest");
    Object fields = session.get("fields");
    if (!(fields instanceof List)) {
      throw badRequest("createSessionRequest.fields must be a list");
    }
    for (Object field : (List<?>) fields) {
      Object external = field instanceof Map ? ((Map<?, ?>) field).get("external") : null;
      if (external instanceof Map && "file".equals(((Map<?, ?>) external).get("name"))) {
        return request((Map<?, ?>) external);
      }
    }
    throw badRequest("createSessionRequest.fields has no external field named \"file\"");
  }

  /** The step-1 response: the session is open and the bytes go to {@code putUrl}. */
  public static String sessionOpened(String putUrl) {
    Map<String, Object> transfer = object("name", "file", "putInfo", object("url", putUrl));
    return JsonWriter.write(
        object(
            "sessionStatus", object("state", "OPEN", "externalFieldTransfers", List.of(transfer))));
  }

  /** The step-2 response: the photo is stored as {@code photoId} and served at {@code url}. */
  public static String finalized(String photoId, String url) {
    Map<String, Object> completion =
        object("status", "SUCCESS", "customerSpecificInfo", object("photoid", photoId, "url", url));
    return JsonWriter.write(
        object("sessionStatus", object("state", "FINALIZED", "additionalInfo", rupio(completion))));
  }

  /** A refusal (sent with HTTP 200): {@code status} is a code such as {@code TOO_LARGE}. */
  public static String refusal(String status, String message) {
    Map<String, Object> completion =
        object("customerSpecificInfo", object("status", status, "message", message));
    return JsonWriter.write(object("errorMessage", object("additionalInfo", rupio(completion))));
  }

  /** The refusal for a media failure: its reason's name and its message. */
  public static String refusal(MediaException e) {
    return refusal(e.reason().name(), e.getMessage());
  }

  /** Keeps the last path segment, drops control characters, caps the length. */
  static String displayName(String filename) {
    String name =
        filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
    StringBuilder sb = new StringBuilder();
    name.codePoints()
        .filter(c -> !Character.isISOControl(c))
        .forEach(
            c -> {
              if (sb.length() + Character.charCount(c) <= MAX_FILENAME_LENGTH) {
                sb.appendCodePoint(c);
              }
            });
    String cleaned = sb.toString().strip();
    return cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")
        ? FALLBACK_FILENAME
        : cleaned;
  }

  private static UploadRequest request(Map<?, ?> external) throws MediaException {
    Object filename = external.get("filename");
    if (!(filename instanceof String)) {
      throw badRequest("the file field needs a \"filename\" string");
    }
    Object size = external.get("size");
    if (!(size instanceof Long) || (Long) size < 0) {
      throw badRequest("the file field needs a \"size\" that is a whole number of bytes");
    }
    return new UploadRequest(displayName((String) filename), (Long) size);
  }

  private static Map<?, ?> requireObject(Object value, String what) throws MediaException {
    if (value instanceof Map) {
      return (Map<?, ?>) value;
    }
    throw badRequest(what + " must be a JSON object");
  }

  private static Map<String, Object> rupio(Map<String, Object> completionInfo) {
    return object(RUPIO, object("completionInfo", completionInfo));
  }

  /** An ordered JSON object from key, value pairs. */
  private static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static MediaException badRequest(String message) {
    return new MediaException(Reason.BAD_REQUEST, message);
  }
}
