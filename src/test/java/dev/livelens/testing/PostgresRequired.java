package dev.livelens.testing;

import java.io.PrintStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * The one place that decides what a missing PostgreSQL means. Run by hand without
 * {@value TestPostgres#URL_VARIABLE}, the PostgreSQL tests are skipped with a banner nobody can miss; with
 * CI=true (as .ci/run sets it, beside the variable) they fail, because a CI run that skipped them proved
 * nothing. A variable that is set but names no running server fails the tests in either case.
 */
public final class PostgresRequired implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    try {
      check(System.getenv(TestPostgres.URL_VARIABLE), System.getenv("CI"), context.getDisplayName(), System.err);
      return ConditionEvaluationResult.enabled(TestPostgres.URL_VARIABLE + " names a PostgreSQL server");
    } catch (TestAbortedException skipped) {
      return ConditionEvaluationResult.disabled(skipped.getMessage());
    }
  }

  /** Returns when the variable is set; otherwise aborts (by hand) or fails (in CI). */
  static void check(String url, String ciVariable, String tests, PrintStream banner) {
    if (url != null && !url.isBlank()) {
      return;
    }
    boolean ci = "true".equalsIgnoreCase(ciVariable);
    String reason = tests + " need PostgreSQL: set " + TestPostgres.URL_VARIABLE
        + "=postgresql://user:password@host:port/database (a user with CREATEDB; .ci/run shows how)";
    String line = "#".repeat(78);
    banner.printf("%n%s%n##  POSTGRESQL TESTS %s: %s%n%s%n%n", line, ci ? "FAIL (CI=true)" : "SKIPPED", reason, line);
    if (ci) {
      Assertions.fail(reason + "; in CI a missing PostgreSQL is a failure, not a skip");
    }
    Assumptions.abort(reason + "; skipped");
  }
}
