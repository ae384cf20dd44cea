package dev.parley.server.storage;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * What the contract test interfaces need from the test class, the store under test, and shortcuts
 * typed so that {@code assertThat(find(tx -> ...))} picks the right AssertJ overload.
 */
interface StoreAccess {

  Store store();

  default <T> T read(Store.Work<T> work) {
    return store().read(work);
  }

  default <T> T write(Store.Work<T> work) {
    return store().write(work);
  }

  /** A write transaction that returns nothing. */
  default void inWrite(Consumer<StoreTransaction> work) {
    store()
        .write(
            tx -> {
              work.accept(tx);
              return null;
            });
  }

  default <T> Optional<T> find(Function<StoreTransaction, Optional<T>> query) {
    return store().read(query::apply);
  }

  default <T> List<T> list(Function<StoreTransaction, List<T>> query) {
    return store().read(query::apply);
  }

  default long readNumber(ToLongFunction<StoreTransaction> query) {
    return store().read(query::applyAsLong);
  }

  default long writeNumber(ToLongFunction<StoreTransaction> work) {
    return store().write(work::applyAsLong);
  }
}
