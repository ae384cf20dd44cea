package dev.parley.server.storage;

/**
 * The store contract on PostgreSQL, each test in a fresh schema of the server named by {@value
 * PostgresTestDatabase#URL_VARIABLE} (skipped without it, failed without it on CI).
 */
class PostgresStoreTest extends StoreContractTest {

  private PostgresTestDatabase database;

  @Override
  protected void createEmptyDatabase() {
    database = PostgresTestDatabase.create();
  }

  @Override
  protected Store openStore() {
    return Stores.open(database.url(), null);
  }

  @Override
  protected void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Override
  protected String expectedEngine() {
    return "postgresql";
  }

  @Override
  protected boolean readsBlockWrites() {
    return false;
  }
}
