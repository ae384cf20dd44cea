package dev.parley.server.it;

import dev.parley.server.storage.PostgresTestDatabase;
import dev.parley.server.testing.ServerFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The same black-box server suite on PostgreSQL (PARLEY_TEST_POSTGRES_URL). */
class PostgresServerTest extends ServerContract {
  @TempDir Path dataDir;
  private PostgresTestDatabase database;

  @Override
  ServerFixture newFixture() throws Exception {
    database = PostgresTestDatabase.create();
    return new ServerFixture(dataDir, database.url());
  }

  @AfterEach
  void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }
}
