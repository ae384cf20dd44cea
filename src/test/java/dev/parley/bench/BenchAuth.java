package dev.parley.bench;

import dev.parley.wire.JsonReader;
import dev.parley.wire.SapisidHash;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Signs accounts in over the real HTTP endpoints ({@code /auth/login}, then {@code /auth/session})
 * with plain sockets. The login rate limit allows five attempts per client address before it
 * throttles, so each sign-in can come from its own loopback source address ({@code 127.x.y.z}: all
 * of 127/8 is loopback on Linux); the server sees a different client address for each.
 */
final class BenchAuth {
  static final String ORIGIN = "https://hangouts.google.com";

  /** What a signed-in client presents: cookies and the SAPISIDHASH authorization header. */
  record Credentials(String accountId, String sid, String sapisid, String authorization) {
    static Credentials of(String accountId, String sid, String sapisid) {
      return new Credentials(
          accountId,
          sid,
          sapisid,
          SapisidHash.header(System.currentTimeMillis() / 1000, sapisid, ORIGIN));
    }

    String cookie() {
      return "SID=" + sid + "; SAPISID=" + sapisid;
    }

    /** The header lines every authenticated request carries, each ending in CRLF. */
    String headerLines() {
      return "Cookie: "
          + cookie()
          + "\r\nAuthorization: "
          + authorization
          + "\r\nOrigin: "
          + ORIGIN
          + "\r\nX-Goog-AuthUser: 0\r\n";
    }
  }

  private BenchAuth() {}

  /** A loopback source address for sign-in number {@code n}, four sign-ins per address. */
  static InetAddress sourceAddress(int n) {
    int a = n / 4;
    try {
      return InetAddress.getByAddress(new byte[] {127, 1, (byte) (a / 250), (byte) (a % 250 + 1)});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Login then a new session, both from {@code source}. */
  static Credentials signIn(
      InetSocketAddress server, InetAddress source, String accountId, String email, String password)
      throws IOException {
    Map<?, ?> login =
        postForm(
            server, source, "/auth/login", "email=" + enc(email) + "&password=" + enc(password));
    Object refreshToken = login.get("refresh_token");
    if (!(refreshToken instanceof String)) {
      throw new IOException("login of " + email + " failed: " + login);
    }
    Map<?, ?> session =
        postForm(server, source, "/auth/session", "refresh_token=" + enc((String) refreshToken));
    Map<?, ?> cookies = (Map<?, ?>) session.get("cookies");
    if (cookies == null) {
      throw new IOException("session for " + email + " failed: " + session);
    }
    return Credentials.of(accountId, (String) cookies.get("SID"), (String) cookies.get("SAPISID"));
  }

  private static Map<?, ?> postForm(
      InetSocketAddress server, InetAddress source, String path, String form) throws IOException {
    byte[] body = form.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: "
            + server.getHostString()
            + ":"
            + server.getPort()
            + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(source, 0));
      socket.connect(server, 10_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      HttpResponseReader reader = new HttpResponseReader();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while (!reader.isDone() && (n = in.read(buffer)) != -1) {
        reader.feed(buffer, 0, n, received::write);
      }
      if (!reader.isDone() && !reader.endOfStream()) {
        throw new IOException(path + ": response cut short");
      }
      String text = received.toString(StandardCharsets.UTF_8);
      if (reader.status() != 200) {
        throw new IOException(path + ": HTTP " + reader.status() + " " + text);
      }
      return (Map<?, ?>) JsonReader.parse(text);
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(path + ": " + e, e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
