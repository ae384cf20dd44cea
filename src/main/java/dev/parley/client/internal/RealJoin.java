package dev.parley.client.internal;

import dev.parley.client.ClientException;
import dev.parley.client.NetworkException;
import dev.parley.client.RequestRefusedException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Joins a group by its shared link: {@code POST /join/<token>} on the client's own server, which
 * answers {@code {"conversation_id": ...}}. Only the token is taken from the link, so the cookies
 * go nowhere but the client's server whatever host the link names.
 */
public final class RealJoin {
  private static final String JOIN = "join";

  private final OkHttpClient http;
  private final HttpUrl base;
  private final AuthHeaders headers;

  public RealJoin(OkHttpClient http, HttpUrl base, AuthHeaders headers) {
    this.http = http;
    this.base = base;
    this.headers = headers;
  }

  /** The conversation joined; fails with {@link RequestRefusedException} for a dead link. */
  public CompletableFuture<String> join(String link) {
    String token = tokenOf(link);
    if (token == null) {
      return CompletableFuture.failedFuture(
          new RequestRefusedException("not a group link: " + link));
    }
    Request request =
        headers
            .apply(
                new Request.Builder()
                    .url(base.newBuilder().addPathSegment(JOIN).addPathSegment(token).build()))
            .post(RequestBody.create(new byte[0], null))
            .build();
    return Http.enqueue(
            http,
            request,
            response -> {
              String text = response.body() == null ? "" : response.body().string();
              if (response.code() == 404) {
                Object error = Http.jsonObject(text).get("error");
                throw new RequestRefusedException(
                    error instanceof String s ? s : "the link does not work any more");
              }
              if (response.code() != 200) {
                throw new RealRpc.HttpStatusException(
                    response.code(), Http.retryAfter(response, null), text);
              }
              Object id = Http.jsonObject(text).get("conversation_id");
              if (id instanceof String s && !s.isEmpty()) {
                return s;
              }
              throw new NetworkException("the join answer names no conversation");
            })
        .handle(
            (id, failure) -> {
              if (failure == null) {
                return id;
              }
              Throwable cause = RealRpc.unwrap(failure);
              ClientException mapped =
                  cause instanceof ClientException known
                      ? known
                      : cause instanceof RealRpc.HttpStatusException status
                          ? status.toClientException("joining")
                          : new NetworkException("joining: " + Http.describe(cause), cause);
              throw new CompletionException(mapped);
            });
  }

  /** The path segment after {@code /join/}, or null. */
  static String tokenOf(String link) {
    HttpUrl url = link == null ? null : HttpUrl.parse(link.strip());
    if (url == null) {
      return null;
    }
    List<String> segments = url.pathSegments();
    int at = segments.indexOf(JOIN);
    if (at < 0 || at + 1 >= segments.size() || segments.get(at + 1).isEmpty()) {
      return null;
    }
    return segments.get(at + 1);
  }
}
