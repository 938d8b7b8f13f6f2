package dev.livelens.e2e;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** What a missing browser means, decided without needing one. */
class ChromiumRequiredTest {

  private static final Path PRESENT = Path.of("/bin/sh");
  private static final Path ABSENT = Path.of("/nonexistent/chromedriver");

  private final ByteArrayOutputStream bannerBytes = new ByteArrayOutputStream();
  private final PrintStream banner = new PrintStream(bannerBytes, true, StandardCharsets.UTF_8);

  @Test
  void presentBrowserLetsTheTestsRunQuietly() {
    assertDoesNotThrow(() -> ChromiumRequired.check(List.of(PRESENT), "true", "browser tests", banner));
    assertEquals("", banner());
  }

  @Test
  void missingBrowserSkipsLoudlyWhenRunByHand() {
    assertThrows(TestAbortedException.class,
        () -> ChromiumRequired.check(List.of(PRESENT, ABSENT), null, "browser tests", banner));
    assertThrows(TestAbortedException.class,
        () -> ChromiumRequired.check(List.of(ABSENT), "false", "browser tests", banner));
    assertTrue(banner().contains("BROWSER TESTS SKIPPED") && banner().contains(ABSENT.toString()), banner());
  }

  @Test
  void missingBrowserFailsInCi() {
    assertThrows(AssertionFailedError.class,
        () -> ChromiumRequired.check(List.of(PRESENT, ABSENT), "true", "browser tests", banner));
    assertTrue(banner().contains("BROWSER TESTS FAIL (CI=true)"), banner());
  }

  private String banner() {
    return bannerBytes.toString(StandardCharsets.UTF_8);
  }
}
