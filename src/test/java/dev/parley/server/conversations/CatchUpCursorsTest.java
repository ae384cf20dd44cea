package dev.parley.server.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.storage.StoredEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a page hands on to the next: taken once, only while the viewer's memberships hold. */
class CatchUpCursorsTest {
  private static final List<CatchUpCursors.Visibility> MEMBER =
      List.of(new CatchUpCursors.Visibility("UgA", 0, 0));

  private final CatchUpCursors cursors = new CatchUpCursors();

  @Test
  void theNextPageTakesTheEventsOnceAndOnlyAfterWhereThePageStopped() {
    cursors.keep("alice", 100, MEMBER, List.of(event(101, false), event(102, false)));

    assertThat(cursors.take("alice", 99, 1_000, MEMBER)).isNull();
    assertThat(cursors.take("bob", 100, 1_000, MEMBER)).isNull();
    assertThat(cursors.take("alice", 100, 1_000, MEMBER))
        .extracting(StoredEvent::timestamp)
        .containsExactly(101L, 102L);
    assertThat(cursors.take("alice", 100, 1_000, MEMBER)).isNull();
  }

  @Test
  void aMembershipThatChangedSinceMakesThePageReadAfresh() {
    cursors.keep("alice", 100, MEMBER, List.of(event(101, false)));

    List<CatchUpCursors.Visibility> deleted = List.of(new CatchUpCursors.Visibility("UgA", 0, 101));
    assertThat(cursors.take("alice", 100, 1_000, deleted)).isNull();
    assertThat(cursors.take("alice", 100, 1_000, MEMBER)).as("gone after one try").isNull();
  }

  @Test
  void eventsNewerThanTheAskingPagesSyncPointAreNotHandedOn() {
    cursors.keep("alice", 100, MEMBER, List.of(event(101, false), event(150, false)));

    assertThat(cursors.take("alice", 100, 120, MEMBER)).isNull();
  }

  @Test
  void offTheRecordEventsAndAllAfterThemAreNotKept() {
    cursors.keep(
        "alice", 100, MEMBER, List.of(event(101, false), event(102, true), event(103, false)));

    assertThat(cursors.take("alice", 100, 1_000, MEMBER))
        .extracting(StoredEvent::timestamp)
        .containsExactly(101L);
    cursors.keep("alice", 200, MEMBER, List.of(event(201, true)));
    assertThat(cursors.take("alice", 200, 1_000, MEMBER)).isNull();
  }

  private static StoredEvent event(long timestamp, boolean offTheRecord) {
    return new StoredEvent(
        "e" + timestamp, "UgA", timestamp, "bob", null, offTheRecord, new byte[] {1, 2, 3});
  }
}
