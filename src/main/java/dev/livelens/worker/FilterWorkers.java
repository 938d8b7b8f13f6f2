package dev.livelens.worker;

import dev.livelens.worker.FilterWorkerVerticle.Lane;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A node's OpenCV workers: {@code --workers} for live streams' frames, and one for the library's jobs'
 * frames on a pool of its own whose thread runs below live work. Apart, a job's frame never waits in a
 * live worker's queue in front of a live frame; below, it takes only the CPU live frames leave.
 * Both consume cluster-wide addresses, so a job's frames go to any node's job worker as live frames go
 * to any node's live workers, with no shared counter.
 */
public final class FilterWorkers {

  public static final String LIVE_POOL = "livelens-opencv";
  public static final String JOB_POOL = "livelens-opencv-jobs";
  /** A job keeps one frame at the workers, and on two cores one below-live thread already takes what is idle. */
  static final int JOB_WORKERS = 1;

  private final Vertx vertx;
  private final int liveWorkers;
  private final Function<Lane, FilterWorkerVerticle> verticles;
  private final List<String> deployments = new CopyOnWriteArrayList<>();

  /** @param verticles makes one worker of a lane (called once per instance) */
  public FilterWorkers(Vertx vertx, int liveWorkers, Function<Lane, FilterWorkerVerticle> verticles) {
    this.vertx = vertx;
    this.liveWorkers = liveWorkers;
    this.verticles = verticles;
  }

  /** Live workers first (the first frame must find one), then the job worker. */
  public Future<Void> deploy() {
    return deploy(Lane.LIVE, LIVE_POOL, liveWorkers).compose(live -> deploy(Lane.JOBS, JOB_POOL, JOB_WORKERS))
        .mapEmpty();
  }

  /** Takes every worker away, live and job alike. */
  public Future<Void> undeploy() {
    List<String> ids = new ArrayList<>(deployments);
    deployments.clear();
    return Future.all(ids.stream().map(vertx::undeploy).toList()).mapEmpty();
  }

  private Future<String> deploy(Lane lane, String pool, int instances) {
    DeploymentOptions options = new DeploymentOptions()
        .setThreadingModel(ThreadingModel.WORKER)
        .setWorkerPoolName(pool)
        .setWorkerPoolSize(instances)
        .setInstances(instances);
    return vertx.deployVerticle(() -> verticles.apply(lane), options).onSuccess(deployments::add);
  }
}
