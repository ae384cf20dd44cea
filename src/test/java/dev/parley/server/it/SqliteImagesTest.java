package dev.parley.server.it;

/** {@link ImagesContract} on SQLite. */
class SqliteImagesTest extends ImagesContract {
  @Override
  Engine engine() {
    return Engine.SQLITE;
  }
}
