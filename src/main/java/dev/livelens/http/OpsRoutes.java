package dev.livelens.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.function.BooleanSupplier;

/** What every node answers, whatever its role: {@code /healthz}, {@code /api/info} and {@code /metrics}. */
final class OpsRoutes {

  private OpsRoutes() {
  }

  /** @param ready whether /healthz says ok; until then it answers 503 "starting" (the warm-up is running) */
  static void mount(Router router, JsonObject info, MeterRegistry registry, BooleanSupplier ready) {
    String infoJson = info.encode();
    router.get("/api/info").handler(ctx -> sendJson(ctx, infoJson));
    router.get("/healthz").handler(ctx -> health(ctx, ready.getAsBoolean()));
    if (registry instanceof PrometheusMeterRegistry prometheus) {
      router.get("/metrics").handler(PrometheusScrapingHandler.create(prometheus));
    }
  }

  private static void health(RoutingContext ctx, boolean up) {
    ctx.response().setStatusCode(up ? 200 : 503);
    sendJson(ctx, new JsonObject().put("status", up ? "ok" : "starting").encode());
  }

  static void sendJson(RoutingContext ctx, String body) {
    ctx.response().putHeader("Content-Type", "application/json").end(body);
  }
}
