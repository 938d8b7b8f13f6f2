package dev.livelens.http;

import dev.livelens.web.SecurityHeaders;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.function.BooleanSupplier;

/** The HTTP side of a worker-only node: health, info and metrics, so it can be watched and scraped. */
public final class OpsVerticle extends VerticleBase implements ServesPort {

  private final String host;
  private final int port;
  private final JsonObject info;
  private final MeterRegistry registry;
  private final BooleanSupplier ready;
  private HttpServer server;

  public OpsVerticle(String host, int port, JsonObject info, MeterRegistry registry, BooleanSupplier ready) {
    this.host = host;
    this.port = port;
    this.info = info;
    this.registry = registry;
    this.ready = ready;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route().handler(new SecurityHeaders());
    OpsRoutes.mount(router, info, registry, ready);
    server = vertx.createHttpServer(new HttpServerOptions().setHost(host)).requestHandler(router);
    return server.listen(port);
  }

  @Override
  public int actualPort() {
    return server.actualPort();
  }
}
