package dev.parley.app.manage;

import dev.parley.app.session.Person;
import dev.parley.app.session.SessionService;
import dev.parley.client.NetworkException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A session whose people searches fail with a network error; everything else is {@code inner}. */
final class FailingSearch {
  private FailingSearch() {}

  static SessionService wrap(SessionService inner) {
    return (SessionService)
        Proxy.newProxyInstance(
            SessionService.class.getClassLoader(),
            new Class<?>[] {SessionService.class},
            (proxy, method, args) -> {
              if (method.getName().equals("searchPeople")) {
                return CompletableFuture.<List<Person>>failedFuture(new NetworkException("down"));
              }
              try {
                return method.invoke(inner, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
