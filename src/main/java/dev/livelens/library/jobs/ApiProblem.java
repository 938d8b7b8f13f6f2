package dev.livelens.library.jobs;

import dev.livelens.web.ApiErrors;
import io.vertx.ext.web.RoutingContext;

/** A request the API refuses: its HTTP status, error code and a message a person can act on. */
final class ApiProblem extends RuntimeException {

  final int status;
  final String code;

  ApiProblem(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  /** Answers a failed request: a problem as itself, the queue being full as 503, anything else as 500. */
  static void answer(RoutingContext ctx, Throwable error) {
    if (error instanceof ApiProblem problem) {
      ApiErrors.send(ctx, problem.status, problem.code, problem.getMessage());
    } else if (error instanceof JobQueue.QueueFull) {
      ApiErrors.send(ctx, 503, "busy", error.getMessage());
    } else {
      ctx.fail(error);
    }
  }
}
