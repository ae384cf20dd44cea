package dev.parley.server.channel;

import dev.parley.server.http.Caller;
import dev.parley.server.http.RequestAuthenticator;
import dev.parley.wire.ChannelCodec;
import dev.parley.wire.ChannelSession;
import dev.parley.wire.ChunkWriter;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Serves {@code /client-channel/channel/bind} (PROTOCOL.md section 6.1); the router hands it every
 * request for that path. POST without SID opens a session, GET with SID is the long poll, POST with
 * SID subscribes to services. An unknown or expired SID, or one of another account, gets {@code 400
 * Unknown SID}. {@code RID}, {@code AID} and other parameters are ignored.
 *
 * <p>Threading: the handler authenticates (which may touch storage) on a Jetty pool thread, reads
 * POST bodies asynchronously and never waits for a client; long polls are handed to the {@link
 * ChannelHub} and completed later by a {@link LongPoll}.
 */
public final class ChannelHandler extends Handler.Abstract {
  private static final Pattern SUBSCRIPTION_FIELD = Pattern.compile("req\\d+_p");

  private final ChannelHub hub;
  private final RequestAuthenticator authenticator;

  public ChannelHandler(ChannelHub hub, RequestAuthenticator authenticator) {
    this.hub = hub;
    this.authenticator = authenticator;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Optional<Caller> caller = authenticator.authenticate(request);
    if (caller.isEmpty()) {
      sendText(response, callback, HttpStatus.UNAUTHORIZED_401, "not signed in");
      return true;
    }
    String accountId = caller.get().accountId();
    Fields query = Request.extractQueryParameters(request);
    String sid = query.getValue("SID");
    String method = request.getMethod();
    if (HttpMethod.GET.is(method)) {
      longPoll(request, response, callback, sid, accountId, query);
    } else if (HttpMethod.POST.is(method) && sid == null) {
      newSession(request, response, callback, accountId);
    } else if (HttpMethod.POST.is(method)) {
      subscribe(request, response, callback, sid, accountId, query);
    } else {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, POST");
      sendText(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "use GET or POST");
    }
    return true;
  }

  private Optional<PushSession> session(String sid, String accountId, Fields query) {
    String gsessionId = query.getValue("gsessionid");
    return hub.findSession(sid, accountId)
        .filter(session -> gsessionId == null || gsessionId.equals(session.gsessionId));
  }

  private void longPoll(
      Request request,
      Response response,
      Callback callback,
      String sid,
      String accountId,
      Fields query) {
    Optional<PushSession> session = session(sid, accountId, query);
    if (session.isEmpty() || !hub.openLongPoll(session.get(), request, response, callback)) {
      UnknownSid.send(request, response, callback);
    }
  }

  private void newSession(Request request, Response response, Callback callback, String accountId) {
    FormBody.read(request, hub.config().maxFormBytes())
        .whenComplete(
            (fields, failure) -> {
              if (failure != null) {
                sendFormFailure(response, callback, failure);
                return;
              }
              ChannelSession created;
              try {
                created = hub.createSession(accountId, Request.getRemoteAddr(request));
              } catch (ChannelLimitException e) {
                sendText(response, callback, HttpStatus.TOO_MANY_REQUESTS_429, e.getMessage());
                return;
              } catch (IllegalStateException e) {
                sendText(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, e.getMessage());
                return;
              }
              byte[] body = ChunkWriter.frameBytes(ChannelCodec.buildSessionResponse(created));
              response.setStatus(HttpStatus.OK_200);
              response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
              response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
              response.write(true, ByteBuffer.wrap(body), callback);
            });
  }

  private void subscribe(
      Request request,
      Response response,
      Callback callback,
      String sid,
      String accountId,
      Fields query) {
    Optional<PushSession> found = session(sid, accountId, query);
    if (found.isEmpty()) {
      UnknownSid.send(request, response, callback);
      return;
    }
    PushSession session = found.get();
    FormBody.read(request, hub.config().maxFormBytes())
        .whenComplete(
            (fields, failure) -> {
              if (failure != null) {
                sendFormFailure(response, callback, failure);
              } else if (subscribeAll(session, fields)) {
                sendText(response, callback, HttpStatus.OK_200, "");
              } else {
                UnknownSid.send(request, response, callback);
              }
            });
  }

  /** Subscribes to every known service the {@code reqN_p} fields name; false if expired. */
  private boolean subscribeAll(PushSession session, Map<String, String> fields) {
    boolean live = !session.isExpired();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (!SUBSCRIPTION_FIELD.matcher(field.getKey()).matches()) {
        continue;
      }
      Optional<String> service = ChannelCodec.parseServiceSubscription(field.getValue());
      if (service.filter(ChannelHandler::isKnownService).isPresent()) {
        live = hub.subscribe(session, service.get());
      }
    }
    return live;
  }

  private static boolean isKnownService(String service) {
    return ChannelCodec.SERVICE_BABEL.equals(service)
        || ChannelCodec.SERVICE_PRESENCE.equals(service);
  }

  private static void sendFormFailure(Response response, Callback callback, Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof FormBody.TooLargeException) {
      sendText(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, cause.getMessage());
    } else if (cause instanceof IllegalArgumentException) {
      sendText(response, callback, HttpStatus.BAD_REQUEST_400, "malformed form body");
    } else {
      callback.failed(cause);
    }
  }

  private static void sendText(Response response, Callback callback, int status, String text) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    Content.Sink.write(response, true, text, callback);
  }
}
