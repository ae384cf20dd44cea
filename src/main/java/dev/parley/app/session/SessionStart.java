package dev.parley.app.session;

import dev.parley.app.UiDispatcher;
import dev.parley.client.Client;
import dev.parley.client.ClientOptions;
import dev.parley.client.ConversationLists;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a {@link RealSessionService} begins, hangups-style: a {@link Client} whose {@code connect()}
 * runs on a daemon thread of its own (it blocks until {@code disconnect()}), and the conversation
 * list built at the same time.
 */
final class SessionStart {
  private static final Logger log = LoggerFactory.getLogger(SessionStart.class);

  private SessionStart() {}

  /** Completes on the UI thread with the session, or with the library's exception. */
  static CompletableFuture<RealSessionService> start(
      ClientOptions options, UiDispatcher ui, Duration typingExpiry) {
    Client client = new Client(options);
    Thread thread =
        new Thread(
            () -> {
              try {
                client.connect();
              } catch (RuntimeException e) {
                log.error("The push channel stopped", e);
              }
            },
            "parley-session-connect");
    thread.setDaemon(true);
    thread.start();
    CompletableFuture<RealSessionService> result = new CompletableFuture<>();
    // The list does not need the channel (hangups waits for on_connect; nothing depends on it):
    // building it at once reports bad cookies or an unreachable server promptly, where connect()
    // would keep trying. Events of the time in between are in what the list is built from.
    ConversationLists.build(client)
        .whenComplete(
            (lists, failure) ->
                ui.dispatch(
                    () -> {
                      if (failure != null) {
                        client.disconnect();
                        result.completeExceptionally(UiFutures.unwrap(failure));
                        return;
                      }
                      try {
                        result.complete(
                            new RealSessionService(client, lists, ui, thread, typingExpiry));
                      } catch (RuntimeException e) {
                        lists.close();
                        client.disconnect();
                        result.completeExceptionally(e);
                      }
                    }));
    return result;
  }
}
