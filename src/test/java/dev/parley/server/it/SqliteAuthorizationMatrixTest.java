package dev.parley.server.it;

/** {@link AuthorizationMatrixContract} on SQLite. */
class SqliteAuthorizationMatrixTest extends AuthorizationMatrixContract {
  @Override
  Engine engine() {
    return Engine.SQLITE;
  }
}
