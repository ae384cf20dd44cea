package dev.parley.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the refresh token in a file so that signing in again needs no password (hangups' {@code
 * RefreshTokenCache}). The file is written atomically (a temp file moved over it) and, where the
 * file system has POSIX permissions, readable and writable by its owner only (0600); elsewhere the
 * owner-only flags are set as far as the platform allows.
 *
 * <p>A cache never fails a sign-in: reading a missing or unreadable file gives nothing, and a write
 * that fails is logged and otherwise ignored. Thread-safe.
 */
public final class RefreshTokenCache {
  private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenCache.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final int MAX_TOKEN_LENGTH = 4096;

  private final Path file;

  public RefreshTokenCache(Path file) {
    this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
  }

  public Path file() {
    return file;
  }

  /** The cached token, or empty when there is none or it cannot be read. */
  public synchronized Optional<String> get() {
    try {
      if (Files.size(file) > MAX_TOKEN_LENGTH) {
        LOG.warn("ignoring refresh token cache {}: too large", file);
        return Optional.empty();
      }
      String token = Files.readString(file, StandardCharsets.UTF_8).strip();
      return token.isEmpty() ? Optional.empty() : Optional.of(token);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot read refresh token cache {}: {}", file, e.toString());
      return Optional.empty();
    }
  }

  /** Stores the token, replacing any other; a failure is logged, never thrown. */
  public synchronized void set(String token) {
    Objects.requireNonNull(token, "token");
    Path temp = null;
    try {
      Path dir = file.getParent();
      boolean posix = Files.getFileStore(existingAncestor(dir)).supportsFileAttributeView("posix");
      createDirectories(dir, posix);
      temp =
          posix
              ? Files.createTempFile(
                  dir, ".refresh-token", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
              : Files.createTempFile(dir, ".refresh-token", ".tmp");
      if (!posix) {
        restrictToOwner(temp);
      }
      Files.writeString(temp, token, StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot write refresh token cache {}: {}", file, e.toString());
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          LOG.debug("cannot delete {}", temp, e);
        }
      }
    }
  }

  /** Forgets the token (after the server revoked it); a failure is logged, never thrown. */
  public synchronized void clear() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot delete refresh token cache {}: {}", file, e.toString());
    }
  }

  private static Path existingAncestor(Path dir) {
    Path p = dir;
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    return p == null ? dir.getRoot() : p;
  }

  private static void createDirectories(Path dir, boolean posix) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    FileAttribute<?>[] attrs =
        posix
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR)}
            : new FileAttribute<?>[0];
    try {
      Files.createDirectories(dir, attrs);
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    }
  }

  @SuppressWarnings("ResultOfMethodCallIgnored")
  private static void restrictToOwner(Path path) {
    java.io.File f = path.toFile();
    f.setReadable(false, false);
    f.setReadable(true, true);
    f.setWritable(false, false);
    f.setWritable(true, true);
  }
}
