package dev.parley.server.it;

/** {@link HostileTextContract} on PostgreSQL (PARLEY_TEST_POSTGRES_URL). */
class PostgresHostileTextTest extends HostileTextContract {
  @Override
  Engine engine() {
    return Engine.POSTGRES;
  }
}
