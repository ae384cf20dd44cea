package dev.parley.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.wire.ChannelCodec;
import dev.parley.wire.ChannelSession;
import dev.parley.wire.ChunkParser;
import dev.parley.wire.MalformedChannelDataException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plain HTTP/1.1 over a {@link Socket}, so tests see the exact bytes Jetty sends, status line
 * included. Every exchange here uses {@code Connection: close}.
 */
final class RawHttp {
  static final String BIND = "/client-channel/channel/bind";

  private RawHttp() {}

  /** A whole response: the status line exactly as sent (without CRLF), headers, decoded body. */
  record Reply(String statusLine, Map<String, String> headers, byte[] body) {
    int status() {
      return Integer.parseInt(statusLine.split(" ")[1]);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  static String request(String method, String target, String account, String body) {
    StringBuilder sb = new StringBuilder();
    sb.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    sb.append("Host: chat-pa.clients6.google.com\r\n");
    if (account != null) {
      sb.append(ChannelTestServer.ACCOUNT_HEADER).append(": ").append(account).append("\r\n");
    }
    sb.append("Connection: close\r\n");
    if (body != null) {
      sb.append("Content-Type: application/x-www-form-urlencoded\r\n");
      sb.append("Content-Length: ")
          .append(body.getBytes(StandardCharsets.UTF_8).length)
          .append("\r\n");
    }
    sb.append("\r\n");
    if (body != null) {
      sb.append(body);
    }
    return sb.toString();
  }

  static Reply exchange(int port, String method, String target, String account, String body)
      throws IOException {
    return exchange(port, request(method, target, account, body));
  }

  static Reply exchange(int port, String rawRequest) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(rawRequest.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String statusLine = readLine(in);
      Map<String, String> headers = readHeaders(in);
      byte[] body;
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        byte[] piece;
        while ((piece = readHttpChunk(in)) != null) {
          decoded.write(piece);
        }
        body = decoded.toByteArray();
      } else if (headers.containsKey("content-length")) {
        body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
      } else {
        body = in.readAllBytes();
      }
      return new Reply(statusLine, headers, body);
    }
  }

  /** One line without its CRLF; the bytes must be exactly {@code ...\r\n}. */
  static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed in the middle of a line: " + line);
      }
      if (previous == '\r' && b == '\n') {
        byte[] bytes = line.toByteArray();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
      previous = b;
    }
  }

  static Map<String, String> readHeaders(InputStream in) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    String line;
    while (!(line = readLine(in)).isEmpty()) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    return headers;
  }

  /**
   * The next chunk of a chunked body, or null after the last (empty) chunk and its trailers. The
   * CRLF that closes a chunk's data is read with the next chunk's size line (Jetty sends it as part
   * of the next chunk), so a chunk is returned as soon as its data arrived.
   */
  static byte[] readHttpChunk(InputStream in) throws IOException {
    String sizeLine = readLine(in);
    if (sizeLine.isEmpty()) {
      sizeLine = readLine(in); // the end of the previous chunk's data
    }
    int semicolon = sizeLine.indexOf(';');
    int size = Integer.parseInt(semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon), 16);
    if (size == 0) {
      readHeaders(in); // trailers up to the empty line
      return null;
    }
    byte[] data = in.readNBytes(size);
    if (data.length != size) {
      throw new IOException("connection closed in the middle of an HTTP chunk");
    }
    return data;
  }

  // ---- channel conveniences ----

  /** Opens a channel session with {@code count=0&ofs=0}; asserts a single framed chunk. */
  static ChannelSession newSession(int port, String account)
      throws IOException, MalformedChannelDataException {
    Reply reply =
        exchange(port, "POST", BIND + "?VER=8&RID=81187&ctype=hangouts", account, "count=0&ofs=0");
    assertThat(reply.statusLine()).isEqualTo("HTTP/1.1 200 OK");
    List<String> payloads = new ChunkParser().feed(reply.body());
    assertThat(payloads).hasSize(1);
    return ChannelCodec.parseSessionResponse(payloads.get(0));
  }

  static String longPollTarget(ChannelSession session) {
    return BIND
        + "?VER=8&gsessionid="
        + session.gsessionId()
        + "&RID=rpc&t=1&SID="
        + session.sid()
        + "&CI=0&ctype=hangouts&TYPE=xmlhttp";
  }

  static String postTarget(ChannelSession session) {
    return BIND
        + "?VER=8&RID=81188&ctype=hangouts&gsessionid="
        + session.gsessionId()
        + "&SID="
        + session.sid();
  }

  /** Subscribes as hangups does, one {@code reqN_p} per service. */
  static Reply subscribe(int port, String account, ChannelSession session, String... services)
      throws IOException {
    StringBuilder body = new StringBuilder("count=").append(services.length).append("&ofs=0");
    for (int i = 0; i < services.length; i++) {
      body.append("&req")
          .append(i)
          .append("_p=")
          .append(
              java.net.URLEncoder.encode(
                  ChannelCodec.buildServiceSubscription(services[i]), StandardCharsets.UTF_8));
    }
    return exchange(port, "POST", postTarget(session), account, body.toString());
  }
}
