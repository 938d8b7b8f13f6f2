package dev.livelens.testing;

import dev.livelens.LiveLensServer;
import dev.livelens.config.LiveLensConfig;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.metrics.PipelineMetrics;
import dev.livelens.metrics.VertxWithMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real LiveLens on a random port, with its own Vert.x and metrics registry. */
public final class TestServer implements AutoCloseable {

  public final Vertx vertx;
  public final PrometheusMeterRegistry registry;
  public final LiveLensServer server;

  private TestServer(Vertx vertx, PrometheusMeterRegistry registry, LiveLensServer server) {
    this.vertx = vertx;
    this.registry = registry;
    this.server = server;
  }

  /**
   * Starts with the default configuration, changed by {@code flags} (e.g. "--workers", "1"). The
   * flags come after the random "--port 0" and "--warmup-seconds 0" and win, so "--port", "8123"
   * restarts on a known port.
   */
  public static TestServer start(String... flags) {
    return start(FilterCatalog.standard(), flags);
  }

  public static TestServer start(FilterCatalog catalog, String... flags) {
    // No warm-up (a test wants a server at once); a test that wants one passes --warmup-seconds, which wins.
    List<String> args = new ArrayList<>(List.of("--port", "0", "--host", "127.0.0.1", "--warmup-seconds", "0"));
    args.addAll(List.of(flags));
    LiveLensConfig config = LiveLensConfig.load(args.toArray(String[]::new), Map.of());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = VertxWithMetrics.create(registry);
    LiveLensServer server = LiveLensServer.start(vertx, config, catalog, new PipelineMetrics(registry)).await();
    return new TestServer(vertx, registry, server);
  }

  public int port() {
    return server.port();
  }

  public StreamClient connect() {
    return StreamClient.connect(vertx, port(), "/ws/stream", null);
  }

  public StreamClient connect(String uri) {
    return StreamClient.connect(vertx, port(), uri, null);
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
