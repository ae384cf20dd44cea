package dev.parley.server.testing;

import com.google.protobuf.Message;
import dev.parley.proto.Hangouts.ClientIdentifier;
import dev.parley.proto.Hangouts.RequestHeader;
import dev.parley.wire.JsonReader;
import dev.parley.wire.RpcCodec;
import dev.parley.wire.SapisidHash;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A client that speaks to a Parley server exactly as hangups does: cookies, the SAPISIDHASH header
 * with hangups' origin, binary protobuf requests with base64 responses. For black-box server tests;
 * it knows nothing of the server's classes.
 */
public final class HangoutsTestClient {
  public static final String ORIGIN = "https://hangouts.google.com";

  private final String baseUrl;
  private final String sid;
  private final String sapisid;
  private final HttpClient http;
  private final long hashTimestamp;
  private final String refreshToken;
  private volatile String clientId;

  private HangoutsTestClient(String baseUrl, String sid, String sapisid, String refreshToken) {
    this.baseUrl = baseUrl;
    this.sid = sid;
    this.sapisid = sapisid;
    this.refreshToken = refreshToken;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.hashTimestamp = System.currentTimeMillis() / 1000;
  }

  /** Signs in with email and password: login for a refresh token, then a session. */
  public static HangoutsTestClient signIn(String baseUrl, String email, String password) {
    HttpClient http = HttpClient.newHttpClient();
    Map<?, ?> login =
        postForm(http, baseUrl + "/auth/login", Map.of("email", email, "password", password));
    String refreshToken = (String) login.get("refresh_token");
    if (refreshToken == null) {
      throw new IllegalStateException("login failed: " + login);
    }
    return startSession(http, baseUrl, refreshToken);
  }

  private static HangoutsTestClient startSession(
      HttpClient http, String baseUrl, String refreshToken) {
    Map<?, ?> session =
        postForm(http, baseUrl + "/auth/session", Map.of("refresh_token", refreshToken));
    Map<?, ?> cookies = (Map<?, ?>) session.get("cookies");
    if (cookies == null) {
      throw new IllegalStateException("no session: " + session);
    }
    return new HangoutsTestClient(
        baseUrl, (String) cookies.get("SID"), (String) cookies.get("SAPISID"), refreshToken);
  }

  /**
   * A second, independent sign-in session of the same account (another device), made from this
   * client's refresh token so it costs no login attempt.
   */
  public HangoutsTestClient anotherSession() {
    return startSession(HttpClient.newHttpClient(), baseUrl, refreshToken);
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String cookieHeader() {
    return "SID=" + sid + "; SAPISID=" + sapisid;
  }

  public String authorizationHeader() {
    return SapisidHash.header(hashTimestamp, sapisid, ORIGIN);
  }

  /** Sets the channel client id that request headers name from now on. */
  public void setClientId(String id) {
    this.clientId = id;
  }

  public RequestHeader header() {
    RequestHeader.Builder header = RequestHeader.newBuilder();
    if (clientId != null) {
      header.setClientIdentifier(ClientIdentifier.newBuilder().setResource(clientId));
    }
    return header.build();
  }

  /** Calls an RPC with binary protobuf and a base64 response, as hangups does. */
  public <R extends Message> R rpc(String endpoint, Message request, R responsePrototype) {
    HttpResponse<byte[]> response =
        post(endpoint + "?alt=proto&key=test", request.toByteArray(), true);
    if (response.statusCode() != 200) {
      throw new RpcHttpException(
          response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    }
    try {
      return RpcCodec.decodeBase64Proto(response.body(), responsePrototype);
    } catch (Exception e) {
      throw new IllegalStateException("undecodable response from " + endpoint, e);
    }
  }

  /** Calls an RPC with pblite JSON both ways ({@code alt=json}). */
  public <R extends Message> R rpcJson(String endpoint, Message request, R responsePrototype) {
    HttpResponse<byte[]> response =
        post(
            endpoint + "?alt=json",
            RpcCodec.encodePblite(request).getBytes(StandardCharsets.UTF_8),
            false);
    if (response.statusCode() != 200) {
      throw new RpcHttpException(
          response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    }
    try {
      return RpcCodec.decodePblite(
          new String(response.body(), StandardCharsets.UTF_8), responsePrototype);
    } catch (Exception e) {
      throw new IllegalStateException("undecodable response from " + endpoint, e);
    }
  }

  /** A raw POST to {@code /chat/v1/<endpointAndQuery>} with this client's credentials. */
  public HttpResponse<byte[]> post(String endpointAndQuery, byte[] body, boolean base64Response) {
    HttpRequest.Builder request =
        authorized(HttpRequest.newBuilder(URI.create(baseUrl + "/chat/v1/" + endpointAndQuery)))
            .header("content-type", "application/x-protobuf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (base64Response) {
      request.header(RpcCodec.ENCODE_RESPONSE_HEADER, RpcCodec.ENCODE_RESPONSE_BASE64);
    }
    return send(request.build());
  }

  public HttpRequest.Builder authorized(HttpRequest.Builder builder) {
    return builder
        .header("cookie", cookieHeader())
        .header("authorization", authorizationHeader())
        .header("origin", ORIGIN)
        .header("x-goog-authuser", "0")
        .timeout(Duration.ofSeconds(30));
  }

  public HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpClient http() {
    return http;
  }

  /** Opens a push channel as hangups does and collects what it pushes. */
  public TestChannel openChannel() {
    return TestChannel.open(this);
  }

  static Map<?, ?> postForm(HttpClient http, String url, Map<String, String> form) {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) -> {
          if (body.length() > 0) {
            body.append('&');
          }
          body.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("content-type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return (Map<?, ?>) JsonReader.parse(response.body());
    } catch (Exception e) {
      throw new IllegalStateException("POST " + url + " failed", e);
    }
  }

  /** A non-200 answer to an RPC. */
  public static final class RpcHttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    RpcHttpException(int status, String body) {
      super("HTTP " + status + ": " + body);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }
}
