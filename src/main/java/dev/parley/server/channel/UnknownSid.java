package dev.parley.server.channel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers {@code HTTP/1.1 400 Unknown SID}: hangups compares the reason phrase (PROTOCOL.md section
 * 6.1.4).
 *
 * <p>Jetty 12's core {@code Response} has no reason phrase: it always builds its {@code
 * MetaData.Response} with a null reason, and the HTTP/1.1 generator then writes the standard one
 * ("Bad Request"). The generator does write a non-null reason, so this wraps the request's {@link
 * HttpStream} and swaps in a {@code MetaData.Response} with the reason as the headers are sent.
 * HTTP/2 and HTTP/3 have no reason phrase; there the status alone goes out.
 */
final class UnknownSid {
  static final String REASON = "Unknown SID";

  private static final byte[] BODY = REASON.getBytes(StandardCharsets.US_ASCII);

  private UnknownSid() {}

  static void send(Request request, Response response, Callback callback) {
    request.addHttpStreamWrapper(ReasonPhraseStream::new);
    response.setStatus(HttpStatus.BAD_REQUEST_400);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, BODY.length);
    response.write(true, ByteBuffer.wrap(BODY), callback);
  }

  private static final class ReasonPhraseStream extends HttpStream.Wrapper {
    ReasonPhraseStream(HttpStream wrapped) {
      super(wrapped);
    }

    @Override
    public void send(
        MetaData.Request request,
        MetaData.Response response,
        boolean last,
        ByteBuffer content,
        Callback callback) {
      MetaData.Response withReason = response;
      if (response != null && response.getStatus() == HttpStatus.BAD_REQUEST_400) {
        withReason =
            new MetaData.Response(
                response.getStatus(),
                REASON,
                response.getHttpVersion(),
                response.getHttpFields(),
                response.getContentLength(),
                response.getTrailersSupplier());
      }
      super.send(request, withReason, last, content, callback);
    }
  }
}
