package dev.parley.server.it;

/** {@link PeopleAndPresenceContract} on SQLite. */
class SqlitePeopleAndPresenceTest extends PeopleAndPresenceContract {
  @Override
  Engine engine() {
    return Engine.SQLITE;
  }
}
