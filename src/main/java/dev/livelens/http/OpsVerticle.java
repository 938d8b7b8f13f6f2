package dev.livelens.http;

import dev.livelens.web.Failures;
import dev.livelens.web.Mounts;
import dev.livelens.web.OriginPolicy;
import dev.livelens.web.SocketLimits;
import dev.livelens.web.SecurityHeaders;
import dev.livelens.web.TrustedOrigins;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Set;

/** The HTTP side of a worker-only node: health, info and metrics, so it can be watched and scraped. */
public final class OpsVerticle extends VerticleBase implements ServesPort {

  private final String host;
  private final int port;
  private final OpsFeature ops;
  private HttpServer server;

  public OpsVerticle(String host, int port, OpsFeature ops) {
    this.host = host;
    this.port = port;
    this.ops = ops;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    Failures.install(router);
    router.route().handler(new SecurityHeaders());
    ops.mount(new Mounts(vertx, router, new OriginPolicy(Set.of(), new TrustedOrigins(List.of(), false,
        this::actualPort)), new SocketLimits(1, 1, 1)));
    server = vertx.createHttpServer(new HttpServerOptions().setHost(host)).requestHandler(router);
    return server.listen(port);
  }

  @Override
  public int actualPort() {
    return server.actualPort();
  }
}
