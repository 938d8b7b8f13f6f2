package dev.livelens.metrics;

import dev.livelens.LiveLensServer;
import dev.livelens.config.LiveLensConfig;
import dev.livelens.filter.FilterCatalog;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** LiveLens started the way Main starts it, on a random port, with its own registry and Vert.x. */
final class RunningServer implements AutoCloseable {

  /** A response as the test needs it. */
  record Response(int status, String contentType, String body) {
  }

  final Vertx vertx;
  final LiveLensServer server;
  private final HttpClient http;

  private RunningServer(Vertx vertx, LiveLensServer server) {
    this.vertx = vertx;
    this.server = server;
    this.http = vertx.createHttpClient();
  }

  static RunningServer start(FilterCatalog catalog, String... flags) throws TimeoutException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = VertxWithMetrics.create(registry);
    String[] args = Stream.concat(Stream.of("--port", "0", "--host", "127.0.0.1", "--warmup-seconds", "0"), Stream.of(flags))
        .toArray(String[]::new);
    LiveLensConfig config = LiveLensConfig.load(args, Map.of());
    LiveLensServer server = LiveLensServer.start(vertx, config, catalog, new PipelineMetrics(registry))
        .await(30, TimeUnit.SECONDS);
    return new RunningServer(vertx, server);
  }

  int port() {
    return server.port();
  }

  Response get(String path) throws TimeoutException {
    return http.request(HttpMethod.GET, port(), "127.0.0.1", path)
        .compose(request -> request.send())
        .compose(response -> response.body().map(body -> toResponse(response, body)))
        .await(10, TimeUnit.SECONDS);
  }

  /** GET /metrics, read strictly as Prometheus text. */
  PrometheusText scrape() throws TimeoutException {
    return PrometheusText.parse(get("/metrics").body());
  }

  private static Response toResponse(HttpClientResponse response, Buffer body) {
    return new Response(response.statusCode(), response.getHeader("Content-Type"), body.toString());
  }

  @Override
  public void close() throws TimeoutException {
    vertx.close().await(30, TimeUnit.SECONDS);
  }
}
