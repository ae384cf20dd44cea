package dev.parley.server.storage;

import static dev.parley.server.storage.StoreFixtures.conversation;
import static dev.parley.server.storage.StoreFixtures.event;
import static dev.parley.server.storage.StoreFixtures.offTheRecordEvent;
import static dev.parley.server.storage.StoreFixtures.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Events, their range queries and off-the-record expiry, and request deduplication. */
interface EventStoreContract extends StoreAccess {

  @Test
  default void anEventReadsBackWithItsPayloadAndFlags() {
    StoredEvent plain = new StoredEvent("e1", "c", 5, "1", "cg", false, payload("hello"));
    StoredEvent offRecord = new StoredEvent("e2", "c", 6, "2", null, true, new byte[] {0, -1, 7});
    inWrite(
        tx -> {
          tx.insertConversation(conversation("c"));
          tx.insertEvent(plain);
          tx.insertEvent(offRecord);
        });

    assertSameEvent(read(tx -> tx.event("e1")).orElseThrow(), plain);
    assertSameEvent(read(tx -> tx.event("e2")).orElseThrow(), offRecord);
    assertThat(find(tx -> tx.event("e3"))).isEmpty();
  }

  @Test
  default void aSecondEventWithTheSameIdIsRejected() {
    givenEvents("c", 10);

    assertThatThrownBy(() -> inWrite(tx -> tx.insertEvent(event("e10", "c", 11))))
        .isInstanceOf(StoreException.class);
  }

  @Test
  default void newestFirstExcludesBothBoundsAndOrdersByTimestampDescending() {
    givenEvents("c", 10, 20, 30, 40, 50);

    assertThat(ids(read(tx -> tx.eventsNewestFirst("c", 10, 50, 100))))
        .containsExactly("e40", "e30", "e20");
    assertThat(ids(read(tx -> tx.eventsNewestFirst("c", 0, Long.MAX_VALUE, 100))))
        .containsExactly("e50", "e40", "e30", "e20", "e10");
  }

  @Test
  default void newestFirstKeepsTheNewestEventsWhenLimited() {
    givenEvents("c", 10, 20, 30, 40, 50);

    assertThat(ids(read(tx -> tx.eventsNewestFirst("c", 0, 45, 2)))).containsExactly("e40", "e30");
  }

  @Test
  default void oldestFirstExcludesAfterIncludesUpToAndOrdersByTimestamp() {
    givenEvents("c", 10, 20, 30, 40, 50);

    assertThat(ids(read(tx -> tx.eventsOldestFirst("c", 10, 40, 100))))
        .containsExactly("e20", "e30", "e40");
  }

  @Test
  default void oldestFirstKeepsTheOldestEventsWhenLimited() {
    givenEvents("c", 10, 20, 30, 40, 50);

    assertThat(ids(read(tx -> tx.eventsOldestFirst("c", 10, 50, 2)))).containsExactly("e20", "e30");
    assertThat(list(tx -> tx.eventsOldestFirst("c", 0, 50, 0))).isEmpty();
  }

  @Test
  default void rangeQueriesReturnOnlyTheGivenConversation() {
    givenEvents("a", 10, 30);
    givenEvents("b", 20);

    assertThat(ids(read(tx -> tx.eventsOldestFirst("a", 0, 100, 10))))
        .containsExactly("e10", "e30");
    assertThat(ids(read(tx -> tx.eventsNewestFirst("b", 0, 100, 10)))).containsExactly("e20");
    assertThat(list(tx -> tx.eventsNewestFirst("none", 0, 100, 10))).isEmpty();
  }

  @Test
  default void offTheRecordEventsStrictlyOlderThanTheCutoffAreDeleted() {
    inWrite(
        tx -> {
          tx.insertConversation(conversation("c"));
          tx.insertEvent(offTheRecordEvent("old", "c", 10));
          tx.insertEvent(offTheRecordEvent("edge", "c", 20));
          tx.insertEvent(offTheRecordEvent("new", "c", 30));
          tx.insertEvent(event("kept", "c", 5));
        });

    assertThat(writeNumber(tx -> tx.deleteOffTheRecordEvents(20))).isEqualTo(1);

    assertThat(ids(read(tx -> tx.eventsOldestFirst("c", 0, 100, 10))))
        .containsExactly("kept", "edge", "new");
    assertThat(writeNumber(tx -> tx.deleteOffTheRecordEvents(100))).isEqualTo(2);
    assertThat(ids(read(tx -> tx.eventsOldestFirst("c", 0, 100, 10)))).containsExactly("kept");
  }

  @Test
  default void aDedupResultIsFoundFromItsCreationTimeOn() {
    inWrite(tx -> tx.insertDedup("1", "send", "cg-1", "e1", 100));

    assertThat(find(tx -> tx.dedupResult("1", "send", "cg-1", 100))).contains("e1");
    assertThat(find(tx -> tx.dedupResult("1", "send", "cg-1", 50))).contains("e1");
    assertThat(find(tx -> tx.dedupResult("1", "send", "cg-1", 101))).isEmpty();
  }

  @Test
  default void dedupKeysAreSeparatedByAccountScopeAndClientId() {
    inWrite(tx -> tx.insertDedup("1", "send", "cg", "e1", 100));

    assertThat(find(tx -> tx.dedupResult("2", "send", "cg", 0))).isEmpty();
    assertThat(find(tx -> tx.dedupResult("1", "create", "cg", 0))).isEmpty();
    assertThat(find(tx -> tx.dedupResult("1", "send", "cg2", 0))).isEmpty();
  }

  @Test
  default void aNewDedupEntryReplacesAnExpiredOneWithTheSameKey() {
    inWrite(tx -> tx.insertDedup("1", "send", "cg", "old", 100));

    inWrite(tx -> tx.insertDedup("1", "send", "cg", "new", 500));

    assertThat(find(tx -> tx.dedupResult("1", "send", "cg", 400))).contains("new");
  }

  @Test
  default void pruningDropsDedupEntriesStrictlyOlderThanTheCutoff() {
    inWrite(
        tx -> {
          tx.insertDedup("1", "send", "a", "ea", 100);
          tx.insertDedup("1", "send", "b", "eb", 200);
          tx.insertDedup("1", "send", "c", "ec", 300);
        });

    inWrite(tx -> tx.pruneDedup(200));

    assertThat(find(tx -> tx.dedupResult("1", "send", "a", 0))).isEmpty();
    assertThat(find(tx -> tx.dedupResult("1", "send", "b", 0))).contains("eb");
    assertThat(find(tx -> tx.dedupResult("1", "send", "c", 0))).contains("ec");
  }

  private void givenEvents(String conversationId, long... timestamps) {
    inWrite(
        tx -> {
          if (tx.conversation(conversationId).isEmpty()) {
            tx.insertConversation(conversation(conversationId));
          }
          for (long ts : timestamps) {
            tx.insertEvent(event("e" + ts, conversationId, ts));
          }
        });
  }

  private static List<String> ids(List<StoredEvent> events) {
    return events.stream().map(StoredEvent::eventId).toList();
  }

  private static void assertSameEvent(StoredEvent actual, StoredEvent expected) {
    // Records compare arrays by identity, so compare the payload by content.
    assertThat(actual)
        .usingRecursiveComparison()
        .withEqualsForType(java.util.Arrays::equals, byte[].class)
        .isEqualTo(expected);
  }
}
