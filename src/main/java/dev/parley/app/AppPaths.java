package dev.parley.app;

import dev.dirs.ProjectDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Parley keeps the user's things: per-user directories of the operating system (XDG on Linux,
 * AppData on Windows, Library on macOS), never the install directory. {@code --home DIR} (or {@code
 * -Dparley.home=DIR}) puts everything under one directory instead, for tests and portable use.
 *
 * @param data refresh tokens, the embedded server's database and media
 * @param config settings, window geometry, the saved account
 * @param cache downloaded images (safe to delete)
 */
public record AppPaths(Path data, Path config, Path cache) {

  /** The operating system's per-user directories for Parley. */
  public static AppPaths forUser() {
    ProjectDirectories dirs = ProjectDirectories.from("dev", "Parley", "Parley");
    return new AppPaths(Path.of(dirs.dataDir), Path.of(dirs.configDir), Path.of(dirs.cacheDir));
  }

  /** Everything under one directory. */
  public static AppPaths under(Path home) {
    return new AppPaths(home.resolve("data"), home.resolve("config"), home.resolve("cache"));
  }

  /** Creates the directories if needed and returns this. */
  public AppPaths create() {
    try {
      Files.createDirectories(data);
      Files.createDirectories(config);
      Files.createDirectories(cache);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create Parley's directories", e);
    }
  }
}
