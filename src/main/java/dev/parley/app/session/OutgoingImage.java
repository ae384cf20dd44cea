package dev.parley.app.session;

import java.util.Objects;

/**
 * An image the user attaches to a message.
 *
 * @param bytes the file's bytes (the server detects the type)
 * @param fileName the name to upload it under
 */
public record OutgoingImage(byte[] bytes, String fileName) {
  public OutgoingImage {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(fileName, "fileName");
  }
}
