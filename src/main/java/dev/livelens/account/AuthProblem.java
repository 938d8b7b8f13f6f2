package dev.livelens.account;

import dev.livelens.web.ApiErrors;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A refused account request: its HTTP status, error code and a message a person can act on. */
final class AuthProblem extends RuntimeException {

  final int status;
  final String code;

  AuthProblem(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static AuthProblem notSignedIn() {
    return new AuthProblem(401, "not_signed_in", "sign in first");
  }

  /** Answers a failed request: a problem as itself, a taken name 409, a full hashing queue 503, else 500. */
  static void answer(RoutingContext ctx, Throwable error) {
    if (error instanceof AuthProblem problem) {
      ApiErrors.send(ctx, problem.status, problem.code, problem.getMessage());
    } else if (error instanceof Users.NameTaken) {
      ApiErrors.send(ctx, 409, "name_taken", error.getMessage() + " (names are unique ignoring case); choose "
          + "another");
    } else if (error instanceof LoginLimits.TooManyAttempts refused) {
      tooMany(ctx, refused.retryAfter);
    } else if (error instanceof Passwords.Busy) {
      ctx.response().putHeader("Retry-After", "5");
      ApiErrors.send(ctx, 503, "busy", error.getMessage());
    } else {
      ctx.fail(error);
    }
  }

  /** 429 with when to come back: Retry-After in seconds, and the same in the JSON for a person to read. */
  private static void tooMany(RoutingContext ctx, Duration retryAfter) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    Instant at = Instant.now().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
    String wait = seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
    ctx.response().putHeader("Retry-After", String.valueOf(seconds));
    ApiErrors.json(ctx, 429, new JsonObject().put("error", "too_many_attempts")
        .put("message", "too many failed logins for this name or from this address; try again in " + wait)
        .put("retryAfterSeconds", seconds).put("retryAt", at.toString()));
  }
}
