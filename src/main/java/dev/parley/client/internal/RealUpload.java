package dev.parley.client.internal;

import dev.parley.client.ClientException;
import dev.parley.client.NetworkException;
import dev.parley.client.RequestRefusedException;
import dev.parley.client.UploadedImage;
import dev.parley.wire.JsonWriter;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * The two-step image upload of PROTOCOL.md section 8: open an upload session, then send the bytes
 * to the URL it names, reporting progress as they go out. The second URL's path and query are
 * resolved against the client's own server, so the cookies never go to another host.
 */
public final class RealUpload {
  private static final String RUPIO = "uploader_service.GoogleRupioAdditionalInfo";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final MediaType OCTETS = MediaType.get("application/octet-stream");
  private static final int SLICE = 16 * 1024;

  private final OkHttpClient http;
  private final HttpUrl base;
  private final AuthHeaders headers;

  public RealUpload(OkHttpClient http, HttpUrl base, AuthHeaders headers) {
    this.http = http;
    this.base = base;
    this.headers = headers;
  }

  /**
   * Uploads {@code image}; {@code progress} is told (bytes sent, total) on the I/O thread as the
   * body is written, ending with (total, total).
   */
  public CompletableFuture<UploadedImage> upload(
      byte[] image, String fileName, BiConsumer<Long, Long> progress) {
    String request =
        JsonWriter.write(
            Map.of(
                "protocolVersion",
                "0.8",
                "createSessionRequest",
                Map.of(
                    "fields",
                    List.of(
                        Map.of(
                            "external",
                            Map.of(
                                "name",
                                "file",
                                "filename",
                                fileName,
                                "put",
                                Map.of(),
                                "size",
                                (long) image.length))))));
    HttpUrl url =
        base.newBuilder()
            .addPathSegment("upload")
            .addPathSegment("photos")
            .addPathSegment("resumable")
            .addQueryParameter("alt", "json")
            .build();
    Request open =
        headers
            .apply(new Request.Builder().url(url))
            .post(RequestBody.create(request, JSON))
            .build();
    return Http.enqueue(http, open, this::putUrl)
        .thenCompose(
            putUrl -> {
              Request put =
                  headers
                      .apply(new Request.Builder().url(putUrl))
                      .post(new ProgressBody(image, progress))
                      .build();
              return Http.enqueue(http, put, RealUpload::finished);
            })
        .handle(
            (uploaded, failure) -> {
              if (failure == null) {
                return uploaded;
              }
              throw new java.util.concurrent.CompletionException(toClientException(failure));
            });
  }

  private HttpUrl putUrl(Response response) throws Exception {
    Map<?, ?> body = json(response);
    refusal(body);
    Object transfers = Http.path(body, "sessionStatus", "externalFieldTransfers");
    if (transfers instanceof List<?> list && !list.isEmpty()) {
      Object putUrl = Http.path(list.get(0), "putInfo", "url");
      HttpUrl named = putUrl instanceof String s ? HttpUrl.parse(s) : null;
      if (named != null) {
        String pathAndQuery =
            named.encodedPath() + (named.encodedQuery() == null ? "" : "?" + named.encodedQuery());
        HttpUrl resolved = base.resolve(pathAndQuery);
        if (resolved != null) {
          return resolved;
        }
      }
    }
    throw new NetworkException("the upload session response names no upload URL");
  }

  private static UploadedImage finished(Response response) throws Exception {
    Map<?, ?> body = json(response);
    refusal(body);
    Object info =
        Http.path(
            body,
            "sessionStatus",
            "additionalInfo",
            RUPIO,
            "completionInfo",
            "customerSpecificInfo");
    Object photoId = Http.path(info, "photoid");
    Object url = Http.path(info, "url");
    if (photoId instanceof String id && !id.isEmpty()) {
      return new UploadedImage(id, url instanceof String u ? u : null);
    }
    throw new NetworkException("the upload finished without a photo id");
  }

  private static Map<?, ?> json(Response response) throws Exception {
    String text = response.body() == null ? "" : response.body().string();
    if (response.code() != 200) {
      throw new RealRpc.HttpStatusException(response.code(), Http.retryAfter(response, null), text);
    }
    return Http.jsonObject(text);
  }

  private static void refusal(Map<?, ?> body) throws RequestRefusedException {
    Object info =
        Http.path(
            body,
            "errorMessage",
            "additionalInfo",
            RUPIO,
            "completionInfo",
            "customerSpecificInfo");
    if (info != null) {
      Object status = Http.path(info, "status");
      Object message = Http.path(info, "message");
      throw new RequestRefusedException(
          "the image was refused: " + (message != null ? message : status));
    }
  }

  private static ClientException toClientException(Throwable failure) {
    Throwable cause = RealRpc.unwrap(failure);
    if (cause instanceof ClientException known) {
      return known;
    }
    if (cause instanceof RealRpc.HttpStatusException status) {
      return status.toClientException("upload");
    }
    return new NetworkException("upload: " + Http.describe(cause), cause);
  }

  /** The image bytes, written in slices with a progress report after each. */
  private static final class ProgressBody extends RequestBody {
    private final byte[] bytes;
    private final BiConsumer<Long, Long> progress;

    ProgressBody(byte[] bytes, BiConsumer<Long, Long> progress) {
      this.bytes = bytes;
      this.progress = progress;
    }

    @Override
    public MediaType contentType() {
      return OCTETS;
    }

    @Override
    public long contentLength() {
      return bytes.length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      long total = bytes.length;
      int offset = 0;
      progress.accept(0L, total);
      while (offset < bytes.length) {
        int n = Math.min(SLICE, bytes.length - offset);
        sink.write(bytes, offset, n);
        sink.flush();
        offset += n;
        progress.accept((long) offset, total);
      }
    }
  }
}
