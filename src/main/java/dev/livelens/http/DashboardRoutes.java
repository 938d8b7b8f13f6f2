package dev.livelens.http;

import dev.livelens.web.OriginPolicy;

import dev.livelens.metrics.DashboardFeed;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/** The operator's dashboard: its page, the chart library from its WebJar, and the live metrics feed. */
public final class DashboardRoutes {

  static final String FEED_PATH = "/ws/metrics";

  private DashboardRoutes() {
  }

  /** Mount before the catch-all static handler; every HTTP verticle mounts the one feed of the server. */
  public static void mount(Router router, DashboardFeed feed, OriginPolicy originPolicy) {
    router.get("/dashboard").handler(ctx -> ctx.reroute("/dashboard.html"));
    router.get("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
    router.get(FEED_PATH).handler(ctx -> upgrade(ctx, feed, originPolicy));
  }

  private static void upgrade(RoutingContext ctx, DashboardFeed feed, OriginPolicy originPolicy) {
    if (!originPolicy.allows(ctx.request())) {
      ctx.response().setStatusCode(403).end("origin not allowed");
      return;
    }
    ctx.request().toWebSocket().onSuccess(feed::add);
  }
}
