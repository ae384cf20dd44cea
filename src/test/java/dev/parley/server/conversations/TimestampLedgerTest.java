package dev.parley.server.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.storage.StoreTransaction;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ledger's promises: sync points below what is unpublished, publications in order. */
class TimestampLedgerTest {
  private static final long NOW = 1_000_000;

  /** A transaction whose counter hands out {@code ts}. */
  private static StoreTransaction issuing(long ts) {
    return (StoreTransaction)
        Proxy.newProxyInstance(
            StoreTransaction.class.getClassLoader(),
            new Class<?>[] {StoreTransaction.class},
            (proxy, method, args) -> {
              if (method.getName().equals("nextTimestamp")) {
                return ts;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  @Test
  void publicationsRunInTimestampOrderWhateverOrderTheirWritersSettleIn() {
    TimestampLedger ledger = new TimestampLedger(0);
    List<Long> published = new ArrayList<>();
    long first = ledger.issue(issuing(100), NOW);
    long second = ledger.issue(issuing(101), NOW);

    ledger.settle(List.of(second), () -> published.add(second));
    assertThat(published).isEmpty();
    assertThat(ledger.syncPoint(NOW)).isEqualTo(99);

    ledger.settle(List.of(first), () -> published.add(first));
    assertThat(published).containsExactly(100L, 101L);
    assertThat(ledger.syncPoint(NOW)).isEqualTo(101);
  }

  @Test
  void aTimestampIssuedAgainAfterARollbackStaysInFlightUntilItsLastHolderSettles() {
    TimestampLedger ledger = new TimestampLedger(0);
    ledger.issue(issuing(100), NOW); // this transaction rolls back...
    long again = ledger.issue(issuing(100), NOW); // ...and the counter hands 100 out again

    ledger.settle(List.of(100L), null);
    assertThat(ledger.syncPoint(NOW)).isEqualTo(99);

    ledger.settle(List.of(again), null);
    assertThat(ledger.syncPoint(NOW)).isEqualTo(100);
  }

  @Test
  void theSyncPointStaysBelowATimestampWhilePublicationsItReleasedRun() {
    TimestampLedger ledger = new TimestampLedger(0);
    List<Long> seen = new ArrayList<>();
    long ts = ledger.issue(issuing(100), NOW);

    ledger.settle(List.of(ts), () -> seen.add(ledger.syncPoint(NOW)));

    assertThat(seen).containsExactly(99L);
    assertThat(ledger.syncPoint(NOW)).isEqualTo(100);
  }
}
