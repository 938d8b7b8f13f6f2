package dev.livelens.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.livelens.config.AccountConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sliding window of failed logins, on a clock the test moves. */
class LoginLimitsTest {

  private long now = 1_000_000;
  private final LoginLimits limits = new LoginLimits(
      new AccountConfig(Duration.ofDays(7), 3, 10, Duration.ofMinutes(15), 4), () -> now);

  @Test
  void theOldestFailureLeavingTheWindowLetsTheNextAttemptIn() {
    limits.attempt("ada", "10.0.0.1");
    now += 60_000;
    limits.attempt("Ada", "10.0.0.1");
    limits.attempt("ADA", "10.0.0.2");
    LoginLimits.TooManyAttempts refused = assertThrows(LoginLimits.TooManyAttempts.class,
        () -> limits.attempt("ada", "10.0.0.3"));
    assertEquals(Duration.ofMinutes(14), refused.retryAfter, "the first failure leaves the window in 14 min");
    now += Duration.ofMinutes(14).toMillis();
    limits.attempt("ada", "10.0.0.3");
  }

  @Test
  void aSuccessClearsTheNameButNotTheAddressesOtherFailures() {
    limits.attempt("ada", "10.0.0.1");
    limits.attempt("ada", "10.0.0.1");
    limits.attempt("ada", "10.0.0.1");
    limits.succeeded("ada", "10.0.0.1");
    limits.attempt("ada", "10.0.0.1");
    for (int i = 0; i < 7; i++) {
      limits.attempt("name" + i, "10.0.0.1");
    }
    assertThrows(LoginLimits.TooManyAttempts.class, () -> limits.attempt("grace", "10.0.0.1"),
        "2 + 1 + 7 failures from the address");
  }

  @Test
  void pruningForgetsOnlyWhatLeftTheWindow() {
    limits.attempt("ada", "10.0.0.1");
    limits.attempt("ada", "10.0.0.1");
    limits.attempt("ada", "10.0.0.1");
    limits.prune();
    assertThrows(LoginLimits.TooManyAttempts.class, () -> limits.check("ada", "10.0.0.9"));
    now += Duration.ofMinutes(15).toMillis();
    limits.prune();
    limits.check("ada", "10.0.0.9");
  }
}
