package dev.parley.server.storage;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty PostgreSQL schema for one test, dropped on {@link #close()}. The server comes from
 * {@value #URL_VARIABLE} (a full JDBC URL with user and password). Without it the test is skipped,
 * or fails when {@code CI=true}: a CI run must never pass without having run these tests.
 */
public final class PostgresTestDatabase implements AutoCloseable {

  public static final String URL_VARIABLE = "PARLEY_TEST_POSTGRES_URL";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String serverUrl;
  private final String schema;

  private PostgresTestDatabase(String serverUrl, String schema) {
    this.serverUrl = serverUrl;
    this.schema = schema;
  }

  /** Creates an empty schema, or skips/fails the calling test when no server is configured. */
  public static PostgresTestDatabase create() {
    String url = System.getenv(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      String message =
          "PostgreSQL tests need "
              + URL_VARIABLE
              + ", e.g. jdbc:postgresql://127.0.0.1:5432/parley_test?user=parley&password=parley";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(message + " (failing, not skipping, because CI=true)");
      }
      Assumptions.abort(message + " (skipped)");
    }
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    PostgresTestDatabase database =
        new PostgresTestDatabase(url.trim(), "parley_test_" + HexFormat.of().formatHex(bytes));
    database.execute("CREATE SCHEMA " + database.schema);
    return database;
  }

  /** A JDBC URL whose connections work in this schema only. */
  public String url() {
    return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  public String schema() {
    return schema;
  }

  /** Drops the schema and everything in it; close every store that uses it first. */
  @Override
  public void close() {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private void execute(String statement) {
    try (Connection connection = DriverManager.getConnection(serverUrl);
        Statement s = connection.createStatement()) {
      s.execute(statement);
    } catch (SQLException e) {
      Assertions.fail(
          "PostgreSQL from " + URL_VARIABLE + " failed on '" + statement + "': " + e.getMessage(),
          e);
    }
  }
}
