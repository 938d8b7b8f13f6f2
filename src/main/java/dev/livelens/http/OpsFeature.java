package dev.livelens.http;

import dev.livelens.web.Feature;
import dev.livelens.web.MetricsAccess;
import dev.livelens.web.Mounts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.function.BooleanSupplier;

/** What every node answers, whatever its role: {@code /healthz}, {@code /api/info} and {@code /metrics}. */
public final class OpsFeature implements Feature {

  private final String info;
  private final MeterRegistry registry;
  private final BooleanSupplier ready;
  private final MetricsAccess access;

  /**
   * @param ready whether /healthz says ok; until then it answers 503 "starting" (the warm-up is running)
   * @param access who may read /metrics
   */
  public OpsFeature(JsonObject info, MeterRegistry registry, BooleanSupplier ready, MetricsAccess access) {
    this.info = info.encode();
    this.registry = registry;
    this.ready = ready;
    this.access = access;
  }

  @Override
  public Future<?> start(Vertx vertx) {
    return Future.succeededFuture();
  }

  @Override
  public void mount(Mounts mounts) {
    Router router = mounts.router();
    router.get("/api/info").handler(ctx -> json(ctx, info));
    router.get("/healthz").handler(this::health);
    if (registry instanceof PrometheusMeterRegistry prometheus) {
      router.get("/metrics").handler(access.scrape()).handler(PrometheusScrapingHandler.create(prometheus));
    }
  }

  private void health(RoutingContext ctx) {
    boolean up = ready.getAsBoolean();
    ctx.response().setStatusCode(up ? 200 : 503);
    json(ctx, new JsonObject().put("status", up ? "ok" : "starting").encode());
  }

  private static void json(RoutingContext ctx, String body) {
    ctx.response().putHeader("Content-Type", "application/json").end(body);
  }
}
