package dev.parley.server.it;

/** {@link MembershipContract} on SQLite. */
class SqliteMembershipTest extends MembershipContract {
  @Override
  Engine engine() {
    return Engine.SQLITE;
  }
}
