package dev.parley.server.media;

import static dev.parley.server.media.MediaAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.media.MediaException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaFilesTest {
  private static final long MIB = 1024 * 1024;

  @TempDir Path dataDir;
  private MediaFiles files;

  @BeforeEach
  void createStore() throws IOException {
    files = new MediaFiles(dataDir);
  }

  @Test
  void storedImageGetsARandomNameWithTheDetectedExtensionAndKeepsItsBytes() throws Exception {
    byte[] png = TestImages.png(40, 30);

    StoredMedia stored = files.store(new ByteArrayInputStream(png), png.length);

    assertThat(stored.name()).matches("[A-Za-z0-9_-]{22}\\.png");
    assertThat(stored.size()).isEqualTo(png.length);
    assertThat(stored.info()).isEqualTo(new ImageInfo(ImageType.PNG, 40, 30));
    assertThat(Files.readAllBytes(dataDir.resolve("media").resolve(stored.name()))).isEqualTo(png);
    assertThat(MediaFiles.isStoredName(stored.name())).isTrue();
  }

  @Test
  void eachTypeGetsItsOwnExtension() throws Exception {
    assertThat(store(TestImages.jpeg(40, 30)).name()).endsWith(".jpg");
    assertThat(store(TestImages.gif(40, 30)).name()).endsWith(".gif");
    assertThat(store(TestImages.webpVp8l(40, 30)).name()).endsWith(".webp");
  }

  @Test
  void twoUploadsOfTheSameBytesGetDifferentNames() throws Exception {
    byte[] png = TestImages.png(40, 30);
    assertThat(store(png).name()).isNotEqualTo(store(png).name());
  }

  @Test
  void openedFileHasTheRealTypeAndSize() throws Exception {
    byte[] jpeg = TestImages.jpeg(40, 30);
    StoredMedia stored = store(jpeg);

    MediaFile file = files.open(stored.name());

    assertThat(file.type()).isEqualTo(ImageType.JPEG);
    assertThat(file.size()).isEqualTo(jpeg.length);
    try (InputStream in = file.newInputStream()) {
      assertThat(in.readAllBytes()).isEqualTo(jpeg);
    }
    assertThat(files.inspect(stored.name())).isEqualTo(stored.info());
  }

  @Test
  void textFileNamedLikeAPngIsRefusedAndNothingIsStored() throws Exception {
    Path notes = Files.writeString(dataDir.resolve("holiday.png"), "not a picture at all\n");
    try (InputStream in = Files.newInputStream(notes)) {
      assertRefused(() -> files.store(in, MIB), Reason.NOT_AN_IMAGE);
    }
    assertNothingStored();
  }

  @Test
  void htmlUploadIsRefused() {
    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    assertRefused(() -> store(html), Reason.NOT_AN_IMAGE);
    assertNothingStored();
  }

  @Test
  void truncatedUploadIsRefused() {
    byte[] png = TestImages.png(40, 30);
    assertRefused(() -> store(java.util.Arrays.copyOf(png, 16)), Reason.TRUNCATED);
    assertNothingStored();
  }

  @Test
  void uploadAboveTheByteLimitIsRefusedWhileStreamingWithoutStoringIt() {
    CountingStream sixtyMib = new CountingStream(TestImages.png(40, 30), 60 * MIB);

    assertRefused(() -> files.store(sixtyMib, Long.MAX_VALUE), Reason.TOO_LARGE)
        .hasMessageContaining(String.valueOf(50 * MIB));

    assertThat(sixtyMib.delivered).isLessThanOrEqualTo(50 * MIB + 64 * 1024);
    assertNothingStored();
  }

  @Test
  void uploadLargerThanTheCallersLimitIsRefused() {
    byte[] png = TestImages.png(40, 30);
    assertRefused(
        () -> files.store(new ByteArrayInputStream(png), png.length - 1), Reason.TOO_LARGE);
    assertNothingStored();
  }

  @Test
  void nonImageIsRefusedAfterItsHeadWithoutReadingTheRest() {
    byte[] text = "hello ".repeat(1000).getBytes(StandardCharsets.US_ASCII);
    CountingStream sixtyMib = new CountingStream(text, 60 * MIB);

    assertRefused(() -> files.store(sixtyMib, Long.MAX_VALUE), Reason.NOT_AN_IMAGE);

    assertThat(sixtyMib.delivered).isLessThanOrEqualTo(ImageInspector.HEAD_LIMIT + 64 * 1024);
    assertNothingStored();
  }

  @Test
  void headerClaimingTooManyPixelsIsRefusedWithoutDecoding() {
    byte[] bomb = TestImages.pngHeader(100_000, 100_000);
    assertRefused(() -> store(bomb), Reason.TOO_MANY_PIXELS);
    assertNothingStored();
  }

  @Test
  void hostileNamesAreNeverResolved() throws Exception {
    Files.writeString(dataDir.resolve("secret.txt"), "secret");
    String real = store(TestImages.png(40, 30)).name();
    List<String> hostile =
        List.of(
            "../../etc/passwd",
            "../secret.txt",
            "..",
            ".",
            "",
            "tmp",
            "a\0b.png",
            real + "\0.txt",
            real.replace(".png", ".PNG"),
            real.replace(".png", ".txt"),
            "/" + real,
            real + "/",
            "x".repeat(100_000) + ".png",
            real.substring(0, 21) + "/.png",
            real.substring(0, 21) + "..png",
            real.substring(0, 22) + ".w320.png");
    for (String name : hostile) {
      assertRefused(() -> files.open(name), Reason.NOT_FOUND);
      assertRefused(() -> files.delete(name), Reason.NOT_FOUND);
    }
    assertRefused(() -> files.open(null), Reason.NOT_FOUND);
    assertThat(files.open(real).size()).isPositive();
  }

  @Test
  void wellFormedButUnknownNameIsNotFound() {
    assertRefused(() -> files.open("AAAAAAAAAAAAAAAAAAAAAA.png"), Reason.NOT_FOUND);
  }

  @Test
  void deleteRemovesTheOriginalAndItsThumbnails() throws Exception {
    String name = store(TestImages.png(400, 300)).name();
    new Thumbnailer(files).thumbnail(name, 100);
    String other = store(TestImages.png(400, 300)).name();

    assertThat(files.delete(name)).isTrue();

    assertThat(storedFiles()).containsExactly(other);
    assertThat(files.delete(name)).isFalse();
  }

  private StoredMedia store(byte[] bytes) throws Exception {
    return files.store(new ByteArrayInputStream(bytes), MIB);
  }

  private List<String> storedFiles() throws IOException {
    try (Stream<Path> list = Files.list(dataDir.resolve("media"))) {
      return list.map(p -> p.getFileName().toString()).filter(n -> !n.equals("tmp")).toList();
    }
  }

  private void assertNothingStored() {
    try {
      assertThat(storedFiles()).isEmpty();
      try (Stream<Path> temps = Files.list(dataDir.resolve("media").resolve("tmp"))) {
        assertThat(temps).isEmpty();
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Produces {@code start} then zeros up to {@code total} bytes, counting what was read. */
  private static final class CountingStream extends InputStream {
    private final byte[] start;
    private final long total;
    long delivered;

    CountingStream(byte[] start, long total) {
      this.start = start;
      this.total = total;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (delivered >= total) {
        return -1;
      }
      int n = (int) Math.min(len, total - delivered);
      for (int i = 0; i < n; i++) {
        long position = delivered + i;
        b[off + i] = position < start.length ? start[(int) position] : 0;
      }
      delivered += n;
      return n;
    }
  }
}
