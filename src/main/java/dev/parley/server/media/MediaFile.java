package dev.parley.server.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file ready to serve: an original or a thumbnail. {@code type} is the real type of its bytes,
 * for the {@code Content-Type} header.
 */
public record MediaFile(String name, ImageType type, long size, Path path) {
  public InputStream newInputStream() throws IOException {
    return Files.newInputStream(path);
  }
}
