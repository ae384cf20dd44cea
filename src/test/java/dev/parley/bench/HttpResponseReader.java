package dev.parley.bench;

import java.util.Locale;

/**
 * An incremental HTTP/1.1 response parser for the bench's hand-written clients: status line,
 * headers, then a body framed by {@code Content-Length}, by chunked transfer coding, or by the end
 * of the connection. Body bytes go to a {@link BodySink} as they arrive, so a long-poll body is
 * streamed. One response at a time; {@link #reset()} before the next. Not thread-safe.
 */
final class HttpResponseReader {
  /** Receives body bytes (already de-chunked). */
  interface BodySink {
    void body(byte[] bytes, int offset, int length);
  }

  private enum State {
    HEAD,
    BODY_LENGTH,
    BODY_UNTIL_CLOSE,
    CHUNK_SIZE,
    CHUNK_DATA,
    CHUNK_END,
    TRAILER,
    DONE
  }

  private static final int MAX_LINE = 16 * 1024;

  private State state = State.HEAD;
  private final StringBuilder line = new StringBuilder();
  private int status;
  private String reason = "";
  private long contentLength;
  private boolean chunked;
  private long remaining;
  private boolean sawCarriageReturn;
  private boolean firstLine = true;

  void reset() {
    state = State.HEAD;
    line.setLength(0);
    status = 0;
    reason = "";
    contentLength = -1;
    chunked = false;
    remaining = 0;
    firstLine = true;
  }

  HttpResponseReader() {
    reset();
  }

  int status() {
    return status;
  }

  String reason() {
    return reason;
  }

  boolean isDone() {
    return state == State.DONE;
  }

  /** The connection ended: completes a body that runs until the close; false if cut short. */
  boolean endOfStream() {
    if (state == State.BODY_UNTIL_CLOSE) {
      state = State.DONE;
      return true;
    }
    return state == State.DONE;
  }

  /**
   * Parses from {@code bytes[offset, offset+length)} and returns how many bytes it used; stops
   * right after the end of the response, leaving later bytes to the caller.
   *
   * @throws IllegalStateException on a malformed response
   */
  int feed(byte[] bytes, int offset, int length, BodySink sink) {
    int i = offset;
    int end = offset + length;
    while (i < end && state != State.DONE) {
      switch (state) {
        case HEAD, CHUNK_SIZE, TRAILER -> {
          byte b = bytes[i++];
          if (b == '\n') {
            String text = line.toString();
            line.setLength(0);
            onLine(text);
          } else if (b != '\r') {
            if (line.length() >= MAX_LINE) {
              throw new IllegalStateException("response line too long");
            }
            line.append((char) (b & 0xff));
          }
        }
        case BODY_LENGTH -> {
          int n = (int) Math.min(remaining, end - i);
          sink.body(bytes, i, n);
          i += n;
          remaining -= n;
          if (remaining == 0) {
            state = State.DONE;
          }
        }
        case BODY_UNTIL_CLOSE -> {
          sink.body(bytes, i, end - i);
          i = end;
        }
        case CHUNK_DATA -> {
          int n = (int) Math.min(remaining, end - i);
          sink.body(bytes, i, n);
          i += n;
          remaining -= n;
          if (remaining == 0) {
            state = State.CHUNK_END;
            sawCarriageReturn = false;
          }
        }
        case CHUNK_END -> {
          byte b = bytes[i++];
          if (b == '\n') {
            state = State.CHUNK_SIZE;
          } else if (b != '\r' || sawCarriageReturn) {
            throw new IllegalStateException("chunk not followed by CRLF");
          } else {
            sawCarriageReturn = true;
          }
        }
        default -> throw new IllegalStateException("unexpected state " + state);
      }
    }
    return i - offset;
  }

  private void onLine(String text) {
    switch (state) {
      case HEAD -> {
        if (firstLine) {
          firstLine = false;
          // HTTP/1.1 200 OK
          String[] parts = text.split(" ", 3);
          if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IllegalStateException("bad status line: " + text);
          }
          status = Integer.parseInt(parts[1]);
          reason = parts.length > 2 ? parts[2] : "";
        } else if (text.isEmpty()) {
          if (chunked) {
            state = State.CHUNK_SIZE;
          } else if (contentLength >= 0) {
            remaining = contentLength;
            state = contentLength == 0 ? State.DONE : State.BODY_LENGTH;
          } else if (status == 204 || status == 304 || status / 100 == 1) {
            state = State.DONE;
          } else {
            state = State.BODY_UNTIL_CLOSE;
          }
        } else {
          int colon = text.indexOf(':');
          if (colon > 0) {
            String name = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = text.substring(colon + 1).trim();
            if (name.equals("content-length")) {
              contentLength = Long.parseLong(value);
            } else if (name.equals("transfer-encoding")
                && value.toLowerCase(Locale.ROOT).contains("chunked")) {
              chunked = true;
            }
          }
        }
      }
      case CHUNK_SIZE -> {
        int semicolon = text.indexOf(';');
        String hex = (semicolon >= 0 ? text.substring(0, semicolon) : text).trim();
        long size = Long.parseLong(hex, 16);
        if (size == 0) {
          state = State.TRAILER;
        } else {
          remaining = size;
          state = State.CHUNK_DATA;
        }
      }
      case TRAILER -> {
        if (text.isEmpty()) {
          state = State.DONE;
        }
      }
      default -> throw new IllegalStateException("line in state " + state);
    }
  }
}
