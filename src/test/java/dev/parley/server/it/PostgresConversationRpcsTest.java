package dev.parley.server.it;

/** {@link ConversationRpcsContract} on PostgreSQL (PARLEY_TEST_POSTGRES_URL). */
class PostgresConversationRpcsTest extends ConversationRpcsContract {
  @Override
  Engine engine() {
    return Engine.POSTGRES;
  }
}
