package dev.parley.server.it;

/** {@link MalformedRequestsContract} on PostgreSQL (PARLEY_TEST_POSTGRES_URL). */
class PostgresMalformedRequestsTest extends MalformedRequestsContract {
  @Override
  Engine engine() {
    return Engine.POSTGRES;
  }
}
