package dev.parley.server.it;

/** {@link AuthorizationMatrixContract} on PostgreSQL (PARLEY_TEST_POSTGRES_URL). */
class PostgresAuthorizationMatrixTest extends AuthorizationMatrixContract {
  @Override
  Engine engine() {
    return Engine.POSTGRES;
  }
}
