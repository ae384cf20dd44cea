package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.proto.Hangouts.ResponseStatus;
import dev.parley.wire.JsonReader;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Malformed input per endpoint group: every RPC group gets bodies that are not pblite, are pblite
 * with wrong types, or nest too deep, and must answer 400 or a clean refusal, never a server fault;
 * the upload, media and join endpoints get their own kinds of garbage. The server keeps serving.
 */
abstract class MalformedRequestsContract extends ServerTestBase {
  /** One endpoint of each RPC group (conversations, contacts, presence, clients, devices). */
  private static final List<String> ENDPOINTS =
      List.of(
          "conversations/sendchatmessage",
          "conversations/getconversation",
          "conversations/syncallnewevents",
          "contacts/getentitybyid",
          "contacts/searchentities",
          "presence/querypresence",
          "presence/setpresence",
          "clients/setactiveclient",
          "devices/sendoffnetworkinvitation");

  /** Bodies that are not a pblite array at all, or nest deeper than the 64 levels allowed. */
  private static final Map<String, String> UNDECODABLE = new LinkedHashMap<>();

  /** pblite arrays with wrong types in them: a decoder skips those fields (PROTOCOL.md 7). */
  private static final Map<String, String> WRONG_TYPES = new LinkedHashMap<>();

  static {
    UNDECODABLE.put("an empty body", "");
    UNDECODABLE.put("a JSON object", "{\"1\": [null]}");
    UNDECODABLE.put("a JSON string", "\"conversations\"");
    UNDECODABLE.put("a bare number", "42");
    UNDECODABLE.put("truncated JSON", "[[null, [\"x\"");
    UNDECODABLE.put("trailing garbage", "[null] [null]");
    UNDECODABLE.put("a JavaScript elision", "[,,1]");
    UNDECODABLE.put("200 nested arrays", "[".repeat(200) + "]".repeat(200));
    UNDECODABLE.put(
        "70 nested arrays in a field", "[null, " + "[".repeat(70) + "]".repeat(70) + "]");
    UNDECODABLE.put("70 nested objects", "[" + "{\"1\": ".repeat(70) + "1" + "}".repeat(70) + "]");

    WRONG_TYPES.put("a string for the request header", "[\"header\"]");
    WRONG_TYPES.put(
        "numbers, strings and booleans in the wrong places",
        "[1, \"2\", true, [false], {\"4\": \"x\"}, [[\"a\"]], 7.5, [1, 2], \"x\", [\"y\"]]");
    WRONG_TYPES.put("numbers in strings", "[null, \"12\", \"34\", \"56\"]");
    WRONG_TYPES.put("a number too large for 64 bits", "[null, 18446744073709551616, 1e999]");
    WRONG_TYPES.put("unknown enum values", "[null, null, 99999, [99999]]");
    WRONG_TYPES.put("huge field numbers", "[null, {\"99999999999999999999\": 1, \"-1\": 2}]");
    WRONG_TYPES.put("a lone surrogate", "[null, null, \"\\ud800\"]");
  }

  @TestFactory
  Stream<DynamicTest> everyRpcGroupAnswersMalformedPbliteWith400OrACleanRefusal() {
    return ENDPOINTS.stream()
        .map(
            endpoint ->
                DynamicTest.dynamicTest(
                    endpoint + " answers malformed pblite with 400 or a clean refusal",
                    () -> {
                      UNDECODABLE.forEach(
                          (what, body) ->
                              assertThat(post(endpoint, body).statusCode())
                                  .as("%s with %s", endpoint, what)
                                  .isEqualTo(400));
                      WRONG_TYPES.forEach(
                          (what, body) ->
                              assertClean(endpoint + " with " + what, post(endpoint, body)));
                      stillServing();
                    }));
  }

  @Test
  void conversationIdOfTheWrongTypeIsRefusedNotGuessed() {
    // event_request_header (8) with conversation_id (1) whose id (1) is a number, not a string.
    HttpResponse<byte[]> response =
        post(
            "conversations/sendchatmessage",
            "[null, null, null, null, null, [[[0, \"hi\"]]], null, [[12345], 1]]");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(statusOf(response)).isEqualTo(ResponseStatus.RESPONSE_STATUS_INVALID_REQUEST_VALUE);
  }

