package dev.parley.client;

import java.util.Objects;

/**
 * The session cookies {@link Auth#getAuth} returns and {@link Client} sends: {@code SID} names the
 * sign-in session, {@code SAPISID} keys the {@code SAPISIDHASH} header. Both are secrets, so {@link
 * #toString()} does not show them.
 */
public record Cookies(String sid, String sapisid) {
  public Cookies {
    Objects.requireNonNull(sid, "sid");
    Objects.requireNonNull(sapisid, "sapisid");
    if (sid.isEmpty() || sapisid.isEmpty()) {
      throw new IllegalArgumentException("empty session cookie");
    }
  }

  @Override
  public String toString() {
    return "Cookies[SID=…, SAPISID=…]";
  }
}
