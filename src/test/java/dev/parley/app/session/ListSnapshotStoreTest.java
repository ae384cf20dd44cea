package dev.parley.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListSnapshotStoreTest {
  private static final Person SELF =
      new Person("me", "Sam Taylor", "Sam", "sam@parley.test", null, true);
  private static final Person ALICE =
      new Person("alice", "Alice Ng", null, "", "http://server/avatar/alice", false);

  @TempDir Path dir;

  private ListSnapshotStore store() {
    return new ListSnapshotStore(dir.resolve("data").resolve("conversation-list.bin"));
  }

  @Test
  void whatIsSavedIsLoadedBackForTheSameAccountOnly() {
    ListSnapshot saved =
        new ListSnapshot(
            "REMOTE|http://server|sam@parley.test",
            SELF,
            "http://server",
            List.of(
                new ConversationSummary(
                    "c1",
                    "Trip \u202e\u0007 🚣",
                    true,
                    List.of(SELF, ALICE),
                    Instant.parse("2026-11-20T10:00:00.123456789Z"),
                    ALICE,
                    "see you",
                    3,
                    true,
                    false,
                    true,
                    true),
                new ConversationSummary(
                    "c2",
                    null,
                    false,
                    List.of(SELF, ALICE),
                    null,
                    null,
                    "",
                    0,
                    false,
                    true,
                    false,
                    false)));
    store().save(saved);

    assertThat(store().load("REMOTE|http://server|sam@parley.test")).contains(saved);
    assertThat(store().load("REMOTE|http://other|sam@parley.test")).isEmpty();
  }

  @Test
  void onlyTheOwnerMayReadIt() throws Exception {
    store().save(new ListSnapshot("k", SELF, "", List.of()));
    Path file = dir.resolve("data").resolve("conversation-list.bin");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.list(file.getParent())).containsExactly(file);
  }

  @Test
  void aLongPreviewIsCutToOneLinesWorthWithoutSplittingACharacter() {
    String longText =
        "a".repeat(ListSnapshotStore.MAX_PREVIEW_CHARS - 1) + "🚣" + "b".repeat(70_000);
    ListSnapshot saved =
        new ListSnapshot(
            "k",
            SELF,
            "",
            List.of(
                new ConversationSummary(
                    "c1",
                    null,
                    false,
                    List.of(SELF),
                    null,
                    SELF,
                    longText,
                    0,
                    false,
                    false,
                    false,
                    false)));
    store().save(saved);

    String preview = store().load("k").orElseThrow().conversations().get(0).lastMessagePreview();
    assertThat(preview).isEqualTo("a".repeat(ListSnapshotStore.MAX_PREVIEW_CHARS - 1));
  }

  @Test
  void aMissingTruncatedOrForeignFileReadsAsNoSnapshot() throws Exception {
    assertThat(store().load("k")).isEmpty();

    store().save(new ListSnapshot("k", SELF, "http://server", List.of()));
    Path file = dir.resolve("data").resolve("conversation-list.bin");
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 3));
    assertThat(store().load("k")).isEmpty();

    Files.writeString(file, "{\"not\": \"ours\"}");
    assertThat(store().load("k")).isEmpty();

    byte[] hostile = whole.clone();
    hostile[8] = (byte) 0x7f; // the account key's length, now absurd
    Files.write(file, hostile);
    assertThat(store().load("k")).isEmpty();
  }

  @Test
  void deletingForgetsIt() {
    store().save(new ListSnapshot("k", SELF, "", List.of()));
    store().delete();
    assertThat(store().load("k")).isEmpty();
    store().delete(); // twice is fine
  }
}
