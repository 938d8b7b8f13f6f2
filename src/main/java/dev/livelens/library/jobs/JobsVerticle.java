package dev.livelens.library.jobs;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs' own context: the queue's state lives on it. At start the queue takes up what an earlier run
 * left unfinished; then, as often as leases are renewed, it looks for the jobs of nodes that died. When
 * Vert.x closes, running FFmpeg processes are stopped.
 */
final class JobsVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(JobsVerticle.class);

  private final JobQueue queue;
  private final long checkMs;

  JobsVerticle(JobQueue queue, long checkMs) {
    this.queue = queue;
    this.checkMs = checkMs;
  }

  @Override
  public Future<?> start() {
    queue.ownedBy(context);
    // Looks start after the start-up's: that one may take this node's own leases, a look never does.
    return queue.recover().onSuccess(recovered -> vertx.setPeriodic(checkMs, tick -> queue.takeOver()
        .onFailure(error -> LOG.warn("no look for jobs with lapsed leases: {}", error.toString()))));
  }

  @Override
  public Future<?> stop() {
    queue.shutdown();
    return Future.succeededFuture();
  }
}
