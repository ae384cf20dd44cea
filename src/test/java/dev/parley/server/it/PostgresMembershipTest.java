package dev.parley.server.it;

/** {@link MembershipContract} on PostgreSQL (PARLEY_TEST_POSTGRES_URL). */
class PostgresMembershipTest extends MembershipContract {
  @Override
  Engine engine() {
    return Engine.POSTGRES;
  }
}
