package dev.parley.server.it;

/** {@link ImagesContract} on PostgreSQL (PARLEY_TEST_POSTGRES_URL). */
class PostgresImagesTest extends ImagesContract {
  @Override
  Engine engine() {
    return Engine.POSTGRES;
  }
}
