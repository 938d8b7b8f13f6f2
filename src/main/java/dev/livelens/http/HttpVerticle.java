package dev.livelens.http;

import dev.livelens.config.LiveLensConfig;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.metrics.DashboardFeed;
import dev.livelens.metrics.PipelineMetrics;
import dev.livelens.stream.ErrorCode;
import dev.livelens.stream.StreamSession;
import dev.livelens.stream.WireFormat;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.function.BooleanSupplier;

/** Serves the page, the JSON API, /metrics and the stream socket, all on one port. */
public final class HttpVerticle extends VerticleBase {

  public static final String STREAM_PATH = "/ws/stream";

  private final LiveLensConfig config;
  private final FilterCatalog catalog;
  private final PipelineMetrics metrics;
  private final JsonObject info;
  private final ConnectionLimiter limiter;
  private final OriginPolicy originPolicy;
  private final BooleanSupplier ready;
  private HttpServer server;

  public HttpVerticle(LiveLensConfig config, FilterCatalog catalog, PipelineMetrics metrics, JsonObject info) {
    this(config, catalog, metrics, info, () -> true);
  }

  /** @param ready whether /healthz says ok; until then it answers 503 "starting" (the warm-up is running) */
  public HttpVerticle(LiveLensConfig config, FilterCatalog catalog, PipelineMetrics metrics, JsonObject info,
      BooleanSupplier ready) {
    this.ready = ready;
    this.config = config;
    this.catalog = catalog;
    this.metrics = metrics;
    this.info = info;
    this.limiter = new ConnectionLimiter(config.maxConnections(), config.maxConnectionsPerAddress());
    this.originPolicy = new OriginPolicy(config.allowedOrigins());
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route().handler(new SecurityHeaders());
    router.get(STREAM_PATH).handler(this::upgrade);
    router.get("/api/filters").handler(ctx -> sendJson(ctx, catalog.toJson().encode()));
    router.get("/api/info").handler(ctx -> sendJson(ctx, info.encode()));
    router.get("/healthz").handler(this::health);
    if (metrics.registry() instanceof PrometheusMeterRegistry prometheus) {
      router.get("/metrics").handler(PrometheusScrapingHandler.create(prometheus));
    }
    DashboardRoutes.mount(router, DashboardFeed.start(vertx, metrics.registry(), config.idleTimeoutSeconds()),
        originPolicy);
    router.route().handler(StaticHandler.create("webroot").setIndexPage("index.html"));
    int maxMessage = config.maxWebSocketMessageBytes();
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.host())
        .setMaxWebSocketFrameSize(maxMessage)
        .setMaxWebSocketMessageSize(maxMessage)
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        .setReadIdleTimeout(config.idleTimeoutSeconds());
    server = vertx.createHttpServer(options).requestHandler(router);
    return server.listen(config.port());
  }

  /** The port really bound: differs from the configured one when that was 0. */
  public int actualPort() {
    return server.actualPort();
  }

  private void upgrade(RoutingContext ctx) {
    if (!originPolicy.allows(ctx.request())) {
      ctx.response().setStatusCode(403).end("origin not allowed");
      return;
    }
    String address = ctx.request().remoteAddress().hostAddress();
    boolean admitted = limiter.tryAcquire(address);
    String initialFilter = ctx.request().getParam("filter");
    ctx.request().toWebSocket().onSuccess(socket -> {
      if (admitted) {
        new StreamSession(socket, config, catalog, metrics, vertx)
            .start(initialFilter, () -> limiter.release(address));
      } else {
        refuse(socket);
      }
    }).onFailure(error -> {
      if (admitted) {
        limiter.release(address);
      }
    });
  }

  /** Over a connection limit: the client learns why (busy) and may retry later (close code 1013). */
  private static void refuse(ServerWebSocket socket) {
    socket.writeTextMessage(WireFormat.error(ErrorCode.BUSY, "the server has too many connections", null))
        .eventually(() -> socket.close((short) 1013, "try again later"));
  }

  private void health(RoutingContext ctx) {
    boolean up = ready.getAsBoolean();
    ctx.response().setStatusCode(up ? 200 : 503);
    sendJson(ctx, new JsonObject().put("status", up ? "ok" : "starting").encode());
  }

  private static void sendJson(RoutingContext ctx, String body) {
    ctx.response().putHeader("Content-Type", "application/json").end(body);
  }
}
