package dev.parley.server.media;

/**
 * Root of every failure of this package that is the upload's fault (or the request's), never the
 * server's: disk trouble surfaces as {@link java.io.IOException} instead. {@link #reason()} says
 * which; its name doubles as the {@code status} code of the upload refusal (PROTOCOL.md section 8).
 */
public class MediaException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What was wrong, so a caller can branch without parsing messages. */
  public enum Reason {
    /** The bytes are not a PNG, JPEG, GIF or WebP image (text, HTML, SVG, corrupt header...). */
    NOT_AN_IMAGE,
    /** The data ends before the image header does. */
    TRUNCATED,
    /** A JPEG whose frame header is not within {@link ImageInspector#HEAD_LIMIT} bytes. */
    HEADER_TOO_LONG,
    /** The header claims more pixels than {@link MediaLimits#maxPixels()}. */
    TOO_MANY_PIXELS,
    /** More bytes than allowed. */
    TOO_LARGE,
    /** The header was fine but the image data does not decode. */
    UNDECODABLE,
    /** No stored media by that name (or the name is not one this server could have made). */
    NOT_FOUND,
    /** An upload request body that does not follow PROTOCOL.md section 8. */
    BAD_REQUEST
  }

  private final Reason reason;

  public MediaException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public MediaException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