  @Test
  void binaryProtobufNestedTooDeeplyIsRefusedWith400() {
    // 200 nested groups of an unknown field (99): skipping them must respect the recursion limit.
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < 200; i++) {
      body.write(0x9B); // field 99, start group
      body.write(0x06);
    }
    for (int i = 0; i < 200; i++) {
      body.write(0x9C); // field 99, end group
      body.write(0x06);
    }
    for (String endpoint : ENDPOINTS) {
      assertThat(aliceClient.post(endpoint + "?alt=proto", body.toByteArray(), true).statusCode())
          .as("%s with 200 nested groups", endpoint)
          .isEqualTo(400);
    }
    stillServing();
  }

  @Test
  void malformedUploadRequestsGetTheRefusal() {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("not JSON", "protocolVersion=0.8");
    bodies.put("an array", "[]");
    bodies.put("no fields", "{\"createSessionRequest\": {}}");
    bodies.put(
        "a size in a string",
        Uploads.openBody("a.png", 1).replace("\"size\": 1", "\"size\": \"1\""));
    bodies.put("a negative size", Uploads.openBody("a.png", -1));
    bodies.put("no file field", "{\"createSessionRequest\": {\"fields\": [{\"inlined\": {}}]}}");
    bodies.put(
        "200 nested arrays",
        "{\"createSessionRequest\": " + "[".repeat(200) + "]".repeat(200) + "}");
    bodies.forEach(
        (what, body) ->
            assertThat(Uploads.refusal(Uploads.json(Uploads.open(aliceClient, body))))
                .as("upload request with %s", what)
                .containsEntry("status", "BAD_REQUEST"));
    assertThat(
            Uploads.refusal(
                Uploads.json(
                    Uploads.open(aliceClient, Uploads.openBody("huge.png", 51L * 1024 * 1024)))))
        .as("upload request declaring 51 MiB")
        .containsEntry("status", "TOO_LARGE");
    stillServing();
  }

  @Test
  void oddMediaAndJoinPathsAreNotFoundNeverAFault() throws Exception {
    String photoId =
        (String) Uploads.upload(aliceClient, "p.png", Uploads.png(50, 50)).get("photoid");
    String media = fixture.url() + "/media/";
    for (String path :
        List.of(
            "..%2F..%2Fetc%2Fpasswd",
            "../../etc/passwd", "%00", photoId + "%00", photoId + "/x", "x".repeat(2000), "")) {
      assertThat(Uploads.fetch(aliceClient, media + path).statusCode())
          .as("GET /media/%s", path)
          .isIn(400, 404);
    }
    for (String width : List.of("-5", "0", "abc", "99999999999", "1e3", "64.5")) {
      assertThat(Uploads.fetch(aliceClient, media + photoId + "?w=" + width).statusCode())
          .as("GET /media/<id>?w=%s", width)
          .isLessThan(500);
    }
    for (String token : List.of("%00", "..%2F", "x".repeat(2000), "")) {
      // A fresh connection each: after refusing a malformed request line the server may close
      // the connection, and a pooled one could be reused just as it closes.
      HttpResponse<byte[]> joined =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  aliceClient
                      .authorized(
                          HttpRequest.newBuilder(URI.create(fixture.url() + "/join/" + token)))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(joined.statusCode()).as("POST /join/%s", token).isIn(400, 404);
    }
    stillServing();
  }

  private HttpResponse<byte[]> post(String endpoint, String body) {
    return aliceClient.post(endpoint + "?alt=json", body.getBytes(StandardCharsets.UTF_8), false);
  }

  /** 400, or 200 with a pblite response whose status is OK or INVALID_REQUEST. */
  private static void assertClean(String what, HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).as(what).isIn(200, 400);
    if (response.statusCode() == 200) {
      assertThat(statusOf(response))
          .as("%s: response status", what)
          .isIn(
              ResponseStatus.RESPONSE_STATUS_OK_VALUE,
              ResponseStatus.RESPONSE_STATUS_INVALID_REQUEST_VALUE);
    }
  }

  /** The status number of a pblite response: element 0 of element 0. */
  private static int statusOf(HttpResponse<byte[]> response) {
    try {
      List<?> array =
          (List<?>) JsonReader.parse(new String(response.body(), StandardCharsets.UTF_8));
      return ((Long) ((List<?>) array.get(0)).get(0)).intValue();
    } catch (Exception e) {
      throw new AssertionError(
          "not a pblite response: " + new String(response.body(), StandardCharsets.UTF_8), e);
    }
  }

  private void stillServing() {
    assertOk(Requests.send(aliceClient, Requests.oneToOne(aliceClient, bob.id()), "still here"));
  }
}
