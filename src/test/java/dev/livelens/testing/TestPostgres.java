package dev.livelens.testing;

import dev.livelens.config.DatabaseConfig;
import dev.livelens.config.LiveLensConfig;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A fresh PostgreSQL database for one test class, made on the server named by {@value #URL_VARIABLE}
 * (its user needs CREATEDB) and dropped on close, so tests never see each other's rows. Classes using it
 * carry {@code @ExtendWith(PostgresRequired.class)}, which decides what a missing server means.
 */
public final class TestPostgres implements TestDatabase {

  /** e.g. {@code postgresql://livelens:livelens@127.0.0.1:5432/livelens}, as .ci/run sets it. */
  public static final String URL_VARIABLE = "LIVELENS_TEST_PG_URL";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DatabaseConfig.Postgres server;
  private final DatabaseConfig.Postgres database;

  private TestPostgres(DatabaseConfig.Postgres server, String name) {
    this.server = server;
    this.database = new DatabaseConfig.Postgres(server.host(), server.port(), name, server.user(), server.password());
  }

  public static TestPostgres create() {
    String url = System.getenv(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(URL_VARIABLE + " is not set (the class needs @ExtendWith(PostgresRequired.class))");
    }
    DatabaseConfig.Postgres server = LiveLensConfig.load(new String[] {"--db-url", url}, Map.of()).database()
        .postgres().orElseThrow();
    byte[] suffix = new byte[6];
    RANDOM.nextBytes(suffix);
    String name = "livelens_test_" + HexFormat.of().formatHex(suffix);
    execute(server, "CREATE DATABASE " + name);
    return new TestPostgres(server, name);
  }

  /** The database this test owns, with the user and password of the server's URL. */
  public DatabaseConfig.Postgres database() {
    return database;
  }

  @Override
  public List<String> flags() {
    return List.of("--db-url", database.describe(), "--db-user", database.user(), "--db-password", database.password());
  }

  @Override
  public void close() {
    // FORCE ends this role's sessions, not the server's own: an autovacuum worker busy with the freshly filled
    // database refuses the drop until it is done, so the drop is tried again for a few seconds.
    String drop = "DROP DATABASE IF EXISTS " + database.database() + " WITH (FORCE)";
    for (int attempt = 1; ; attempt++) {
      try {
        execute(server, drop);
        return;
      } catch (IllegalStateException refused) {
        if (attempt == 20) {
          throw refused;
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw refused;
        }
      }
    }
  }

  private static void execute(DatabaseConfig.Postgres on, String sql) {
    try (Connection connection = DriverManager.getConnection(on.jdbcUrl(), on.user(), on.password());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " on " + on.describe() + " failed: " + e.getMessage(), e);
    }
  }
}
