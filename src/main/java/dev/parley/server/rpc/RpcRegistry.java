package dev.parley.server.rpc;

import com.google.protobuf.Message;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/** The RPCs served under {@code /chat/v1/}, by endpoint name (e.g. conversations/settyping). */
public final class RpcRegistry {
  /** One RPC: how to read its request and what to do with it. */
  public record Endpoint<Q extends Message>(
      String name, Q requestPrototype, BiFunction<RpcContext, Q, ? extends RpcReply> method) {

    @SuppressWarnings("unchecked")
    RpcReply call(RpcContext ctx, Message request) {
      return method.apply(ctx, (Q) request);
    }
  }

  private final Map<String, Endpoint<?>> endpoints = new LinkedHashMap<>();

  /** Adds an endpoint that answers with a response message builder. */
  public <Q extends Message> RpcRegistry add(
      String name,
      Q requestPrototype,
      BiFunction<RpcContext, Q, ? extends Message.Builder> method) {
    return addReply(
        name, requestPrototype, (ctx, request) -> RpcReply.of(method.apply(ctx, request)));
  }

  /** Adds an endpoint that answers with an {@link RpcReply} of its own. */
  public <Q extends Message> RpcRegistry addReply(
      String name, Q requestPrototype, BiFunction<RpcContext, Q, ? extends RpcReply> method) {
    if (endpoints.putIfAbsent(name, new Endpoint<>(name, requestPrototype, method)) != null) {
      throw new IllegalArgumentException("endpoint registered twice: " + name);
    }
    return this;
  }

  public Optional<Endpoint<?>> find(String name) {
    return Optional.ofNullable(endpoints.get(name));
  }

  public Set<String> names() {
    return endpoints.keySet();
  }
}
