package dev.parley.server.it;

/** {@link MalformedRequestsContract} on SQLite. */
class SqliteMalformedRequestsTest extends MalformedRequestsContract {
  @Override
  Engine engine() {
    return Engine.SQLITE;
  }
}
