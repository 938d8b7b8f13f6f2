package dev.livelens.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** --db-url and its companions: SQLite without it, PostgreSQL with it, and never a password in a message. */
class DatabaseConfigTest {

  @Test
  void noUrlMeansSqliteInTheDataDirectory() {
    assertTrue(LiveLensConfig.defaults().database().postgres().isEmpty());
  }

  @Test
  void aPostgresqlUrlNamesTheServerAndTheFlagsWinOverItsUser() {
    DatabaseConfig.Postgres fromUrl = postgres(Map.of(), "--db-url", "postgresql://ann:pw@db.example:6432/livelens");
    assertEquals(new DatabaseConfig.Postgres("db.example", 6432, "livelens", "ann", "pw"), fromUrl);
    DatabaseConfig.Postgres fromFlags = postgres(Map.of(), "--db-url", "jdbc:postgresql://db.example/livelens",
        "--db-user", "bob", "--db-password", "secret");
    assertEquals(new DatabaseConfig.Postgres("db.example", 5432, "livelens", "bob", "secret"), fromFlags);
    assertEquals("jdbc:postgresql://db.example:5432/livelens", fromFlags.jdbcUrl());
  }

  @Test
  void environmentVariablesWorkLikeTheFlags() {
    Map<String, String> env = Map.of("LIVELENS_DB_URL", "postgres://[::1]/state", "LIVELENS_DB_USER", "carl",
        "LIVELENS_DB_PASSWORD", "hidden", "LIVELENS_DB_POOL_SIZE", "3");
    LiveLensConfig config = LiveLensConfig.load(new String[0], env);
    assertEquals(new DatabaseConfig.Postgres("::1", 5432, "state", "carl", "hidden"),
        config.database().postgres().orElseThrow());
    assertEquals(3, config.database().poolSize());
    assertEquals("jdbc:postgresql://[::1]:5432/state", config.database().postgres().orElseThrow().jdbcUrl());
  }

  @Test
  void thePasswordIsNeverPrinted() {
    LiveLensConfig config = LiveLensConfig.load(new String[] {"--db-url", "postgresql://ann:url-secret@h/d",
        "--db-password", "flag-secret"}, Map.of());
    assertFalse(config.toString().contains("secret"), config.toString());
    String error = assertThrows(LiveLensConfig.UsageException.class, () -> LiveLensConfig.load(
        new String[] {"--db-url", "postgresql://ann:url-secret@h/d?sslmode=x"}, Map.of())).getMessage();
    assertFalse(error.contains("secret"), error);
    assertTrue(error.contains("--db-url"), error);
  }

  @Test
  void unusableUrlsAreRefusedWithWhatToWrite() {
    for (String url : new String[] {"mysql://h/d", "postgresql://h", "postgresql://h/", "postgresql:///d", "not a url"}) {
      String error = assertThrows(LiveLensConfig.UsageException.class,
          () -> LiveLensConfig.load(new String[] {"--db-url", url, "--db-user", "u"}, Map.of()), url).getMessage();
      assertTrue(error.startsWith("--db-url") && error.contains("postgresql://host[:port]/database"), error);
    }
    assertTrue(assertThrows(LiveLensConfig.UsageException.class,
        () -> LiveLensConfig.load(new String[] {"--db-url", "postgresql://h/d"}, Map.of())).getMessage()
        .contains("--db-user"));
    assertTrue(assertThrows(LiveLensConfig.UsageException.class,
        () -> LiveLensConfig.load(new String[] {"--db-pool-size", "0"}, Map.of())).getMessage()
        .contains("--db-pool-size"));
  }

  private static DatabaseConfig.Postgres postgres(Map<String, String> env, String... flags) {
    return LiveLensConfig.load(flags, env).database().postgres().orElseThrow();
  }
}
