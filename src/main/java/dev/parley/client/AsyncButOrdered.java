package dev.parley.client;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Smack's {@code AsyncButOrdered}: asynchronous tasks that run one after another per key. A task
 * starts when every earlier task of its key has finished, successfully or not; with nothing pending
 * it starts at once on the calling thread. No lock is held while a task runs.
 *
 * @param <K> the key, e.g. a conversation id
 */
final class AsyncButOrdered<K> {
  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  private final Map<K, CompletableFuture<Void>> tails = new HashMap<>();

  /** Runs {@code task} after the earlier tasks of {@code key}; completes as its future does. */
  <T> CompletableFuture<T> submit(K key, Supplier<? extends CompletableFuture<T>> task) {
    CompletableFuture<Void> gate = new CompletableFuture<>();
    CompletableFuture<Void> previous;
    synchronized (tails) {
      previous = tails.getOrDefault(key, DONE);
      tails.put(key, gate);
    }
    CompletableFuture<T> result = previous.thenCompose(v -> task.get());
    result.whenComplete(
        (r, e) -> {
          synchronized (tails) {
            tails.remove(key, gate);
          }
          gate.complete(null);
        });
    return result;
  }

  /** How many keys have tasks running or waiting. */
  int pendingKeys() {
    synchronized (tails) {
      return tails.size();
    }
  }
}
