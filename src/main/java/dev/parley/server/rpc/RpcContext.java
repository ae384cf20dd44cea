package dev.parley.server.rpc;

import dev.parley.server.http.Caller;

/**
 * Who is calling an RPC and from where: the account, the channel client id the request header names
 * (may be null; it tells which push session sent it) and the wall-clock time of the call.
 */
public record RpcContext(Caller caller, String clientId, long nowMicros) {
  public String accountId() {
    return caller.accountId();
  }
}
