package dev.parley.client.internal;

import dev.parley.proto.Hangouts.ActiveClientState;
import dev.parley.proto.Hangouts.GetSelfInfoResponse;
import dev.parley.proto.Hangouts.RequestHeader;
import dev.parley.proto.Hangouts.SetActiveClientRequest;
import dev.parley.proto.Hangouts.SetActiveClientResponse;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * hangups' {@code set_active}: {@code setactiveclient} only when this client is not the active one
 * or the last call is over 60 s ago, for 120 s, with {@code full_jid = "<email>/<client id>"}. The
 * email comes from {@code getselfinfo}, asked once and remembered. Thread-safe.
 */
public final class ActiveClient {
  static final int LIMIT_SECONDS = 60;
  static final int TIMEOUT_SECONDS = 120;

  private final RealRpc rpc;
  private final RealConnection connection;
  private final Supplier<RequestHeader> header;
  private final Object lock = new Object();
  private long lastActiveMillis; // guarded by lock
  private volatile String email;

  public ActiveClient(RealRpc rpc, RealConnection connection, Supplier<RequestHeader> header) {
    this.rpc = rpc;
    this.connection = connection;
    this.header = header;
  }

  /** Remembers the email of a {@code getselfinfo} answer. */
  public GetSelfInfoResponse remember(GetSelfInfoResponse response) {
    if (response.getSelfEntity().getProperties().getEmailCount() > 0) {
      email = response.getSelfEntity().getProperties().getEmail(0);
    }
    return response;
  }

  /** Completes on an I/O thread (or at once when there is nothing to do). */
  public CompletableFuture<Void> setActive(
      Supplier<CompletableFuture<GetSelfInfoResponse>> getSelfInfo) {
    String clientId = connection.clientId();
    if (clientId == null) {
      return CompletableFuture.completedFuture(null);
    }
    UpdateDispatcher dispatcher = connection.dispatcher();
    boolean isActive =
        dispatcher.activeClientState() == ActiveClientState.ACTIVE_CLIENT_STATE_IS_ACTIVE;
    long now = System.currentTimeMillis();
    synchronized (lock) {
      boolean timedOut = now - lastActiveMillis > LIMIT_SECONDS * 1000L;
      if (isActive && !timedOut) {
        return CompletableFuture.completedFuture(null);
      }
      lastActiveMillis = now;
    }
    // As hangups: count as active at once, so calls in quick succession make one request.
    dispatcher.setActiveClientState(ActiveClientState.ACTIVE_CLIENT_STATE_IS_ACTIVE);
    String known = email;
    CompletableFuture<String> address =
        known != null
            ? CompletableFuture.completedFuture(known)
            : getSelfInfo.get().thenApply(response -> requireEmail());
    return address
        .thenCompose(
            mail ->
                rpc.call(
                    Endpoint.SET_ACTIVE_CLIENT,
                    SetActiveClientRequest.newBuilder()
                        .setRequestHeader(header.get())
                        .setIsActive(true)
                        .setFullJid(mail + "/" + clientId)
                        .setTimeoutSecs(TIMEOUT_SECONDS)
                        .build(),
                    SetActiveClientResponse.getDefaultInstance()))
        .whenComplete(
            (response, failure) -> {
              if (failure != null) {
                synchronized (lock) {
                  lastActiveMillis = 0;
                }
              }
            })
        .thenApply(response -> null);
  }

  private String requireEmail() {
    String known = email;
    if (known == null) {
      throw new java.util.concurrent.CompletionException(
          new dev.parley.client.NetworkException("getselfinfo named no email address"));
    }
    return known;
  }
}
