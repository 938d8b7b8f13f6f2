package dev.livelens;

import dev.livelens.cluster.ClusteredVertx;
import dev.livelens.config.LiveLensConfig;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.metrics.NodeRegistry;
import dev.livelens.metrics.PipelineMetrics;
import dev.livelens.metrics.VertxWithMetrics;
import dev.livelens.vision.JpegCodecs;
import dev.livelens.vision.OpenCvNatives;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts LiveLens from the command line: {@code java -jar livelens.jar [options]}. */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    run(args, FilterCatalog.standard());
  }

  /** Runs a node as the command line asks, with {@code catalog}'s filters (a test adds its own). */
  public static void run(String[] args, FilterCatalog catalog) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.print(LiveLensConfig.help(codecOrReason()));
      return;
    }
    LiveLensConfig config;
    try {
      config = LiveLensConfig.load(args, System.getenv());
      OpenCvNatives.load();
    } catch (LiveLensConfig.UsageException | IllegalStateException e) {
      System.err.println("livelens: " + e.getMessage());
      System.exit(2);
      return;
    }
    if ("haar".equals(config.faceDetector())) {
      catalog.withHaarFaces();
    }
    PrometheusMeterRegistry registry = NodeRegistry.create(config.cluster().nodeName());
    Vertx vertx;
    try {
      vertx = config.cluster().enabled() ? ClusteredVertx.start(registry, config.cluster()).await()
          : VertxWithMetrics.create(registry);
    } catch (RuntimeException e) {
      LOG.error("LiveLens could not join the cluster: {}", e.getMessage());
      System.exit(1);
      return;
    }
    PipelineMetrics metrics = new PipelineMetrics(registry);
    AtomicReference<LiveLensServer> running = new AtomicReference<>();
    StopOnSignal.install(vertx, running::get);
    LiveLensServer.start(vertx, config, catalog, metrics)
        .andThen(started -> running.set(started.result()))
        .compose(server -> server.ready().map(server))
        .onSuccess(server -> LOG.info("LiveLens ({} node {}{}) is ready: {}://{}:{}/ (OpenCV {}, JPEG codec {}, "
            + "{} workers)", config.role().flagValue(), config.cluster().nodeName(),
            config.cluster().enabled() ? " in the cluster" : "", config.tls().enabled() ? "https" : "http",
            "0.0.0.0".equals(config.host()) ? "localhost" : config.host(), server.port(),
            OpenCvNatives.version(), LiveLensServer.codecName(config),
            config.role().runsWorkers() ? config.workers() : 0))
        .onFailure(error -> {
          LOG.error("LiveLens failed to start: {}", error.getMessage());
          vertx.close().onComplete(done -> System.exit(1));
        });
  }

  private static String codecOrReason() {
    try {
      OpenCvNatives.load();
      return JpegCodecs.bestName();
    } catch (RuntimeException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
