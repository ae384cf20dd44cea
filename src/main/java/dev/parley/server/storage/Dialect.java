package dev.parley.server.storage;

/**
 * What differs between the two engines at the SQL level. The statements in {@link JdbcTransaction}
 * are written to run unchanged on both; the schemas differ only in column types.
 */
enum Dialect {
  SQLITE("sqlite", "classpath:db/migration/sqlite"),
  POSTGRESQL("postgresql", "classpath:db/migration/postgresql");

  private final String engine;
  private final String migrations;

  Dialect(String engine, String migrations) {
    this.engine = engine;
    this.migrations = migrations;
  }

  /** The engine's name as {@link Store#engine()} reports it. */
  String engine() {
    return engine;
  }

  /** The Flyway location of this engine's migrations. */
  String migrations() {
    return migrations;
  }
}
