package dev.parley.server.rpc;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import dev.parley.proto.Hangouts.RequestHeader;
import dev.parley.proto.Hangouts.ResponseHeader;
import dev.parley.proto.Hangouts.ResponseStatus;
import dev.parley.server.TimeSource;
import dev.parley.server.http.Caller;
import dev.parley.server.http.HttpBodies;
import dev.parley.server.http.RequestAuthenticator;
import dev.parley.wire.RpcCodec;
import dev.parley.wire.WireException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code POST /chat/v1/<endpoint>} (PROTOCOL.md section 4): binary protobuf or pblite in,
 * the same out (base64 text when asked), the response header filled in; refusals are HTTP 200 with
 * INVALID_REQUEST, undecodable bodies 400, oversized 413, unauthenticated 401.
 */
public final class RpcHandler extends Handler.Abstract {
  public static final String PREFIX = "/chat/v1/";
  private static final Logger LOG = LoggerFactory.getLogger(RpcHandler.class);

  private final RpcRegistry registry;
  private final RequestAuthenticator authenticator;
  private final TimeSource time;
  private final BiConsumer<String, Long> onAuthenticatedCall;

  public RpcHandler(
      RpcRegistry registry,
      RequestAuthenticator authenticator,
      TimeSource time,
      BiConsumer<String, Long> onAuthenticatedCall) {
    this.registry = registry;
    this.authenticator = authenticator;
    this.time = time;
    this.onAuthenticatedCall = onAuthenticatedCall;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    String name = path.substring(PREFIX.length());
    Optional<RpcRegistry.Endpoint<?>> endpoint = registry.find(name);
    if (endpoint.isEmpty()) {
      HttpBodies.sendText(response, callback, 404, "no such endpoint: " + name);
      return true;
    }
    if (!HttpMethod.POST.is(request.getMethod())) {
      response.getHeaders().put("Allow", "POST");
      HttpBodies.sendText(response, callback, 405, "use POST");
      return true;
    }
    Optional<Caller> caller = authenticator.authenticate(request);
    if (caller.isEmpty()) {
      HttpBodies.sendText(response, callback, 401, "not signed in");
      return true;
    }
    Map<String, String> query = HttpBodies.query(request);
    RpcCodec.Encoding encoding;
    try {
      encoding = RpcCodec.Encoding.fromAlt(query.get("alt"));
    } catch (IllegalArgumentException e) {
      HttpBodies.sendText(response, callback, 400, e.getMessage());
      return true;
    }
    Message requestMessage;
    try {
      byte[] body = HttpBodies.readBody(request, HttpBodies.MAX_BODY_BYTES);
      requestMessage = decode(endpoint.get().requestPrototype(), body, encoding);
    } catch (HttpBodies.BodyTooLargeException e) {
      HttpBodies.sendTooLarge(response, callback, e.getMessage());
      return true;
    } catch (IOException e) {
      HttpBodies.sendText(response, callback, 400, "could not read the body: " + e.getMessage());
      return true;
    } catch (WireException e) {
      HttpBodies.sendText(response, callback, 400, "malformed request body: " + e.getMessage());
      return true;
    }
    long now = time.nowMicros();
    onAuthenticatedCall.accept(caller.get().accountId(), now);
    RpcContext ctx = new RpcContext(caller.get(), clientIdOf(requestMessage), now);
    boolean base64 =
        RpcCodec.ENCODE_RESPONSE_BASE64.equalsIgnoreCase(
            request.getHeaders().get(RpcCodec.ENCODE_RESPONSE_HEADER));
    Body body;
    int status = 200;
    try {
      RpcReply reply = endpoint.get().call(ctx, requestMessage);
      ResponseHeader header = header(reply.header(), ResponseStatus.RESPONSE_STATUS_OK, null, now);
      body = encode(reply, header, encoding, base64);
    } catch (RpcRefusedException e) {
      body =
          refusal(
              endpoint.get().requestPrototype(),
              ResponseStatus.RESPONSE_STATUS_INVALID_REQUEST,
              e.getMessage(),
              now,
              encoding,
              base64);
    } catch (RuntimeException e) {
      LOG.error("RPC {} failed", name, e);
      status = 500;
      body =
          refusal(
              endpoint.get().requestPrototype(),
              ResponseStatus.RESPONSE_STATUS_UNEXPECTED_ERROR,
              "internal error",
              now,
              encoding,
              base64);
    }
    HttpBodies.send(response, callback, status, body.contentType(), body.bytes());
    return true;
  }

  /** An encoded response body and its content type. */
  private record Body(String contentType, byte[] bytes) {}

  private static Message decode(Message prototype, byte[] body, RpcCodec.Encoding encoding)
      throws WireException {
    if (encoding == RpcCodec.Encoding.PBLITE) {
      return RpcCodec.decodePblite(new String(body, StandardCharsets.UTF_8), prototype);
    }
    return RpcCodec.decodeProto(body, prototype);
  }

  /** The reply with its header, as pblite, base64 text of the binary, or the binary itself. */
  private static Body encode(
      RpcReply reply, ResponseHeader header, RpcCodec.Encoding encoding, boolean base64) {
    if (encoding == RpcCodec.Encoding.PBLITE) {
      return new Body(
          RpcCodec.CONTENT_TYPE_PBLITE,
          RpcCodec.encodePblite(reply.message(header)).getBytes(StandardCharsets.UTF_8));
    }
    byte[] binary = reply.toByteArray(header);
    if (base64) {
      return new Body("text/plain; charset=us-ascii", Base64.getEncoder().encode(binary));
    }
    return new Body(RpcCodec.CONTENT_TYPE_PROTOBUF, binary);
  }

  /** The client id the request header names: which push session sent this call. */
  private static String clientIdOf(Message request) {
    FieldDescriptor field = request.getDescriptorForType().findFieldByName("request_header");
    if (field == null || !request.hasField(field)) {
      return null;
    }
    RequestHeader header = (RequestHeader) request.getField(field);
    String resource = header.getClientIdentifier().getResource();
    return resource.isEmpty() ? null : resource;
  }

  /** The endpoint's own header with the status, the error and (if it set none) the time. */
  private static ResponseHeader header(
      ResponseHeader own, ResponseStatus status, String error, long now) {
    ResponseHeader.Builder header = own.toBuilder().setStatus(status);
    if (!header.hasCurrentServerTime()) {
      header.setCurrentServerTime(now);
    }
    if (error != null) {
      header.setErrorDescription(error);
    }
    return header.build();
  }

  /** An empty response of the endpoint's response type carrying only the header. */
  private static Body refusal(
      Message requestPrototype,
      ResponseStatus status,
      String error,
      long now,
      RpcCodec.Encoding encoding,
      boolean base64) {
    Descriptor requestType = requestPrototype.getDescriptorForType();
    String responseName = requestType.getName().replaceFirst("Request$", "Response");
    Descriptor responseType = requestType.getFile().findMessageTypeByName(responseName);
    RpcReply reply = RpcReply.of(DynamicMessage.newBuilder(responseType));
    return encode(reply, header(reply.header(), status, error, now), encoding, base64);
  }
}
