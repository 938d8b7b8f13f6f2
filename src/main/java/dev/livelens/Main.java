package dev.livelens;

import dev.livelens.config.LiveLensConfig;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.metrics.PipelineMetrics;
import dev.livelens.metrics.VertxWithMetrics;
import dev.livelens.vision.JpegCodecs;
import dev.livelens.vision.OpenCvNatives;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts LiveLens from the command line: {@code java -jar livelens.jar [options]}. */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
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
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = VertxWithMetrics.create(registry);
    PipelineMetrics metrics = new PipelineMetrics(registry);
    LiveLensServer.start(vertx, config, FilterCatalog.standard(), metrics)
        .compose(server -> server.ready().map(server))
        .onSuccess(server -> LOG.info("LiveLens ({} node) is ready: {}://{}:{}/ (OpenCV {}, JPEG codec {}, {} workers)",
            config.role().flagValue(), config.tls().enabled() ? "https" : "http", "0.0.0.0".equals(config.host()) ? "localhost" : config.host(), server.port(),
            OpenCvNatives.version(), LiveLensServer.codecName(config),
            config.role().runsWorkers() ? config.workers() : 0))
        .onFailure(error -> {
          LOG.error("LiveLens failed to start: {}", error.getMessage());
          vertx.close().onComplete(done -> System.exit(1));
        });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await()));
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
