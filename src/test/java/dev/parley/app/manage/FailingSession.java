package dev.parley.app.manage;

import dev.parley.app.session.SessionService;
import dev.parley.client.NetworkException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** A session whose chosen requests fail with a network error; everything else is {@code inner}. */
final class FailingSession {
  private FailingSession() {}

  /** People searches fail. */
  static SessionService wrap(SessionService inner) {
    return failing(inner, "searchPeople");
  }

  static SessionService failing(SessionService inner, String... methods) {
    Set<String> failing = Set.of(methods);
    return (SessionService)
        Proxy.newProxyInstance(
            SessionService.class.getClassLoader(),
            new Class<?>[] {SessionService.class},
            (proxy, method, args) -> {
              if (failing.contains(method.getName())) {
                return CompletableFuture.failedFuture(new NetworkException("down"));
              }
              try {
                return method.invoke(inner, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
