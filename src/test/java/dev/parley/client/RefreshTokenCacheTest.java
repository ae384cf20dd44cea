package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefreshTokenCacheTest {
  @TempDir Path dir;

  @Test
  void aMissingFileHoldsNoToken() {
    assertThat(new RefreshTokenCache(dir.resolve("none")).get()).isEmpty();
  }

  @Test
  void aStoredTokenIsReadBackAndReplacedWhole() {
    RefreshTokenCache cache = new RefreshTokenCache(dir.resolve("a/b/token"));

    cache.set("first-token-that-is-rather-long");
    cache.set("second");

    assertThat(cache.get()).contains("second");
    assertThat(new RefreshTokenCache(dir.resolve("a/b/token")).get()).contains("second");
  }

  @Test
  void theFileAndTheDirectoriesItNeedsAreTheOwnersOnly() throws Exception {
    Path file = dir.resolve("config/parley/token");
    new RefreshTokenCache(file).set("secret");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void aFileOthersCouldReadIsReplacedByAnOwnerOnlyOne() throws Exception {
    Path file = dir.resolve("token");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    new RefreshTokenCache(file).set("new");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void clearingForgetsTheToken() {
    RefreshTokenCache cache = new RefreshTokenCache(dir.resolve("token"));
    cache.set("secret");

    cache.clear();

    assertThat(cache.get()).isEmpty();
  }

  @Test
  void aWriteThatCannotSucceedIsLoggedNotThrownAndLeavesNoTempFiles() throws Exception {
    Path notADirectory = dir.resolve("file");
    Files.writeString(notADirectory, "x");
    RefreshTokenCache cache = new RefreshTokenCache(notADirectory.resolve("token"));

    assertThatCode(() -> cache.set("secret")).doesNotThrowAnyException();
    assertThatCode(cache::clear).doesNotThrowAnyException();
    assertThat(cache.get()).isEmpty();
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(notADirectory);
    }
  }

  @Test
  void anUnreadableCacheIsEmptyRatherThanAFailure() throws Exception {
    Path directoryInstead = dir.resolve("token");
    Files.createDirectory(directoryInstead);

    assertThat(new RefreshTokenCache(directoryInstead).get()).isEmpty();
  }
}
