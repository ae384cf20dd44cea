package dev.parley.client.internal;

import dev.parley.client.ClientException;
import dev.parley.client.NetworkException;
import dev.parley.client.RequestRefusedException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import okhttp3.Cache;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * {@code GET /media/<id>} (PROTOCOL.md section 8) with the session's cookies, through an optional
 * bounded disk cache that honours the server's {@code Cache-Control}. Only the client's own server
 * gets the cookies: a {@code /media/} URL is fetched from it whatever host the URL names (the
 * server's public URL may differ from the address the client uses), any other URL only when it is
 * on the client's own origin. Answers must be images and at most {@code maxBytes} long.
 */
public final class RealMedia {
  /** One cache per directory in this process: two caches on one directory would corrupt it. */
  private static final Map<File, Cache> CACHES = new HashMap<>();

  private final OkHttpClient http;
  private final HttpUrl base;
  private final AuthHeaders headers;
  private final long maxBytes;

  /**
   * @param cacheDir where to keep fetched media, or null for no cache
   * @param cacheMaxBytes the cache's bound
   */
  public RealMedia(
      OkHttpClient http,
      HttpUrl base,
      AuthHeaders headers,
      long maxBytes,
      Path cacheDir,
      long cacheMaxBytes) {
    this.http =
        cacheDir == null ? http : http.newBuilder().cache(cache(cacheDir, cacheMaxBytes)).build();
    this.base = base;
    this.headers = headers;
    this.maxBytes = maxBytes;
  }

  private static Cache cache(Path dir, long maxBytes) {
    File key = dir.toAbsolutePath().normalize().toFile();
    synchronized (CACHES) {
      return CACHES.computeIfAbsent(key, d -> new Cache(d, maxBytes));
    }
  }

  /** The bytes at {@code url}; completes on an I/O thread with them or a ClientException. */
  public CompletableFuture<byte[]> fetch(String url) {
    HttpUrl target;
    try {
      target = target(url);
    } catch (ClientException e) {
      return CompletableFuture.failedFuture(e);
    }
    Request request = headers.applyCookies(new Request.Builder().url(target)).get().build();
    return Http.enqueue(http, request, this::read)
        .handle(
            (bytes, failure) -> {
              if (failure == null) {
                return bytes;
              }
              throw new CompletionException(toClientException(failure));
            });
  }

  private HttpUrl target(String url) throws ClientException {
    HttpUrl parsed = url == null ? null : base.resolve(url);
    if (parsed == null) {
      throw new RequestRefusedException("not a media URL: " + url);
    }
    if (parsed.encodedPath().startsWith("/media/")) {
      String pathAndQuery =
          parsed.encodedPath() + (parsed.encodedQuery() == null ? "" : "?" + parsed.encodedQuery());
      HttpUrl own = base.resolve(pathAndQuery);
      if (own != null) {
        return own;
      }
    }
    if (AuthHeaders.originOf(parsed).equals(AuthHeaders.originOf(base))) {
      return parsed;
    }
    throw new RequestRefusedException("not a media URL of this server: " + url);
  }

  private byte[] read(Response response) throws Exception {
    ResponseBody body = response.body();
    if (response.code() != 200) {
      String text = body == null ? "" : response.peekBody(512).string();
      throw new RealRpc.HttpStatusException(response.code(), Http.retryAfter(response, null), text);
    }
    String type = response.header("content-type", "");
    if (!type.toLowerCase(Locale.ROOT).startsWith("image/")) {
      throw new RequestRefusedException(
          "not an image: " + (type.isEmpty() ? "no content type" : type));
    }
    if (body == null) {
      throw new NetworkException("the media response has no body");
    }
    if (body.contentLength() > maxBytes) {
      throw new RequestRefusedException("the image is over " + maxBytes + " bytes");
    }
    ByteArrayOutputStream out =
        new ByteArrayOutputStream((int) Math.max(0, Math.min(body.contentLength(), 1 << 20)));
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = body.byteStream()) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        if (out.size() + (long) n > maxBytes) {
          throw new RequestRefusedException("the image is over " + maxBytes + " bytes");
        }
        out.write(buffer, 0, n);
      }
    }
    return out.toByteArray();
  }

  private static ClientException toClientException(Throwable failure) {
    Throwable cause = RealRpc.unwrap(failure);
    if (cause instanceof ClientException known) {
      return known;
    }
    if (cause instanceof RealRpc.HttpStatusException status) {
      return status.toClientException("media");
    }
    return new NetworkException("media: " + Http.describe(cause), cause);
  }
}
