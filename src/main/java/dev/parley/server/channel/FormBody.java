package dev.parley.server.channel;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a small {@code application/x-www-form-urlencoded} POST body without blocking, whatever the
 * content type says, and refuses one over a size cap before buffering it.
 */
final class FormBody {
  /** The body passed the cap; answered 413. */
  static final class TooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLargeException(int max) {
      super("form body larger than " + max + " bytes");
    }
  }

  private final Request request;
  private final int maxBytes;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private final CompletableFuture<Map<String, String>> result = new CompletableFuture<>();

  private FormBody(Request request, int maxBytes) {
    this.request = request;
    this.maxBytes = maxBytes;
  }

  /**
   * The decoded fields (the first value of each name). Fails with {@link TooLargeException}, with
   * {@link IllegalArgumentException} for malformed encoding, or with the read failure.
   */
  static CompletableFuture<Map<String, String>> read(Request request, int maxBytes) {
    FormBody reader = new FormBody(request, maxBytes);
    long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    if (declared > maxBytes) {
      reader.result.completeExceptionally(new TooLargeException(maxBytes));
    } else {
      reader.readAvailable();
    }
    return reader.result;
  }

  private void readAvailable() {
    while (true) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        request.demand(this::readAvailable);
        return;
      }
      if (Content.Chunk.isFailure(chunk)) {
        result.completeExceptionally(chunk.getFailure());
        return;
      }
      ByteBuffer buffer = chunk.getByteBuffer();
      if (body.size() + buffer.remaining() > maxBytes) {
        chunk.release();
        result.completeExceptionally(new TooLargeException(maxBytes));
        return;
      }
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      body.write(bytes, 0, bytes.length);
      boolean last = chunk.isLast();
      chunk.release();
      if (last) {
        try {
          result.complete(parse(body.toString(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
          result.completeExceptionally(e);
        }
        return;
      }
    }
  }

  static Map<String, String> parse(String text) {
    if (text.isEmpty()) {
      return Map.of();
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      fields.putIfAbsent(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return Collections.unmodifiableMap(fields);
  }
}
