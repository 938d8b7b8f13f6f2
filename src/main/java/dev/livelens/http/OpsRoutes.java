package dev.livelens.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;

/** What every node answers, whatever its role: {@code /healthz}, {@code /api/info} and {@code /metrics}. */
final class OpsRoutes {

  private OpsRoutes() {
  }

  static void mount(Router router, JsonObject info, MeterRegistry registry) {
    String infoJson = info.encode();
    router.get("/api/info").handler(ctx -> sendJson(ctx, infoJson));
    router.get("/healthz").handler(ctx -> sendJson(ctx, new JsonObject().put("status", "ok").encode()));
    if (registry instanceof PrometheusMeterRegistry prometheus) {
      router.get("/metrics").handler(PrometheusScrapingHandler.create(prometheus));
    }
  }

  static void sendJson(RoutingContext ctx, String body) {
    ctx.response().putHeader("Content-Type", "application/json").end(body);
  }
}
