package dev.parley.client.internal;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.parley.client.AuthenticationException;
import dev.parley.client.ClientException;
import dev.parley.client.ConversationTypeException;
import dev.parley.client.NetworkException;
import dev.parley.client.RateLimitedException;
import dev.parley.client.RequestRefusedException;
import dev.parley.client.RetryPolicy;
import dev.parley.proto.Hangouts.ResponseHeader;
import dev.parley.proto.Hangouts.ResponseStatus;
import dev.parley.wire.MalformedProtobufException;
import dev.parley.wire.RpcCodec;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@code POST /chat/v1/<endpoint>?alt=proto} with a binary protobuf body and a base64 answer,
 * or a binary one where the {@link Endpoint} asks for it (PROTOCOL.md section 4.1), and maps every
 * failure to a {@link ClientException}: 401 {@link AuthenticationException}, 429 {@link
 * RateLimitedException}, other 4xx and {@code INVALID_REQUEST} {@link RequestRefusedException} (or
 * {@link ConversationTypeException}), 5xx, I/O failures and undecodable answers {@link
 * NetworkException}.
 *
 * <p>Retries follow the {@link RetryPolicy}: a {@code retrySafe} call is retried after an I/O
 * failure or a 5xx, any other only when the connection could not be opened (the request never
 * left). Futures complete on OkHttp's threads; the client hops them to its callback executor.
 */
public final class RealRpc {
  private static final Logger LOG = LoggerFactory.getLogger(RealRpc.class);
  private static final MediaType PROTOBUF = MediaType.get(RpcCodec.CONTENT_TYPE_PROTOBUF);
  private static final String TYPE_REFUSAL = "only group conversations";

  private final OkHttpClient http;
  private final HttpUrl base;
  private final AuthHeaders headers;
  private final RetryPolicy retry;
  private final RandomGenerator random;

  public RealRpc(
      OkHttpClient http,
      HttpUrl base,
      AuthHeaders headers,
      RetryPolicy retry,
      RandomGenerator random) {
    this.http = http;
    this.base = base;
    this.headers = headers;
    this.retry = retry;
    this.random = random;
  }

  /** Parses a binary answer. */
  @FunctionalInterface
  public interface BinaryParser<R> {
    R parse(byte[] body) throws MalformedProtobufException;
  }

  /**
   * Looks at the first bytes of a binary answer while the rest is still on its way, for a caller
   * that can act on how an answer begins before all of it is there.
   */
  public interface Peek {
    /** How many bytes to look at; fewer when the answer is shorter. */
    int length();

    /**
     * The first bytes of a successful binary answer, on the I/O thread before the answer is parsed,
     * once per attempt. Must not block; what it throws is logged and ignored.
     */
    void accept(byte[] prefix);
  }

  /** Calls {@code endpoint}. Cancelling the returned future cancels the call in flight. */
  public <R extends Message> CompletableFuture<R> call(
      Endpoint endpoint, Message request, R prototype) {
    return call(endpoint, request, prototype, body -> RpcCodec.decodeProto(body, prototype));
  }

  /** As {@link #call(Endpoint, Message, Message)}, a binary answer parsed by {@code binary}. */
  public <R extends Message> CompletableFuture<R> call(
      Endpoint endpoint, Message request, R prototype, BinaryParser<R> binary) {
    return call(endpoint, request, prototype, binary, null);
  }

  /**
   * As {@link #call(Endpoint, Message, Message, BinaryParser)}, showing the first bytes of a binary
   * answer to {@code peek} (null: none) before the rest is read.
   */
  public <R extends Message> CompletableFuture<R> call(
      Endpoint endpoint, Message request, R prototype, BinaryParser<R> binary, Peek peek) {
    CompletableFuture<R> result = new CompletableFuture<>();
    attempt(endpoint, request.toByteArray(), prototype, binary, peek, 1, result);
    return result;
  }

