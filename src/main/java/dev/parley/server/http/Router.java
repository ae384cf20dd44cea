package dev.parley.server.http;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Routes by path alone (PROTOCOL.md section 2): the Host header is ignored and absolute-form
 * request lines are served like any other. First matching prefix wins.
 */
public final class Router extends Handler.Abstract {
  private record Route(String prefix, boolean exact, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();

  /** Serves {@code path} exactly. */
  public Router exact(String path, Handler handler) {
    routes.add(new Route(path, true, handler));
    return this;
  }

  /** Serves every path that starts with {@code prefix}. */
  public Router prefix(String prefix, Handler handler) {
    routes.add(new Route(prefix, false, handler));
    return this;
  }

  @Override
  protected void doStart() throws Exception {
    for (Route route : routes) {
      if (route.handler.getServer() == null) {
        route.handler.setServer(getServer());
      }
      if (!route.handler.isStarted()) {
        route.handler.start();
      }
    }
    super.doStart();
  }

  @Override
  protected void doStop() throws Exception {
    super.doStop();
    for (Route route : routes) {
      route.handler.stop();
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    for (Route route : routes) {
      boolean match = route.exact ? path.equals(route.prefix) : path.startsWith(route.prefix);
      if (match) {
        return route.handler.handle(request, response, callback);
      }
    }
    HttpBodies.sendText(response, callback, 404, "not found");
    return true;
  }
}
