package dev.parley.server.conversations;

import dev.parley.server.TimeSource;
import dev.parley.server.http.Caller;
import dev.parley.server.http.HttpBodies;
import dev.parley.server.http.RequestAuthenticator;
import dev.parley.server.rpc.RpcContext;
import dev.parley.server.rpc.RpcRefusedException;
import dev.parley.wire.JsonWriter;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code POST /join/<token>}: a signed-in person joins a group by its shared link. */
public final class JoinHandler extends Handler.Abstract {
  public static final String PREFIX = "/join/";

  private final MembershipRpcs memberships;
  private final RequestAuthenticator authenticator;
  private final TimeSource time;

  public JoinHandler(
      MembershipRpcs memberships, RequestAuthenticator authenticator, TimeSource time) {
    this.memberships = memberships;
    this.authenticator = authenticator;
    this.time = time;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    if (!HttpMethod.POST.is(request.getMethod())) {
      HttpBodies.sendText(response, callback, 405, "use POST to join");
      return true;
    }
    Optional<Caller> caller = authenticator.authenticate(request);
    if (caller.isEmpty()) {
      HttpBodies.sendText(response, callback, 401, "not signed in");
      return true;
    }
    String token = Request.getPathInContext(request).substring(PREFIX.length());
    try {
      String conversationId =
          memberships.joinByLink(new RpcContext(caller.get(), null, time.nowMicros()), token);
      HttpBodies.sendJson(
          response, callback, 200, JsonWriter.write(Map.of("conversation_id", conversationId)));
    } catch (RpcRefusedException e) {
      HttpBodies.sendJson(
          response, callback, 404, JsonWriter.write(Map.of("error", e.getMessage())));
    }
    return true;
  }
}
