package dev.parley.client;

import static dev.parley.client.LiveClients.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.server.storage.Account;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Client#fetchMedia(String)} against a real server, with and without the disk cache. */
class ClientMediaTest {
  @TempDir Path dir;
  private LiveClients live;
  private Account alice;
  private Client aliceClient;

  @BeforeEach
  void start() throws Exception {
    live = new LiveClients(dir);
    alice = live.account("alice@example.org", "Alice Liddell");
    aliceClient = live.client(live.signIn(alice.email()));
  }

  @AfterEach
  void stop() throws Exception {
    live.close();
  }

  @Test
  void anUploadedImageAndItsThumbnailCanBeFetched() throws Exception {
    byte[] png = png(300, 200);
    UploadedImage uploaded = await(aliceClient.uploadImage(png, "p.png", null));

    assertThat(await(aliceClient.fetchMedia(uploaded.url()))).isEqualTo(png);
    byte[] thumbnail = await(aliceClient.fetchMedia(uploaded.url() + "?w=100"));
    assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail)).getWidth()).isBetween(1, 100);
  }

  @Test
  void aMissingImageIsRefusedWithItsStatus() {
    assertThatThrownBy(() -> await(aliceClient.fetchMedia(live.fixture().url() + "/media/nope")))
        .isInstanceOf(RequestRefusedException.class)
        .hasMessageContaining("404");
  }

  @Test
  void somethingThatIsNotAnImageIsRefused() {
    assertThatThrownBy(() -> await(aliceClient.fetchMedia(live.fixture().url() + "/healthz")))
        .isInstanceOf(RequestRefusedException.class)
        .hasMessageContaining("not an image");
  }

  @Test
  void aUrlOnAnotherHostIsRefusedWithoutAsking() {
    assertThatThrownBy(() -> await(aliceClient.fetchMedia("https://example.org/avatar.png")))
        .isInstanceOf(RequestRefusedException.class)
        .hasMessageContaining("not a media URL of this server");
  }

  @Test
  void aMediaUrlNamingAnotherHostIsFetchedFromTheClientsOwnServer() throws Exception {
    byte[] png = png(40, 30);
    UploadedImage uploaded = await(aliceClient.uploadImage(png, "p.png", null));
    String path = URI.create(uploaded.url()).getRawPath();

    assertThat(await(aliceClient.fetchMedia("https://elsewhere.example" + path))).isEqualTo(png);
    assertThat(await(aliceClient.fetchMedia(path))).isEqualTo(png);
  }

  @Test
  void anImageLargerThanTheLimitIsRefused() throws Exception {
    Client small =
        live.client(
            live.signIn(alice.email()), live.fixture().url(), options -> options.maxMediaBytes(64));
    UploadedImage uploaded = await(small.uploadImage(png(300, 200), "p.png", null));

    assertThatThrownBy(() -> await(small.fetchMedia(uploaded.url())))
        .isInstanceOf(RequestRefusedException.class)
        .hasMessageContaining("over 64 bytes");
  }

  @Test
  void theDiskCacheServesAnImageAgainWhileTheServerIsUnreachable() throws Exception {
    Path cache = dir.resolve("media-cache");
    try (TcpProxy proxy = new TcpProxy(URI.create(live.fixture().url()).getPort())) {
      Client cached =
          live.client(
              live.signIn(alice.email()),
              proxy.url(),
              options -> options.origin(live.fixture().url()).mediaCache(cache, 10L * 1024 * 1024));
      byte[] png = png(120, 80);
      UploadedImage uploaded = await(cached.uploadImage(png, "p.png", null));
      assertThat(await(cached.fetchMedia(uploaded.url()))).isEqualTo(png);

      proxy.refuse(true);
      proxy.cutAll();

      assertThat(await(cached.fetchMedia(uploaded.url()))).isEqualTo(png);
      try (Stream<Path> files = Files.list(cache)) {
        assertThat(files.count()).isGreaterThan(1); // the journal and the entry
      }
    }
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    try {
      return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  static byte[] png(int width, int height) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLUE);
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
