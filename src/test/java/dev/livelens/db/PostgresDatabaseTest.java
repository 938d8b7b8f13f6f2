package dev.livelens.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.livelens.config.DatabaseConfig;
import dev.livelens.testing.PostgresRequired;
import dev.livelens.testing.TempDirs;
import dev.livelens.testing.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** PostgreSQL as the server's database: migrated by Flyway, spoken to with the project's own statements. */
@ExtendWith(PostgresRequired.class)
class PostgresDatabaseTest {

  private static final List<String> TABLES =
      List.of("videos", "jobs", "watch_views", "watch_events", "watch_seconds", "watch_rates");

  private Vertx vertx;
  private TestPostgres postgres;
  private Path dataDir;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    postgres = TestPostgres.create();
    dataDir = TempDirs.create("livelens-db-");
  }

  @AfterEach
  void stop() {
    vertx.close().await();
    postgres.close();
    TempDirs.delete(dataDir);
  }

  @Test
  void theMigrationsMakeEveryTableAndAReopenFindsTheRowsAgain() {
    Database first = open(postgres.database());
    for (String table : TABLES) {
      assertEquals(0L, first.pool().preparedQuery("SELECT COUNT(*) AS n FROM " + table).execute().await()
          .iterator().next().getLong("n"), table);
    }
    first.pool().preparedQuery("INSERT INTO videos (id, title, source, created_at, status) VALUES (?, ?, ?, ?, ?)")
        .execute(Tuple.of("v1", "Kept", "upload", 1L, "ready")).await();
    first.close().await();

    Database again = open(postgres.database());
    assertEquals("Kept", again.pool().preparedQuery("SELECT title FROM videos WHERE id = ?")
        .execute(Tuple.of("v1")).await().iterator().next().getString("title"));
    assertTrue(dataDir.toFile().list().length == 0, "nothing of the database in the data directory");
  }

  @Test
  void statementsWithQuestionMarksRunOnThePoolAndInsideTransactions() {
    Database database = open(postgres.database());
    Row row = database.pool().withTransaction(conn -> conn.preparedQuery(
            "INSERT INTO videos (id, title, source, created_at, status) VALUES (?, ?, ?, ?, ?)")
        .execute(Tuple.of("v3", "Who? Me?", "upload", 3L, "ready"))
        .compose(inserted -> conn.preparedQuery("SELECT title, '?' AS q, created_at FROM videos "
            + "WHERE id = ? AND created_at > ?").execute(Tuple.of("v3", 2)))).await().iterator().next();
    assertEquals("Who? Me?", row.getString("title"));
    assertEquals("?", row.getString("q"));
    assertEquals(3L, row.getLong("created_at"));
  }

  @Test
  void aFailedTransactionLeavesNothingBehind() {
    Database database = open(postgres.database());
    Future<Object> failed = database.pool().withTransaction(conn -> conn.preparedQuery(
            "INSERT INTO videos (id, title, source, created_at, status) VALUES (?, ?, ?, ?, ?)")
        .execute(Tuple.of("v2", "Rolled back", "upload", 2L, "processing"))
        .compose(inserted -> Future.failedFuture("second step failed")));
    assertThrows(Exception.class, failed::await);
    assertEquals(0, database.pool().preparedQuery("SELECT id FROM videos WHERE id = ?").execute(Tuple.of("v2"))
        .await().size());
  }

  @Test
  void aWrongPasswordFailsTheStartWithPostgresqlsReasonAndNotThePassword() {
    DatabaseConfig.Postgres right = postgres.database();
    DatabaseConfig.Postgres wrong = new DatabaseConfig.Postgres(right.host(), right.port(), right.database(),
        right.user(), "not-the-password-42");
    Exception error = assertThrows(Exception.class, () -> open(wrong));
    assertTrue(error.getMessage().contains("password authentication failed"), error.getMessage());
    assertFalse(error.getMessage().contains("not-the-password-42"), error.getMessage());
  }

  private Database open(DatabaseConfig.Postgres server) {
    return Database.open(vertx, dataDir, new DatabaseConfig(Optional.of(server), 2)).await();
  }
}
