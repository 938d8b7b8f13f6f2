package dev.livelens.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error a router answers, in the one documented shape {@code {"error","message"}}: a
 * {@link Problem} as itself, a status that vertx-web set (no route, wrong method, a body over its
 * route's limit) with its code, and anything else as 500, logged once here with the request it broke.
 * Nothing ever answers vertx-web's HTML error page; a browser's navigation to no page gets
 * {@link PageNotFound}'s.
 */
public final class Failures {

  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
  /** A Range outside the file: the client's mistake, answered quietly (no log, no stack). */
  public static final Problem UNSATISFIABLE_RANGE = new Problem(416, "range_not_satisfiable",
      "the requested byte range is not within the file; ask for a range that starts before its end");
  /** What vertx-web's own statuses mean to a person calling the API. */
  private static final Map<Integer, Problem> KNOWN = Map.of(
      400, Problem.badRequest("bad_request", "the request could not be read; check its syntax and headers"),
      401, new Problem(401, "not_signed_in", "sign in at /account first"),
      403, new Problem(403, "forbidden", "this is not yours to see or change"),
      404, Problem.notFound("there is nothing at this address"),
      405, new Problem(405, "method_not_allowed", "this address does not take that method"),
      415, new Problem(415, "unsupported_media_type", "send the request body as JSON, with the header "
          + "Content-Type: application/json"),
      416, UNSATISFIABLE_RANGE,
      503, new Problem(503, "busy", "the server is busy; try again in a few seconds"));

  private Failures() {
  }

  /**
   * Installs the handler for failures and for the statuses a router sets itself, and in front of every
   * route a check that the query string can be read at all (a bad %-escape is the client's error, 400).
   */
  public static void install(Router router) {
    router.route().failureHandler(Failures::answer);
    router.route().handler(Failures::readableQuery);
    for (int status : new int[] {400, 401, 403, 404, 405, 413, 415, 416, 500, 503}) {
      router.errorHandler(status, Failures::answer);
    }
  }

  private static void readableQuery(RoutingContext ctx) {
    try {
      ctx.request().params();
    } catch (IllegalArgumentException unreadable) {
      send(ctx, Problem.badRequest("bad_request", "the query string has a broken %-escape; encode it again"));
      return;
    }
    ctx.next();
  }

  /** Answers a failed request: what a handler's future failed with, or its status. */
  public static void answer(RoutingContext ctx, Throwable error) {
    if (error instanceof Problem problem) {
      send(ctx, problem);
    } else {
      ctx.fail(error);
    }
  }

  private static void answer(RoutingContext ctx) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    if (PageNotFound.wanted(ctx)) {
      PageNotFound.send(ctx);
      return;
    }
    send(ctx, problem(ctx));
  }

  private static Problem problem(RoutingContext ctx) {
    if (ctx.failure() instanceof Problem problem) {
      return problem;
    }
    int status = ctx.statusCode();
    if (status == 413) {
      Object limit = ctx.get(JsonBody.LIMIT_KEY);
      return new Problem(413, "too_large", limit == null ? "the request body is too large"
          : "the request body is larger than " + limit + " bytes");
    }
    Problem known = KNOWN.get(status);
    if (known != null) {
      return known;
    }
    LOG.warn("{} {} failed: {}", ctx.request().method(), ctx.normalizedPath(),
        ctx.failure() == null ? "status " + status : ctx.failure().toString(), ctx.failure());
    return new Problem(500, "internal", "something went wrong on the server; try again, and if it keeps "
        + "happening tell the operator the time it happened");
  }

  private static void send(RoutingContext ctx, Problem problem) {
    if (ctx.response().ended() || ctx.response().headWritten()) {
      return;
    }
    problem.headers().forEach(ctx.response()::putHeader);
    JsonObject body = problem.toJson();
    ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", "application/json")
        .end(body.encode());
  }
}
