package dev.parley.server.media;

import dev.parley.server.media.MediaException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Uploaded images on disk, under {@code dataDir/media/}. Every name is made here: 22 random
 * URL-safe characters (128 bits) plus the extension of the type detected from the bytes. A client's
 * file name never reaches a path, and {@link #open} accepts nothing but names of that form.
 *
 * <p>Uploads stream into {@code media/tmp/} and are moved into place atomically only once they are
 * complete, within the size cap, and have a valid header within the pixel cap; a refused or broken
 * upload leaves nothing behind. Safe for concurrent use.
 */
public final class MediaFiles {
  private static final int ID_LENGTH = 22;
  private static final Pattern STORED_NAME =
      Pattern.compile("[A-Za-z0-9_-]{" + ID_LENGTH + "}\\.(png|jpg|gif|webp)");
  private static final int BUFFER_SIZE = 64 * 1024;

  private final Path directory;
  private final Path tempDirectory;
  private final MediaLimits limits;
  private final SecureRandom random = new SecureRandom();

  /** Uses {@code dataDir/media/}, creating it if needed, with the default limits. */
  public MediaFiles(Path dataDir) throws IOException {
    this(dataDir, MediaLimits.DEFAULT);
  }

  public MediaFiles(Path dataDir, MediaLimits limits) throws IOException {
    this.directory = dataDir.resolve("media");
    this.tempDirectory = directory.resolve("tmp");
    this.limits = limits;
    Files.createDirectories(tempDirectory);
  }

  public MediaLimits limits() {
    return limits;
  }

  /**
   * Streams an upload to disk and stores it under a new name. Reading stops and the upload is
   * refused ({@link Reason#TOO_LARGE}) as soon as more than {@code maxBytes} (or the configured
   * limit, whichever is lower) have arrived, and ({@link Reason#NOT_AN_IMAGE}, {@link
   * Reason#TOO_MANY_PIXELS}...) as soon as the first {@link ImageInspector#HEAD_LIMIT} bytes show
   * it is not an acceptable image.
   *
   * @throws IOException if reading the upload or writing the disk fails
   */
  public StoredMedia store(InputStream in, long maxBytes) throws MediaException, IOException {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    Path temp = Files.createTempFile(tempDirectory, "upload-", ".part");
    try {
      Upload upload = new Upload(Math.min(maxBytes, limits.maxBytes()));
      try (OutputStream out = Files.newOutputStream(temp)) {
        upload.copy(in, out);
      }
      ImageInfo info = upload.finish();
      String name = newId() + "." + info.type().extension();
      Files.move(temp, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      return new StoredMedia(name, upload.size, info);
    } finally {
      deleteQuietly(temp);
    }
  }

  /**
   * The stored original by that name, for serving.
   *
   * @throws MediaException {@link Reason#NOT_FOUND} if the name is not of the stored form or there
   *     is no such file
   */
  public MediaFile open(String storedName) throws MediaException, IOException {
    ImageType type = typeOf(storedName);
    return existing(storedName, type, directory.resolve(storedName));
  }

  /** Reads the header of a stored original again (no decoding). */
  public ImageInfo inspect(String storedName) throws MediaException, IOException {
    MediaFile file = open(storedName);
    try (InputStream in = file.newInputStream()) {
      return ImageInspector.inspect(in.readNBytes(ImageInspector.HEAD_LIMIT));
    }
  }

  /** Deletes a stored original and its cached thumbnails; false if there was no such original. */
  public boolean delete(String storedName) throws MediaException, IOException {
    typeOf(storedName);
    String glob = idOf(storedName) + ".w*";
    try (DirectoryStream<Path> thumbnails = Files.newDirectoryStream(directory, glob)) {
      for (Path thumbnail : thumbnails) {
        Files.deleteIfExists(thumbnail);
      }
    }
    return Files.deleteIfExists(directory.resolve(storedName));
  }

  /** Whether {@code name} has the form of a name this class generates (it may not exist). */
  public static boolean isStoredName(String name) {
    return name != null && name.length() <= ID_LENGTH + 5 && STORED_NAME.matcher(name).matches();
  }

  // For Thumbnailer.

  Path directory() {
    return directory;
  }

  Path tempDirectory() {
    return tempDirectory;
  }

  static String idOf(String storedName) {
    return storedName.substring(0, ID_LENGTH);
  }

  static MediaFile existing(String name, ImageType type, Path path)
      throws MediaException, IOException {
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attributes.isRegularFile()) {
        return new MediaFile(name, type, attributes.size(), path);
      }
    } catch (NoSuchFileException e) {
      // fall through
    }
    throw new MediaException(Reason.NOT_FOUND, "no media named " + name);
  }

  static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Nothing useful to do; a leftover temp file is harmless.
    }
  }

  private static ImageType typeOf(String storedName) throws MediaException {
    if (isStoredName(storedName)) {
      String extension = storedName.substring(ID_LENGTH + 1);
      return ImageType.fromExtension(extension).orElseThrow();
    }
    throw new MediaException(Reason.NOT_FOUND, "not a media name");
  }

  private String newId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Counts the bytes of one upload and inspects its head as soon as enough of it arrived. */
  private final class Upload {
    private final long maxBytes;
    private final byte[] head = new byte[ImageInspector.HEAD_LIMIT];
    private int headLength;
    private long size;
    private ImageInfo info;

    Upload(long maxBytes) {
      this.maxBytes = maxBytes;
    }

    void copy(InputStream in, OutputStream out) throws MediaException, IOException {
      byte[] buffer = new byte[BUFFER_SIZE];
      int n;
      while ((n = in.read(buffer)) != -1) {
        size += n;
        if (size > maxBytes) {
          throw new MediaException(
              Reason.TOO_LARGE, "upload is larger than the limit of " + maxBytes + " bytes");
        }
        out.write(buffer, 0, n);
        if (info == null) {
          int copied = Math.min(n, head.length - headLength);
          System.arraycopy(buffer, 0, head, headLength, copied);
          headLength += copied;
          if (headLength == head.length) {
            info = checkedHeader();
          }
        }
      }
    }

    ImageInfo finish() throws MediaException {
      return info != null ? info : checkedHeader();
    }

    private ImageInfo checkedHeader() throws MediaException {
      ImageInfo header = ImageInspector.inspect(head, headLength);
      limits.checkPixels(header);
      return header;
    }
  }
}
