package dev.livelens.testing;

import dev.livelens.LiveLensServer;
import dev.livelens.cluster.ClusteredVertx;
import dev.livelens.config.LiveLensConfig;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.metrics.NodeRegistry;
import dev.livelens.metrics.PipelineMetrics;
import dev.livelens.metrics.VertxWithMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A real LiveLens on a random port, with its own Vert.x and metrics registry. */
public final class TestServer implements AutoCloseable {

  /** An HTTP response as tests look at it. */
  public record Response(int status, MultiMap headers, String body) {

    /** The header's value, or "" when the server did not send it. */
    public String header(String name) {
      String value = headers.get(name);
      return value == null ? "" : value;
    }

    public String contentType() {
      return header("Content-Type");
    }
  }

  public final Vertx vertx;
  public final PrometheusMeterRegistry registry;
  public final LiveLensServer server;
  private final HttpClient http;

  /** The data directory this harness made for the server, deleted on close; null when the test chose one. */
  private final Path ownDataDir;

  private TestServer(Vertx vertx, PrometheusMeterRegistry registry, LiveLensServer server, Path ownDataDir) {
    this.vertx = vertx;
    this.registry = registry;
    this.server = server;
    this.ownDataDir = ownDataDir;
    this.http = vertx.createHttpClient();
  }

  /**
   * Starts with the default configuration, changed by {@code flags} (e.g. "--workers", "1"). The
   * flags come after the random "--port 0" and "--warmup-seconds 0" and win, so "--port", "8123" restarts
   * on a known port. The data directory is a fresh temporary one unless the flags name one (to find it
   * again after a restart).
   */
  public static TestServer start(String... flags) {
    return start(FilterCatalog.standard(), flags);
  }

  public static TestServer start(FilterCatalog catalog, String... flags) {
    // No warm-up (a test wants a server at once); a test that wants one passes --warmup-seconds, which wins.
    // Tests sign up many people from loopback; a test of the sign-up limit sets its own. No transcripts either
    // (the speech model costs ~265 MB and a second to load): a test that wants them passes
    // --transcribe-threads, which wins.
    List<String> args = new ArrayList<>(List.of("--port", "0", "--host", "127.0.0.1", "--warmup-seconds", "0",
        "--signups-per-address", "1000", "--transcribe-threads", "0"));
    // -Dlivelens.test.event-loops=N runs every test server with N HTTP verticles (a test's own flag wins).
    String eventLoops = System.getProperty("livelens.test.event-loops");
    if (eventLoops != null) {
      args.addAll(List.of("--event-loops", eventLoops));
    }
    Path ownDataDir = List.of(flags).contains("--data-dir") ? null : TempDirs.create("livelens-test-");
    if (ownDataDir != null) {
      args.addAll(List.of("--data-dir", ownDataDir.toString()));
    }
    args.addAll(List.of(flags));
    LiveLensConfig config = LiveLensConfig.load(args.toArray(String[]::new), Map.of());
    PrometheusMeterRegistry registry = NodeRegistry.create(config.cluster().nodeName());
    // "--cluster" among the flags joins the cluster those flags describe, as java -jar would.
    Vertx vertx = config.cluster().enabled() ? ClusteredVertx.start(registry, config.cluster()).await()
        : VertxWithMetrics.create(registry);
    LiveLensServer server = LiveLensServer.start(vertx, config, catalog, new PipelineMetrics(registry)).await();
    return new TestServer(vertx, registry, server, ownDataDir);
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

  public Response get(String path) throws TimeoutException {
    // body() is asked for in send()'s own callback: chained one step later from this (non-Vert.x)
    // thread, it can come after the body has already gone by, and the request hangs.
    return http.request(HttpMethod.GET, port(), "127.0.0.1", path)
        .compose(request -> request.send()
            .compose(response -> response.body().map(body -> toResponse(response, body))))
        .await(10, TimeUnit.SECONDS);
  }

  /** GET /metrics, read strictly as Prometheus text. */
  public PrometheusText scrape() throws TimeoutException {
    return PrometheusText.parse(get("/metrics").body());
  }

  private static Response toResponse(HttpClientResponse response, Buffer body) {
    return new Response(response.statusCode(), response.headers(), body.toString());
  }

  @Override
  public void close() {
    vertx.close().await();
    if (ownDataDir != null) {
      TempDirs.delete(ownDataDir);
    }
  }
}
