package dev.parley.server.http;

import java.util.Optional;
import org.eclipse.jetty.server.Request;

/**
 * Decides who sent a request from its cookies and SAPISIDHASH header (PROTOCOL.md section 3). Empty
 * means not authenticated; the handler answers 401.
 */
@FunctionalInterface
public interface RequestAuthenticator {
  Optional<Caller> authenticate(Request request);

  /** As {@link #authenticate} but for {@code /media/}, where only cookies are required. */
  default Optional<Caller> authenticateByCookie(Request request) {
    return authenticate(request);
  }
}