  private <R extends Message> void attempt(
      Endpoint endpoint,
      byte[] body,
      R prototype,
      BinaryParser<R> binary,
      Peek peek,
      int attempt,
      CompletableFuture<R> result) {
    if (result.isDone()) {
      return;
    }
    Request.Builder builder = headers.apply(new Request.Builder().url(url(endpoint.path())));
    if (!endpoint.binaryAnswer()) {
      builder.header(RpcCodec.ENCODE_RESPONSE_HEADER, RpcCodec.ENCODE_RESPONSE_BASE64);
    }
    Request request = builder.post(RequestBody.create(body, PROTOBUF)).build();
    CompletableFuture<R> call =
        Http.enqueue(
            http, request, response -> decode(endpoint.path(), response, prototype, binary, peek));
    result.whenComplete(
        (v, e) -> {
          if (result.isCancelled()) {
            call.cancel(true);
          }
        });
    call.whenComplete(
        (value, failure) -> {
          if (failure == null) {
            result.complete(value);
            return;
          }
          Throwable cause = unwrap(failure);
          if (attempt < retry.maxAttempts()
              && retryable(cause, endpoint.retrySafe())
              && !result.isDone()) {
            Duration delay = retry.backoff().delay(attempt, random);
            LOG.debug(
                "{} failed ({}); retry {} in {}",
                endpoint.path(),
                Http.describe(cause),
                attempt,
                delay);
            CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS)
                .execute(
                    () -> attempt(endpoint, body, prototype, binary, peek, attempt + 1, result));
            return;
          }
          result.completeExceptionally(toClientException(endpoint.path(), cause));
        });
  }

  private HttpUrl url(String endpoint) {
    HttpUrl.Builder builder = base.newBuilder().addPathSegment("chat").addPathSegment("v1");
    for (String segment : endpoint.split("/")) {
      builder.addPathSegment(segment);
    }
    return builder.addQueryParameter("alt", "proto").build();
  }

  /** The answer: binary when the server says so by its content type, else base64 text. */
  private static <R extends Message> R decode(
      String endpoint, Response response, R prototype, BinaryParser<R> binary, Peek peek)
      throws Exception {
    ResponseBody responseBody = response.body();
    boolean isBinary =
        response.header("Content-Type", "").startsWith(RpcCodec.CONTENT_TYPE_PROTOBUF);
    if (peek != null && response.code() == 200 && isBinary && responseBody != null) {
      peek(responseBody.source(), peek);
    }
    byte[] body = responseBody == null ? new byte[0] : responseBody.bytes();
    if (response.code() != 200) {
      throw new HttpStatusException(
          response.code(),
          Http.retryAfter(response, null),
          new String(body, StandardCharsets.UTF_8));
    }
    R message = isBinary ? binary.parse(body) : RpcCodec.decodeBase64Proto(body, prototype);
    ResponseHeader header = responseHeader(message);
    if (header.getStatus() == ResponseStatus.RESPONSE_STATUS_OK) {
      return message;
    }
    String description = header.getErrorDescription();
    if (header.getStatus() == ResponseStatus.RESPONSE_STATUS_INVALID_REQUEST) {
      if (description.toLowerCase(Locale.ROOT).contains(TYPE_REFUSAL)) {
        throw new ConversationTypeException(description);
      }
      throw new RequestRefusedException(
          description.isEmpty() ? endpoint + " was refused" : description);
    }
    throw new NetworkException(
        endpoint + " failed with status " + header.getStatus() + ": " + description);
  }

  /** Shows {@code peek} the first bytes once they arrived, leaving them to be read. */
  private static void peek(BufferedSource source, Peek peek) throws IOException {
    source.request(peek.length());
    Buffer arrived = source.getBuffer();
    byte[] prefix = arrived.snapshot((int) Math.min(arrived.size(), peek.length())).toByteArray();
    try {
      peek.accept(prefix);
    } catch (RuntimeException e) {
      LOG.warn("looking at the start of an answer failed", e);
    }
  }

  /** The response_header every response message has as field 1. */
  static ResponseHeader responseHeader(Message message) {
    FieldDescriptor field = message.getDescriptorForType().findFieldByName("response_header");
    if (field == null || !message.hasField(field)) {
      return ResponseHeader.getDefaultInstance();
    }
    return (ResponseHeader) message.getField(field);
  }

  private static boolean retryable(Throwable cause, boolean retrySafe) {
    if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
      return true;
    }
    if (!retrySafe) {
      return false;
    }
    if (cause instanceof HttpStatusException status) {
      return status.code >= 500;
    }
    if (cause instanceof InterruptedIOException
        && "canceled".equalsIgnoreCase(cause.getMessage())) {
      return false;
    }
    return cause instanceof IOException;
  }

  private static ClientException toClientException(String endpoint, Throwable cause) {
    if (cause instanceof ClientException known) {
      return known;
    }
    if (cause instanceof HttpStatusException status) {
      return status.toClientException(endpoint);
    }
    if (cause instanceof MalformedProtobufException) {
      return new NetworkException(endpoint + ": the answer is not the protocol", cause);
    }
    if (cause instanceof IOException) {
      return new NetworkException(endpoint + ": " + Http.describe(cause), cause);
    }
    return new NetworkException(endpoint + " failed: " + Http.describe(cause), cause);
  }

  static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** A non-200 answer, carried from the I/O thread to the mapping. */
  static final class HttpStatusException extends Exception {
    private static final long serialVersionUID = 1L;
    final int code;
    final transient Duration retryAfter;

    HttpStatusException(int code, Duration retryAfter, String body) {
      super("HTTP " + code + (body.isBlank() ? "" : ": " + abbreviate(body)));
      this.code = code;
      this.retryAfter = retryAfter;
    }

    ClientException toClientException(String what) {
      if (code == 401) {
        return new AuthenticationException(what + ": not signed in (" + getMessage() + ")");
      }
      if (code == 429) {
        return new RateLimitedException(
            what + ": rate limited", retryAfter == null ? Duration.ofSeconds(1) : retryAfter);
      }
      if (code >= 400 && code < 500) {
        return new RequestRefusedException(what + ": " + getMessage());
      }
      return new NetworkException(what + ": " + getMessage());
    }

    private static String abbreviate(String body) {
      String oneLine = body.strip().replaceAll("\\s+", " ");
      return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
  }
}
