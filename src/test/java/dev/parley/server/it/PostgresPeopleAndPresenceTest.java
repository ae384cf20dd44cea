package dev.parley.server.it;

/** {@link PeopleAndPresenceContract} on PostgreSQL (PARLEY_TEST_POSTGRES_URL). */
class PostgresPeopleAndPresenceTest extends PeopleAndPresenceContract {
  @Override
  Engine engine() {
    return Engine.POSTGRES;
  }
}
