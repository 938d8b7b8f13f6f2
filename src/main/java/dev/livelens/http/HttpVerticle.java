package dev.livelens.http;

import dev.livelens.account.User;
import dev.livelens.config.LiveLensConfig;
import dev.livelens.metrics.DashboardFeed;
import dev.livelens.stream.CloseCodes;
import dev.livelens.stream.ErrorCode;
import dev.livelens.stream.StreamServices;
import dev.livelens.stream.StreamSession;
import dev.livelens.stream.WireFormat;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Serves the page, the JSON API, /metrics and the stream socket, all on one port. */
public final class HttpVerticle extends VerticleBase implements ServesPort {

  public static final String STREAM_PATH = "/ws/stream";

  private final StreamServices services;
  private final LiveLensConfig config;
  private final JsonObject info;
  private final Consumer<Router> features;
  private final ConnectionLimiter limiter;
  private final OriginPolicy originPolicy;
  private final BooleanSupplier ready;
  private String host;
  private int port;
  private HttpServer server;

  /**
   * @param features mounts the routes of the server's other features (the library, uploads, …)
   * @param ready whether /healthz says ok; until then it answers 503 "starting" (the warm-up is running)
   */
  public HttpVerticle(StreamServices services, JsonObject info, Consumer<Router> features, BooleanSupplier ready) {
    this.services = services;
    this.config = services.config();
    this.ready = ready;
    this.host = config.host();
    this.port = config.port();
    this.info = info;
    this.features = features;
    this.limiter = new ConnectionLimiter(config.maxConnections(), config.maxConnectionsPerAddress());
    this.originPolicy = new OriginPolicy(config.allowedOrigins());
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route().handler(new SecurityHeaders());
    router.route().handler(new CsrfGuard(originPolicy));
    router.get(STREAM_PATH).handler(this::upgrade);
    router.get("/api/filters").handler(ctx -> OpsRoutes.sendJson(ctx, services.catalog().toJson().encode()));
    OpsRoutes.mount(router, info, services.metrics().registry(), ready);
    DashboardRoutes.mount(router, DashboardFeed.start(vertx, services.metrics().registry(), config.idleTimeoutSeconds()),
        originPolicy);
    features.accept(router);
    router.route().handler(StaticHandler.create("webroot").setIndexPage("index.html"));
    int maxMessage = config.maxWebSocketMessageBytes();
    HttpServerOptions options = new HttpServerOptions()
        .setHost(host)
        .setMaxWebSocketFrameSize(maxMessage)
        .setMaxWebSocketMessageSize(maxMessage)
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        .setReadIdleTimeout(config.idleTimeoutSeconds());
    server = vertx.createHttpServer(options).requestHandler(router);
    return server.listen(port);
  }

  /** This verticle listening privately, on a loopback port of the system's choosing (the warm-up's). */
  public HttpVerticle onLoopback() {
    host = "127.0.0.1";
    port = 0;
    return this;
  }

  @Override
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
    Optional<User> owner = services.users().of(ctx.request());
    ctx.request().toWebSocket().onSuccess(socket -> {
      if (admitted) {
        StreamSession session = new StreamSession(socket, services);
        owner.ifPresent(session::ownedBy);
        session.start(initialFilter, () -> limiter.release(address));
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
        .eventually(() -> socket.close(CloseCodes.TRY_AGAIN_LATER, "try again later"));
  }
}
