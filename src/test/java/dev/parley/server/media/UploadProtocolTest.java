package dev.parley.server.media;

import static dev.parley.server.media.MediaAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.media.MediaException.Reason;
import dev.parley.wire.JsonReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadProtocolTest {
  /** What hangups 0.4.18 sends in step 1 (json.dumps of the literal in client.upload_image). */
  private static final String HANGUPS_REQUEST =
      "{\"protocolVersion\": \"0.8\", \"createSessionRequest\": {\"fields\": [{\"external\":"
          + " {\"name\": \"file\", \"filename\": \"cat.jpg\", \"put\": {}, \"size\": 12345}}]}}";

  @Test
  void hangupsStepOneRequestIsParsed() throws Exception {
    assertThat(UploadProtocol.parseRequest(HANGUPS_REQUEST))
        .isEqualTo(new UploadRequest("cat.jpg", 12345));
  }

  @Test
  void externalFieldNamedFileIsFoundAmongOthers() throws Exception {
    String body =
        "{\"createSessionRequest\": {\"fields\": [{\"inlined\": {\"name\": \"title\"}},"
            + " {\"external\": {\"name\": \"file\", \"filename\": \"a.png\", \"size\": 0}}]}}";
    assertThat(UploadProtocol.parseRequest(body)).isEqualTo(new UploadRequest("a.png", 0));
  }

  @Test
  void sessionOpenedResponseHasExactlyTheShapeHangupsReads() throws Exception {
    String json = UploadProtocol.sessionOpened("http://h/upload/photos/resumable?upload_id=u1");

    assertThat(json)
        .isEqualTo(
            "{\"sessionStatus\":{\"state\":\"OPEN\",\"externalFieldTransfers\":[{\"name\":\"file\","
                + "\"putInfo\":{\"url\":\"http://h/upload/photos/resumable?upload_id=u1\"}}]}}");
    assertThat(path(json, "sessionStatus", "externalFieldTransfers", 0, "putInfo", "url"))
        .isEqualTo("http://h/upload/photos/resumable?upload_id=u1");
  }

  @Test
  void finalizedResponseCarriesPhotoIdAndUrlWhereHangupsLooks() throws Exception {
    String json = UploadProtocol.finalized("p1", "http://h/media/p1");

    assertThat(json)
        .isEqualTo(
            "{\"sessionStatus\":{\"state\":\"FINALIZED\",\"additionalInfo\":"
                + "{\"uploader_service.GoogleRupioAdditionalInfo\":{\"completionInfo\":"
                + "{\"status\":\"SUCCESS\",\"customerSpecificInfo\":"
                + "{\"photoid\":\"p1\",\"url\":\"http://h/media/p1\"}}}}}}");
    Object info =
        path(
            json,
            "sessionStatus",
            "additionalInfo",
            "uploader_service.GoogleRupioAdditionalInfo",
            "completionInfo",
            "customerSpecificInfo");
    assertThat(info).isEqualTo(Map.of("photoid", "p1", "url", "http://h/media/p1"));
  }

  @Test
  void refusalBodyNamesTheCodeAndMessage() throws Exception {
    String json = UploadProtocol.refusal("TOO_LARGE", "image is too large");

    assertThat(json)
        .isEqualTo(
            "{\"errorMessage\":{\"additionalInfo\":{\"uploader_service.GoogleRupioAdditionalInfo\":"
                + "{\"completionInfo\":{\"customerSpecificInfo\":"
                + "{\"status\":\"TOO_LARGE\",\"message\":\"image is too large\"}}}}}}");
  }

  @Test
  void refusalOfAMediaExceptionUsesItsReasonAsTheCode() throws Exception {
    String json =
        UploadProtocol.refusal(new MediaException(Reason.NOT_AN_IMAGE, "not an image \u00e9"));

    Object info =
        path(
            json,
            "errorMessage",
            "additionalInfo",
            "uploader_service.GoogleRupioAdditionalInfo",
            "completionInfo",
            "customerSpecificInfo");
    assertThat(info).isEqualTo(Map.of("status", "NOT_AN_IMAGE", "message", "not an image \u00e9"));
    assertThat(json).isEqualTo(json.replaceAll("[^\\x20-\\x7e]", "")); // ASCII only
  }

  @Test
  void missingOrOddValuesAreRefusedWithAMessageNamingThePart() {
    String[][] cases = {
      {"not json", "JSON"},
      {"[]", "object"},
      {"{}", "createSessionRequest"},
      {"{\"createSessionRequest\": 5}", "createSessionRequest"},
      {"{\"createSessionRequest\": {}}", "fields"},
      {"{\"createSessionRequest\": {\"fields\": {}}}", "fields"},
      {"{\"createSessionRequest\": {\"fields\": []}}", "file"},
      {"{\"createSessionRequest\": {\"fields\": [null, 3, {\"external\": 1}]}}", "file"},
      {field("\"name\": \"photo\", \"filename\": \"a\", \"size\": 1"), "file"},
      {field("\"name\": \"file\", \"size\": 1"), "filename"},
      {field("\"name\": \"file\", \"filename\": 7, \"size\": 1"), "filename"},
      {field("\"name\": \"file\", \"filename\": \"a\""), "size"},
      {field("\"name\": \"file\", \"filename\": \"a\", \"size\": -1"), "size"},
      {field("\"name\": \"file\", \"filename\": \"a\", \"size\": 1.5"), "size"},
      {field("\"name\": \"file\", \"filename\": \"a\", \"size\": \"12\""), "size"},
      {field("\"name\": \"file\", \"filename\": \"a\", \"size\": 1e99"), "size"},
      {field("\"name\": \"file\", \"filename\": \"a\", \"size\": 99999999999999999999"), "size"},
      {"[".repeat(10_000), "JSON"},
    };
    for (String[] c : cases) {
      assertRefused(() -> UploadProtocol.parseRequest(c[0]), Reason.BAD_REQUEST)
          .as(c[0])
          .hasMessageContaining(c[1]);
    }
  }

  @Test
  void hostileFileNamesBecomeHarmlessDisplayNames() throws Exception {
    assertThat(parseName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(parseName("C:\\\\Users\\\\x\\\\cat.png")).isEqualTo("cat.png");
    assertThat(parseName("a\\u0000b\\n.png")).isEqualTo("ab.png");
    assertThat(parseName("..")).isEqualTo("image");
    assertThat(parseName("")).isEqualTo("image");
    assertThat(parseName("dir/")).isEqualTo("image");
    assertThat(parseName("\\u732b.jpg")).isEqualTo("\u732b.jpg");
    assertThat(parseName("x".repeat(100_000))).hasSize(UploadProtocol.MAX_FILENAME_LENGTH);
    assertThat(parseName("x".repeat(254) + "\\ud83d\\ude00")).isEqualTo("x".repeat(254));
  }

  private static String parseName(String jsonEscapedName) throws MediaException {
    String body =
        field("\"name\": \"file\", \"filename\": \"" + jsonEscapedName + "\", \"size\": 1");
    return UploadProtocol.parseRequest(body).filename();
  }

  private static String field(String members) {
    return "{\"createSessionRequest\": {\"fields\": [{\"external\": {" + members + "}}]}}";
  }

  /** Follows object keys and list indexes through parsed JSON. */
  private static Object path(String json, Object... steps) throws Exception {
    Object node = JsonReader.parse(json);
    for (Object step : steps) {
      node =
          step instanceof Integer
              ? ((List<?>) node).get((Integer) step)
              : ((Map<?, ?>) node).get(step);
    }
    return node;
  }
}
