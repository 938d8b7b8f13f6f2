package dev.livelens.worker;

import dev.livelens.filter.FilterCatalog;
import dev.livelens.metrics.PipelineMetrics;
import dev.livelens.vision.JpegCodec;
import dev.livelens.web.Feature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * The OpenCV workers of a node ({@link FilterWorkers}): live workers on the bounded "livelens-opencv" pool,
 * each with its own pipeline and Mats, and the job worker below them.
 */
public final class WorkersFeature implements Feature {

  private final FilterCatalog catalog;
  private final Supplier<JpegCodec> codecs;
  private final int jpegQuality;
  private final PipelineMetrics metrics;
  private final String nodeName;
  private final int liveWorkers;
  private FilterWorkers workers;

  public WorkersFeature(FilterCatalog catalog, Supplier<JpegCodec> codecs, int jpegQuality, PipelineMetrics metrics,
      String nodeName, int liveWorkers) {
    this.catalog = catalog;
    this.codecs = codecs;
    this.jpegQuality = jpegQuality;
    this.metrics = metrics;
    this.nodeName = nodeName;
    this.liveWorkers = liveWorkers;
  }

  @Override
  public Future<?> start(Vertx vertx) {
    workers = new FilterWorkers(vertx, liveWorkers, lane -> new FilterWorkerVerticle(lane, catalog, codecs,
        jpegQuality, metrics, nodeName));
    return deploy();
  }

  /** Deploys the workers (again, after {@link #stop}). */
  public Future<Void> deploy() {
    return workers.deploy().onSuccess(done -> metrics.workersDeployed(liveWorkers));
  }

  /** Takes every worker away: frames get busy errors until {@link #deploy()} runs again. */
  @Override
  public Future<Void> stop() {
    return workers == null ? Future.succeededFuture() : workers.undeploy().onSuccess(v -> metrics.workersDeployed(0));
  }
}
