package dev.livelens.e2e;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * The one place that decides what a missing browser means. Run by hand on a machine without
 * Debian's chromium and chromium-driver, browser tests are skipped with a banner nobody can miss;
 * with CI=true (as .ci/run sets it) they fail, because a CI run that skipped them proved nothing.
 */
final class ChromiumRequired implements ExecutionCondition {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /**
   * Decided for the class before its @BeforeAll: a disabled class shows up as skipped in the
   * report, and a failure in CI as a failed class.
   */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    try {
      check(List.of(CHROMIUM, CHROMEDRIVER), System.getenv("CI"), context.getDisplayName(), System.err);
      return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
    } catch (TestAbortedException skipped) {
      return ConditionEvaluationResult.disabled(skipped.getMessage());
    }
  }

  /** Returns when every executable is there; otherwise aborts (by hand) or fails (in CI). */
  static void check(List<Path> executables, String ciVariable, String tests, PrintStream banner) {
    List<Path> missing = executables.stream().filter(p -> !Files.isExecutable(p)).toList();
    if (missing.isEmpty()) {
      return;
    }
    boolean ci = "true".equalsIgnoreCase(ciVariable);
    String reason = tests + " need " + missing + " (apt-get install chromium chromium-driver)";
    String line = "#".repeat(78);
    banner.printf("%n%s%n##  BROWSER TESTS %s: %s%n%s%n%n", line, ci ? "FAIL (CI=true)" : "SKIPPED",
        reason, line);
    if (ci) {
      Assertions.fail(reason + "; in CI a missing browser is a failure, not a skip");
    }
    Assumptions.abort(reason + "; skipped");
  }
}
