package dev.livelens.web;

import io.vertx.ext.web.RoutingContext;

/**
 * A browser's navigation to an address that is no page gets a page of its own (status 404, the shared
 * header, a way on); the API, sockets and files a page loads keep their JSON errors.
 */
final class PageNotFound {

  static final String FILE = "webroot/404.html";

  private PageNotFound() {
  }

  /** A GET or HEAD that a person's browser made to show a page: it accepts HTML, and is not the API. */
  static boolean wanted(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    String accept = ctx.request().getHeader("Accept");
    return ctx.statusCode() == 404 && ctx.failure() == null
        && switch (ctx.request().method().name()) {
          case "GET", "HEAD" -> true;
          default -> false;
        }
        && accept != null && accept.contains("text/html")
        && !path.startsWith("/api/") && !path.startsWith("/ws/") && !path.equals("/metrics");
  }

  static void send(RoutingContext ctx) {
    ctx.response().setStatusCode(404).putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .sendFile(FILE).onFailure(error -> {
          if (!ctx.response().ended()) {
            ctx.response().end("There is no page at this address.");
          }
        });
  }
}
