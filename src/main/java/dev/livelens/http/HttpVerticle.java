package dev.livelens.http;

import dev.livelens.config.LiveLensConfig;
import dev.livelens.web.CsrfGuard;
import dev.livelens.web.Failures;
import dev.livelens.web.HostGuard;
import dev.livelens.web.Feature;
import dev.livelens.web.Mounts;
import dev.livelens.web.OriginPolicy;
import dev.livelens.web.SecurityHeaders;
import dev.livelens.web.TrustedOrigins;
import dev.livelens.web.SocketLimits;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP edge on one event loop: the security headers, the host guard, the CSRF guard and the JSON
 * failure handler in front, then every feature's routes, then the pages' static files, all on one port. Deployed once per
 * event loop wanted ({@code --event-loops}): the instances share the port (Vert.x hands each new
 * connection to the next instance), and a connection stays on the event loop of the one that took it. It
 * knows no feature: the node's features were started once, and each mounts its routes here.
 */
public final class HttpVerticle extends VerticleBase implements ServesPort {

  /**
   * Vert.x gives servers listening on the same negative port one free port to share (port 0 binds each
   * apart): one number per deployment, so two servers in one Vert.x never share by accident.
   */
  private static final AtomicInteger SHARED_FREE_PORTS = new AtomicInteger(1);

  private final LiveLensConfig config;
  private final List<Feature> features;
  private final SocketLimits sockets;
  private boolean tls;
  private String host;
  private int port;
  private HttpServer server;

  /** @param sockets the node's socket limits, shared by every instance */
  public HttpVerticle(LiveLensConfig config, List<Feature> features, SocketLimits sockets) {
    this.config = config;
    this.features = List.copyOf(features);
    this.sockets = sockets;
    this.host = config.host();
    this.port = config.port();
    this.tls = config.tls().enabled();
  }

  @Override
  public Future<?> start() {
    TrustedOrigins trusted = new TrustedOrigins(config.edge().publicUrls(), tls, this::actualPort);
    OriginPolicy origins = new OriginPolicy(config.allowedOrigins(), trusted);
    Router router = Router.router(vertx);
    Failures.install(router);
    router.route().handler(new SecurityHeaders());
    router.route().handler(new HostGuard(trusted));
    router.route().handler(new CsrfGuard(origins));
    Mounts mounts = new Mounts(vertx, router, origins, sockets);
    features.forEach(feature -> feature.mount(mounts));
    router.route().handler(StaticHandler.create("webroot").setIndexPage("index.html"));
    // Frames are small on every path; each path puts its messages together with its own limit
    // (SocketMessages), so Vert.x's own, server-wide message limit is never used.
    int maxFrame = config.sockets().maxFrameBytes();
    HttpServerOptions options = new HttpServerOptions()
        .setHost(host)
        .setMaxWebSocketFrameSize(maxFrame)
        .setMaxWebSocketMessageSize(maxFrame)
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        .setReadIdleTimeout(config.idleTimeoutSeconds());
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

  /**
   * Stops taking connections; requests in flight get {@code graceMs} to end (an upload's chunk) before
   * their connections are closed. Long-lived sockets are {@link dev.livelens.web.OpenSockets}' to close.
   */
  public Future<Void> stopAccepting(long graceMs) {
    return server.shutdown(graceMs, TimeUnit.MILLISECONDS);
  }

  @Override
  public int actualPort() {
    return server.actualPort();
  }
}
