package dev.livelens.http;

import dev.livelens.account.User;
import dev.livelens.config.LiveLensConfig;
import dev.livelens.stream.CloseCodes;
import dev.livelens.stream.ErrorCode;
import dev.livelens.stream.StatsTicker;
import dev.livelens.stream.StreamServices;
import dev.livelens.stream.StreamSession;
import dev.livelens.stream.WireFormat;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Serves the page, the JSON API, /metrics and the stream socket, all on one port. Deployed once per
 * event loop wanted ({@code --event-loops}): the instances share the port (Vert.x hands each new
 * connection to the next instance), and a connection stays on the event loop of the one that took it.
 * What the instances share (the limiter, the stream services, the features' state) is safe across
 * event loops; what is per event loop (the stats timer, the router) is the instance's own.
 */
public final class HttpVerticle extends VerticleBase implements ServesPort {

  public static final String STREAM_PATH = "/ws/stream";
  /**
   * Vert.x gives servers listening on the same negative port one free port to share (port 0 binds each
   * apart): one number per deployment, so two servers in one Vert.x never share by accident.
   */
  private static final AtomicInteger SHARED_FREE_PORTS = new AtomicInteger(1);

  private final StreamServices services;
  private final LiveLensConfig config;
  private final JsonObject info;
  private final Consumer<Router> features;
  private final ConnectionLimiter limiter;
  private final OriginPolicy originPolicy;
  private final BooleanSupplier ready;
  private boolean tls;
  private String host;
  private int port;
  private HttpServer server;
  private StatsTicker stats;
  /** The node's stream and room sockets, told when it stops; the warm-up's private server keeps its own. */
  private OpenSockets sockets = new OpenSockets();
  /** Stream connections open on this instance; written on its event loop, read by tests and embedders. */
  private volatile int openStreams;

  /**
   * @param limiter the connection limits, shared by every instance of a server
   * @param features mounts the routes of the server's other features (the dashboard, the library, uploads, …);
   *     called once per instance, on its event loop
   * @param ready whether /healthz says ok; until then it answers 503 "starting" (the warm-up is running)
   */
  public HttpVerticle(StreamServices services, JsonObject info, ConnectionLimiter limiter, Consumer<Router> features,
      BooleanSupplier ready) {
    this.services = services;
    this.config = services.config();
    this.ready = ready;
    this.host = config.host();
    this.port = config.port();
    this.tls = config.tls().enabled();
    this.info = info;
    this.features = features;
    this.limiter = limiter;
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
    stats = StatsTicker.start(vertx);
    if (tls) {
      // HTTPS and WSS on the same port: the page, the API and every socket.
      options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
          .setCertPath(config.tls().certificate().orElseThrow().toString())
          .setKeyPath(config.tls().privateKey().orElseThrow().toString()));
    }
    server = vertx.createHttpServer(options).requestHandler(router);
    return server.listen(port);
  }

  /**
   * The port for every instance of one deployment: the configured one, or for port 0 a free port they
   * share (a new one for each call).
   */
  public static int portForInstances(int configured) {
    return configured == 0 ? -SHARED_FREE_PORTS.getAndIncrement() : configured;
  }

  /** This verticle listening on {@code port} (see {@link #portForInstances}) instead of the configured one. */
  public HttpVerticle onPort(int port) {
    this.port = port;
    return this;
  }

  /**
   * This verticle listening privately, in plain text, on a loopback port of the system's choosing, shared
   * with nobody (the warm-up's).
   */
  public HttpVerticle onLoopback() {
    host = "127.0.0.1";
    port = 0;
    tls = false;
    return this;
  }

  /** This verticle's stream sockets counted among the node's {@code sockets}, closed (1001) when it stops. */
  public HttpVerticle closingWith(OpenSockets sockets) {
    this.sockets = sockets;
    return this;
  }

  /**
   * Stops taking connections; requests in flight get {@code graceMs} to end (an upload's chunk) before
   * their connections are closed. The stream sockets are {@link OpenSockets}' to close.
   */
  public Future<Void> stopAccepting(long graceMs) {
    return server.shutdown(graceMs, TimeUnit.MILLISECONDS);
  }

  @Override
  public int actualPort() {
    return server.actualPort();
  }

  public int openStreams() {
    return openStreams;
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
      if (admitted && !sockets.admit(socket)) {
        limiter.release(address); // the node is stopping: closed at once, going away
      } else if (admitted) {
        openStreams++;
        StreamSession session = new StreamSession(socket, services, stats);
        owner.ifPresent(session::ownedBy);
        session.start(initialFilter, () -> {
          openStreams--;
          limiter.release(address);
          sockets.closed(socket);
        });
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
