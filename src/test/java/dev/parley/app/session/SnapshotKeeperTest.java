package dev.parley.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.app.FakeUiTimer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotKeeperTest {
  @TempDir Path dir;
  private final FakeSessionService session = new FakeSessionService();
  private final FakeUiTimer timer = new FakeUiTimer();

  private ListSnapshotStore store() {
    return new ListSnapshotStore(dir.resolve("list.bin"));
  }

  @Test
  void theListIsSavedAWhileAfterItChangedAndWhenTheSessionCloses() {
    session.putConversation(summary("c1", "first"));
    SnapshotKeeper keeper =
        new SnapshotKeeper(session, store(), "k", timer, Runnable::run, () -> true);
    assertThat(store().load("k")).isEmpty();

    timer.advance(SnapshotKeeper.DELAY);
    assertThat(previews()).containsExactly("first");

    session.putConversation(summary("c1", "second"));
    timer.advance(SnapshotKeeper.DELAY.minusSeconds(1));
    assertThat(previews()).containsExactly("first");
    keeper.close();
    assertThat(previews()).containsExactly("second");
    assertThat(store().load("k").orElseThrow().self()).isEqualTo(FakeSessionService.SELF);
  }

  @Test
  void nothingIsSavedWhileTheSessionOnlyShowsTheSavedList() {
    AtomicBoolean live = new AtomicBoolean(false);
    SnapshotKeeper keeper =
        new SnapshotKeeper(session, store(), "k", timer, Runnable::run, live::get);
    session.putConversation(summary("c1", "from the saved list"));
    timer.advance(SnapshotKeeper.DELAY);
    keeper.close();
    assertThat(store().load("k")).isEmpty();
  }

  @Test
  void signingOutDeletesItAndAPendingSaveWritesNothing() {
    session.putConversation(summary("c1", "first"));
    store().save(new ListSnapshot("k", FakeSessionService.SELF, "", List.of()));
    SnapshotKeeper keeper =
        new SnapshotKeeper(session, store(), "k", timer, Runnable::run, () -> true);

    keeper.discard();
    timer.advance(SnapshotKeeper.DELAY);
    session.putConversation(summary("c1", "after"));
    keeper.close();

    assertThat(store().load("k")).isEmpty();
    assertThat(session.listenerCount()).isZero();
  }

  private List<String> previews() {
    return store().load("k").orElseThrow().conversations().stream()
        .map(ConversationSummary::lastMessagePreview)
        .toList();
  }

  private static ConversationSummary summary(String id, String preview) {
    Person alice = FakeSessionService.person("alice", "Alice Ng", false);
    return new ConversationSummary(
        id,
        null,
        false,
        List.of(FakeSessionService.SELF, alice),
        Instant.parse("2026-11-20T10:00:00Z"),
        alice,
        preview,
        1,
        false,
        false,
        false,
        false);
  }
}
