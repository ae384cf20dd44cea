package dev.parley.server.storage;

import static dev.parley.server.storage.StoreFixtures.account;
import static dev.parley.server.storage.StoreFixtures.conversation;
import static dev.parley.server.storage.StoreFixtures.event;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link CrashSafeSqliteStoreTest}: writes an account and an event per
 * transaction, forever, from several threads at once (so writes are committed in groups), and
 * prints {@code committed <n>} only after transaction n has committed.
 */
public final class SqliteCrashWriter {

  static final String COMMITTED = "committed ";
  static final int THREADS = 4;

  private SqliteCrashWriter() {}

  public static void main(String[] args) {
    Store store = Stores.open(null, Path.of(args[0]));
    store.write(
        tx -> {
          tx.insertConversation(conversation("c"));
          return null;
        });
    for (int t = 0; t < THREADS; t++) {
      int first = t;
      new Thread(() -> writeForever(store, first), "crash-writer-" + t).start();
    }
  }

  private static void writeForever(Store store, int first) {
    for (int n = first; ; n += THREADS) {
      int id = n;
      store.write(
          tx -> {
            tx.insertAccount(account("a" + id));
            tx.insertEvent(
                event("e" + id, "c", tx.nextTimestamp(System.currentTimeMillis() * 1000)));
            return null;
          });
      synchronized (System.out) {
        System.out.println(COMMITTED + id);
        System.out.flush();
      }
    }
  }
}
