package dev.parley.client.internal;

import dev.parley.wire.JsonReader;
import dev.parley.wire.MalformedJsonException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The one OkHttp client of the library. Every {@code Client} and {@code Auth} derives its own
 * timeouts from it with {@link OkHttpClient#newBuilder()}, which shares the connection pool and the
 * dispatcher. The dispatcher's threads are daemons, so an idle library never keeps the JVM alive.
 */
public final class Http {
  private static final OkHttpClient SHARED = build();

  private Http() {}

  public static OkHttpClient shared() {
    return SHARED;
  }

  /** A client with these timeouts, sharing the pool and dispatcher. */
  public static OkHttpClient withTimeouts(
      Duration connect, Duration read, Duration write, Duration call) {
    return SHARED
        .newBuilder()
        .connectTimeout(connect)
        .readTimeout(read)
        .writeTimeout(write)
        .callTimeout(call)
        .build();
  }

  private static OkHttpClient build() {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            Threads.daemonFactory("parley-http"));
    Dispatcher dispatcher = new Dispatcher(executor);
    dispatcher.setMaxRequests(128);
    dispatcher.setMaxRequestsPerHost(64);
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(30))
        .writeTimeout(Duration.ofSeconds(30))
        .callTimeout(Duration.ofSeconds(60))
        .followRedirects(false)
        .build();
  }

  /** Reads a response on the I/O thread and turns it into a value (or throws). */
  @FunctionalInterface
  public interface ResponseHandler<T> {
    T handle(Response response) throws Exception;
  }

  /**
   * Runs the call asynchronously; the future completes on an OkHttp thread with the handler's
   * value, or exceptionally with the IOException or the handler's exception. Cancelling the future
   * cancels the call.
   */
  public static <T> CompletableFuture<T> enqueue(
      OkHttpClient client, Request request, ResponseHandler<T> handler) {
    CompletableFuture<T> future = new CompletableFuture<>();
    Call call = client.newCall(request);
    future.whenComplete(
        (value, failure) -> {
          if (future.isCancelled()) {
            call.cancel();
          }
        });
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call c, IOException e) {
            future.completeExceptionally(e);
          }

          @Override
          public void onResponse(Call c, Response response) {
            try (response) {
              future.complete(handler.handle(response));
            } catch (Exception | LinkageError e) {
              future.completeExceptionally(e);
            }
          }
        });
    return future;
  }

  /** A JSON object body, or an empty map when the body is not a JSON object. */
  public static Map<?, ?> jsonObject(String body) {
    try {
      Object parsed = JsonReader.parse(body);
      return parsed instanceof Map ? (Map<?, ?>) parsed : Map.of();
    } catch (MalformedJsonException | RuntimeException e) {
      return Map.of();
    }
  }

  /** The value at a path of nested JSON objects, or null. */
  public static Object path(Object root, String... keys) {
    Object current = root;
    for (String key : keys) {
      if (!(current instanceof Map)) {
        return null;
      }
      current = ((Map<?, ?>) current).get(key);
    }
    return current;
  }

  /** {@code Retry-After} in seconds or as an HTTP date; {@code fallback} when absent or odd. */
  public static Duration retryAfter(Response response, Duration fallback) {
    String value = response.header("Retry-After");
    if (value == null) {
      return fallback;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
    } catch (NumberFormatException e) {
      try {
        java.time.Instant at =
            java.time.ZonedDateTime.parse(
                    value.strip(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant();
        Duration wait = Duration.between(java.time.Instant.now(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (java.time.format.DateTimeParseException notADate) {
        return fallback;
      }
    }
  }

  /** A short description of a failure for logs and connection states. */
  public static String describe(Throwable t) {
    String message = t.getMessage();
    String name = t.getClass().getSimpleName();
    return message == null || message.isBlank() ? name : name + ": " + message;
  }
}
