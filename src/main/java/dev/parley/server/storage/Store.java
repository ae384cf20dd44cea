package dev.parley.server.storage;

/**
 * The server's persistent state, behind one small interface with two engines: SQLite (one file, the
 * default) and PostgreSQL. All access goes through transactions; a transaction that returns
 * normally is committed and durable before the call returns (persist before you acknowledge).
 */
public interface Store extends AutoCloseable {

  /** Work done inside one transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(StoreTransaction tx);
  }

  /**
   * Runs {@code work} in a read-write transaction and commits it. Writers are serialised on the
   * event-timestamp counter, so transactions that take timestamps commit in timestamp order. A
   * {@link RuntimeException} from {@code work} rolls back and is rethrown.
   */
  <T> T write(Work<T> work);

  /** Runs {@code work} in a read-only transaction that sees one consistent snapshot. */
  <T> T read(Work<T> work);

  /** Which engine this is, for logs: {@code "sqlite"} or {@code "postgresql"}. */
  String engine();

  @Override
  void close();
}
