package dev.livelens.worker;

import dev.livelens.filter.FilterCatalog;
import dev.livelens.metrics.PipelineMetrics;
import dev.livelens.vision.JpegCodec;
import dev.livelens.web.Feature;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * The OpenCV workers: one worker verticle per thread of the bounded "livelens-opencv" pool, each with its
 * own pipeline and Mats, taking frames from the event bus (this node's streams or, in a cluster, any's).
 */
public final class WorkersFeature implements Feature {

  public static final String WORKER_POOL = "livelens-opencv";

  private final FilterCatalog catalog;
  private final Supplier<JpegCodec> codecs;
  private final int jpegQuality;
  private final PipelineMetrics metrics;
  private final String nodeName;
  private final int workers;
  private Vertx vertx;
  private String deployment;

  public WorkersFeature(FilterCatalog catalog, Supplier<JpegCodec> codecs, int jpegQuality, PipelineMetrics metrics,
      String nodeName, int workers) {
    this.catalog = catalog;
    this.codecs = codecs;
    this.jpegQuality = jpegQuality;
    this.metrics = metrics;
    this.nodeName = nodeName;
    this.workers = workers;
  }

  @Override
  public Future<?> start(Vertx vertx) {
    this.vertx = vertx;
    return deploy();
  }

  /** Deploys the workers (again, after {@link #stop}). */
  public Future<String> deploy() {
    DeploymentOptions options = new DeploymentOptions()
        .setThreadingModel(ThreadingModel.WORKER)
        .setWorkerPoolName(WORKER_POOL)
        .setWorkerPoolSize(workers)
        .setInstances(workers);
    return vertx.deployVerticle(() -> new FilterWorkerVerticle(catalog, codecs, jpegQuality, metrics, nodeName),
        options).onSuccess(id -> {
          deployment = id;
          metrics.workersDeployed(workers);
        });
  }

  /** Takes every worker away: frames get busy errors until {@link #deploy()} runs again. */
  @Override
  public Future<Void> stop() {
    String id = deployment;
    deployment = null;
    return id == null ? Future.succeededFuture() : vertx.undeploy(id).onSuccess(v -> metrics.workersDeployed(0));
  }
}
