package dev.livelens.metrics;

import dev.livelens.web.Deployed;
import dev.livelens.web.Feature;
import dev.livelens.web.MetricsAccess;
import dev.livelens.web.Mounts;
import dev.livelens.web.SocketUpgrade.Admitted;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The operator's dashboard: its page, the chart library from its WebJar, and the live metrics feed, one
 * {@link DashboardFeed} for the node however many event loops serve its sockets.
 */
public final class DashboardFeature implements Feature {

  public static final String FEED_PATH = "/ws/metrics";

  private final MeterRegistry registry;
  private final int idleTimeoutSeconds;
  private DashboardFeed feed;
  private Deployed deployed = Deployed.NOTHING;

  private final MetricsAccess access;

  public DashboardFeature(MeterRegistry registry, int idleTimeoutSeconds, MetricsAccess access) {
    this.registry = registry;
    this.idleTimeoutSeconds = idleTimeoutSeconds;
    this.access = access;
  }

  @Override
  public Future<?> start(Vertx vertx) {
    feed = new DashboardFeed(registry, idleTimeoutSeconds);
    return Deployed.deploy(vertx, feed).onSuccess(done -> deployed = done);
  }

  @Override
  public void mount(Mounts mounts) {
    Router router = mounts.router();
    router.get("/dashboard").handler(Mounts.page("/dashboard.html"));
    router.get("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
    router.get(FEED_PATH).handler(mounts.socket(FEED_PATH, DashboardFeed.MAX_MESSAGE_BYTES, ctx -> {
      access.requireLoopback(ctx);
      return Admitted.to(feed::add);
    }));
  }

  @Override
  public Future<?> stop() {
    return deployed.undeploy();
  }
}
