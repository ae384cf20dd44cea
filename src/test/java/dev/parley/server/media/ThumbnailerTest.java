package dev.parley.server.media;

import static dev.parley.server.media.MediaAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.media.MediaException.Reason;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailerTest {
  @TempDir Path dataDir;
  private MediaFiles files;
  private Thumbnailer thumbnailer;

  @BeforeEach
  void createStore() throws IOException {
    files = new MediaFiles(dataDir);
    thumbnailer = new Thumbnailer(files);
  }

  @Test
  void pngIsScaledToTheRequestedWidthKeepingItsAspectRatio() throws Exception {
    String name = store(TestImages.png(400, 300));

    MediaFile thumbnail = thumbnailer.thumbnail(name, 200);

    assertThat(thumbnail.name()).isEqualTo(name.replace(".png", ".w200.png"));
    assertThat(thumbnail.type()).isEqualTo(ImageType.PNG);
    assertThat(thumbnail.size()).isEqualTo(Files.size(thumbnail.path()));
    BufferedImage image = decode(thumbnail);
    assertThat(image.getWidth()).isEqualTo(200);
    assertThat(image.getHeight()).isEqualTo(150);
    assertThat(image.getColorModel().hasAlpha()).isTrue();
  }

  @Test
  void jpegThumbnailIsAJpeg() throws Exception {
    String name = store(TestImages.jpeg(640, 480));

    MediaFile thumbnail = thumbnailer.thumbnail(name, 320);

    assertThat(thumbnail.name()).endsWith(".w320.jpg");
    assertThat(thumbnail.type()).isEqualTo(ImageType.JPEG);
    assertThat(ImageInspector.inspect(Files.readAllBytes(thumbnail.path())))
        .isEqualTo(new ImageInfo(ImageType.JPEG, 320, 240));
  }

  @Test
  void gifThumbnailIsAPng() throws Exception {
    String name = store(TestImages.gif(300, 100));

    MediaFile thumbnail = thumbnailer.thumbnail(name, 150);

    assertThat(thumbnail.type()).isEqualTo(ImageType.PNG);
    assertThat(ImageInspector.inspect(Files.readAllBytes(thumbnail.path())))
        .isEqualTo(new ImageInfo(ImageType.PNG, 128, 43));
  }

  @Test
  void narrowImageIsServedAsTheOriginalNeverUpscaled() throws Exception {
    String name = store(TestImages.png(40, 30));

    assertThat(thumbnailer.thumbnail(name, 320)).isEqualTo(files.open(name));
    assertThat(thumbnailer.thumbnail(name, 40)).isEqualTo(files.open(name));
    assertThat(onlyFiles()).containsExactly(name);
  }

  @Test
  void webpIsServedAsTheOriginal() throws Exception {
    String name = store(TestImages.webpVp8x(4000, 3000));

    MediaFile served = thumbnailer.thumbnail(name, 100);

    assertThat(served).isEqualTo(files.open(name));
    assertThat(served.type()).isEqualTo(ImageType.WEBP);
  }

  @Test
  void requestedWidthsSnapDownToAFixedSetBetween16And2048() {
    assertThat(Thumbnailer.snapWidth(Integer.MIN_VALUE)).isEqualTo(16);
    assertThat(Thumbnailer.snapWidth(0)).isEqualTo(16);
    assertThat(Thumbnailer.snapWidth(16)).isEqualTo(16);
    assertThat(Thumbnailer.snapWidth(201)).isEqualTo(200);
    assertThat(Thumbnailer.snapWidth(320)).isEqualTo(320);
    assertThat(Thumbnailer.snapWidth(2047)).isEqualTo(1600);
    assertThat(Thumbnailer.snapWidth(Integer.MAX_VALUE)).isEqualTo(2048);
  }

  @Test
  void everyPixelWidthFromOneImageMakesOnlyAFewThumbnails() throws Exception {
    String name = store(TestImages.png(3000, 20));
    Set<String> served = new HashSet<>();
    for (int width = -5; width <= 3100; width += 7) {
      MediaFile thumbnail = thumbnailer.thumbnail(name, width);
      assertThat(decode(thumbnail).getWidth()).isLessThanOrEqualTo(Math.max(16, width));
      served.add(thumbnail.name());
    }
    assertThat(served).hasSize(19); // the original and 18 widths
    assertThat(onlyFiles()).hasSize(19); // the original and 18 thumbnails
  }

  @Test
  void thumbnailIsCachedOnDiskAndNotMadeAgain() throws Exception {
    String name = store(TestImages.png(400, 300));
    MediaFile first = thumbnailer.thumbnail(name, 100);
    FileTime past = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(first.path(), past);

    MediaFile second = thumbnailer.thumbnail(name, 127);

    assertThat(second).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(second.path())).isEqualTo(past);
    assertThat(onlyFiles()).containsExactlyInAnyOrder(name, name.replace(".png", ".w96.png"));
  }

  @Test
  void brokenImageDataAfterAValidHeaderIsAMediaExceptionNotACrash() throws Exception {
    byte[][] brokenImages = {
      TestImages.pngWithBrokenData(400, 300), // zlib fails: IIOException
      TestImages.pngHeader(400, 300), // no IDAT at all
      TestImages.gifWithoutFrames(400, 300), // the GIF reader throws IndexOutOfBoundsException
      TestImages.jpegWithoutScan(400, 300)
    };
    for (byte[] broken : brokenImages) {
      String name = store(broken);
      assertRefused(() -> thumbnailer.thumbnail(name, 100), Reason.UNDECODABLE);
    }
    assertThat(onlyFiles()).hasSize(brokenImages.length); // the originals, no thumbnails
    try (Stream<Path> temps = Files.list(files.tempDirectory())) {
      assertThat(temps).isEmpty();
    }
  }

  @Test
  void gifFrameLargerThanItsScreenIsCheckedAgainstThePixelCapBeforeDecoding() throws Exception {
    String name = store(TestImages.gifWithFrame(400, 300, 20_000, 20_000));
    assertThat(files.inspect(name)).isEqualTo(new ImageInfo(ImageType.GIF, 400, 300));

    assertRefused(() -> thumbnailer.thumbnail(name, 100), Reason.TOO_MANY_PIXELS);
  }

  @Test
  void hostileOrUnknownNamesAreNotFound() {
    assertRefused(() -> thumbnailer.thumbnail("../../etc/passwd", 100), Reason.NOT_FOUND);
    assertRefused(() -> thumbnailer.thumbnail("AAAAAAAAAAAAAAAAAAAAAA.jpg", 100), Reason.NOT_FOUND);
  }

  private String store(byte[] bytes) throws Exception {
    return files.store(new ByteArrayInputStream(bytes), bytes.length).name();
  }

  private static BufferedImage decode(MediaFile file) throws IOException {
    return ImageIO.read(file.path().toFile());
  }

  private Set<String> onlyFiles() throws IOException {
    try (Stream<Path> list = Files.list(files.directory())) {
      Set<String> names = new HashSet<>();
      list.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
      return names;
    }
  }
}
