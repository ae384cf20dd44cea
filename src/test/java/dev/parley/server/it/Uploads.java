package dev.parley.server.it;

import dev.parley.server.testing.HangoutsTestClient;
import dev.parley.wire.JsonReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The two-step image upload exactly as hangups does it (PROTOCOL.md section 8), and fetching media
 * with cookies only, for black-box tests.
 */
final class Uploads {
  static final String PATH = "/upload/photos/resumable";
  private static final String RUPIO = "uploader_service.GoogleRupioAdditionalInfo";

  private Uploads() {}

  /** A real PNG drawn with java2d. */
  static byte[] png(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLUE);
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static BufferedImage decode(byte[] bytes) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      if (image == null) {
        throw new IllegalStateException("not an image ImageIO can read");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Step 1 with hangups' body, content type and query; the raw response. */
  static HttpResponse<byte[]> open(HangoutsTestClient client, String body) {
    return client.send(
        client
            .authorized(
                HttpRequest.newBuilder(
                    URI.create(client.baseUrl() + PATH + "?alt=json&key=test-key")))
            .header("content-type", "application/x-www-form-urlencoded;charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  static String openBody(String filename, long size) {
    return "{\"protocolVersion\": \"0.8\", \"createSessionRequest\": {\"fields\": [{\"external\":"
        + " {\"name\": \"file\", \"filename\": \""
        + filename
        + "\", \"put\": {}, \"size\": "
        + size
        + "}}]}}";
  }

  /** Step 1, which must succeed: the URL the bytes go to. */
  static String putUrl(HangoutsTestClient client, String filename, long size) {
    Map<?, ?> opened = json(open(client, openBody(filename, size)));
    Map<?, ?> status = (Map<?, ?>) opened.get("sessionStatus");
    if (status == null) {
      throw new AssertionError("upload not opened: " + opened);
    }
    Map<?, ?> transfer = (Map<?, ?>) ((List<?>) status.get("externalFieldTransfers")).get(0);
    return (String) ((Map<?, ?>) transfer.get("putInfo")).get("url");
  }

  /** Step 2 as hangups sends it: the URL from step 1 plus its own query, the raw bytes. */
  static Map<?, ?> put(HangoutsTestClient client, String url, byte[] bytes) {
    return json(
        client.send(
            client
                .authorized(HttpRequest.newBuilder(URI.create(url + "&alt=json&key=test-key")))
                .header("content-type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build()));
  }

  /** Both steps, which must succeed; the completion info (photoid, url). */
  static Map<?, ?> upload(HangoutsTestClient client, String filename, byte[] bytes) {
    Map<?, ?> done = put(client, putUrl(client, filename, bytes.length), bytes);
    Map<?, ?> info = completionInfo(done);
    if (info == null || !"SUCCESS".equals(info.get("status"))) {
      throw new AssertionError("upload failed: " + done);
    }
    return (Map<?, ?>) info.get("customerSpecificInfo");
  }

  /** The completion info of a step 2 answer, or null when it is not one. */
  static Map<?, ?> completionInfo(Map<?, ?> answer) {
    Map<?, ?> status = (Map<?, ?>) answer.get("sessionStatus");
    if (status == null || !"FINALIZED".equals(status.get("state"))) {
      return null;
    }
    return rupio((Map<?, ?>) status.get("additionalInfo"));
  }

  /** The {@code customerSpecificInfo} of a refusal ({@code status}, {@code message}), or null. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> refusal(Map<?, ?> answer) {
    Map<?, ?> error = (Map<?, ?>) answer.get("errorMessage");
    if (error == null) {
      return null;
    }
    return (Map<String, Object>)
        rupio((Map<?, ?>) error.get("additionalInfo")).get("customerSpecificInfo");
  }

  private static Map<?, ?> rupio(Map<?, ?> additionalInfo) {
    return (Map<?, ?>) ((Map<?, ?>) additionalInfo.get(RUPIO)).get("completionInfo");
  }

  /** {@code GET} of a media URL with the session cookies only, as a browser or hangups does. */
  static HttpResponse<byte[]> fetch(HangoutsTestClient client, String url) {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).header("cookie", client.cookieHeader()).build());
  }

  static Map<?, ?> json(HttpResponse<byte[]> response) {
    String body = new String(response.body(), StandardCharsets.UTF_8);
    if (response.statusCode() != 200) {
      throw new AssertionError("HTTP " + response.statusCode() + ": " + body);
    }
    try {
      return (Map<?, ?>) JsonReader.parse(body);
    } catch (Exception e) {
      throw new AssertionError("not a JSON object: " + body, e);
    }
  }
}
