package dev.parley.server.channel;

import dev.parley.server.ServerException;

/** A new channel session was refused because the account or the address holds too many. */
public final class ChannelLimitException extends ServerException {
  private static final long serialVersionUID = 1L;

  /** What the limit counts. */
  public enum Scope {
    ACCOUNT,
    ADDRESS
  }

  private final Scope scope;
  private final int limit;

  ChannelLimitException(Scope scope, int limit) {
    super(
        "too many open channel sessions for this "
            + (scope == Scope.ACCOUNT ? "account" : "address")
            + " (at most "
            + limit
            + ")");
    this.scope = scope;
    this.limit = limit;
  }

  public Scope scope() {
    return scope;
  }

  public int limit() {
    return limit;
  }
}
