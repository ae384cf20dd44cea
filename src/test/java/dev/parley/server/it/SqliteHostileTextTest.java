package dev.parley.server.it;

/** {@link HostileTextContract} on SQLite. */
class SqliteHostileTextTest extends HostileTextContract {
  @Override
  Engine engine() {
    return Engine.SQLITE;
  }
}
