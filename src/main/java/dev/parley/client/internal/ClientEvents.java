package dev.parley.client.internal;

import dev.parley.client.ConnectionState;
import dev.parley.client.Event;
import dev.parley.proto.Hangouts.StateUpdate;

/** The observable events of a client, made once and kept across reconnects. */
public record ClientEvents(
    Event<Void> onConnect,
    Event<Void> onReconnect,
    Event<Void> onDisconnect,
    Event<StateUpdate> onStateUpdate,
    Event<ConnectionState> onConnectionState,
    Event<Boolean> onActiveClientChanged) {

  public static ClientEvents create() {
    return new ClientEvents(
        new Event<>("on_connect"),
        new Event<>("on_reconnect"),
        new Event<>("on_disconnect"),
        new Event<>("on_state_update"),
        new Event<>("on_connection_state"),
        new Event<>("on_active_client_changed"));
  }
}
