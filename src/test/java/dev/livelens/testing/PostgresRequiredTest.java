package dev.livelens.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** What a missing PostgreSQL means, decided without needing one. */
class PostgresRequiredTest {

  private static final String URL = "postgresql://u:p@127.0.0.1:5432/livelens";

  private final ByteArrayOutputStream bannerBytes = new ByteArrayOutputStream();
  private final PrintStream banner = new PrintStream(bannerBytes, true, StandardCharsets.UTF_8);

  @Test
  void aNamedServerLetsTheTestsRunQuietly() {
    assertDoesNotThrow(() -> PostgresRequired.check(URL, "true", "PostgreSQL tests", banner));
    assertEquals("", banner());
  }

  @Test
  void noServerSkipsLoudlyWhenRunByHand() {
    assertThrows(TestAbortedException.class, () -> PostgresRequired.check(null, null, "PostgreSQL tests", banner));
    assertThrows(TestAbortedException.class, () -> PostgresRequired.check(" ", "false", "PostgreSQL tests", banner));
    assertTrue(banner().contains("POSTGRESQL TESTS SKIPPED") && banner().contains(TestPostgres.URL_VARIABLE), banner());
  }

  @Test
  void noServerFailsInCi() {
    assertThrows(AssertionFailedError.class, () -> PostgresRequired.check(null, "true", "PostgreSQL tests", banner));
    assertTrue(banner().contains("POSTGRESQL TESTS FAIL (CI=true)"), banner());
  }

  private String banner() {
    return bannerBytes.toString(StandardCharsets.UTF_8);
  }
}
