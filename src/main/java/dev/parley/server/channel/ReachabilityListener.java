package dev.parley.server.channel;

/**
 * Hears when an account becomes reachable (its first long poll opened) or unreachable (its last
 * long poll ended and none reopened within {@link ChannelConfig#unreachableGrace()}), so presence
 * can be pushed. Called on the hub's event thread, in order per hub, never on an I/O thread; a slow
 * listener delays later events but never the channel itself.
 */
@FunctionalInterface
public interface ReachabilityListener {
  void reachabilityChanged(String accountId, boolean reachable);
}
