package dev.parley.server.it;

import dev.parley.server.testing.ServerFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The black-box server suite on SQLite, the default engine. */
class SqliteServerTest extends ServerContract {
  @TempDir Path dataDir;

  @Override
  ServerFixture newFixture() throws Exception {
    return new ServerFixture(dataDir, null);
  }
}
