package dev.parley.server.it;

/** {@link ConversationRpcsContract} on SQLite. */
class SqliteConversationRpcsTest extends ConversationRpcsContract {
  @Override
  Engine engine() {
    return Engine.SQLITE;
  }
}
