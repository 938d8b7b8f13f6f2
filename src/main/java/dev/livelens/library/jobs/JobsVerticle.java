package dev.livelens.library.jobs;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** Ties the job queue to the server's life: when Vert.x closes, running FFmpeg processes are stopped. */
final class JobsVerticle extends VerticleBase {

  private final JobQueue queue;

  JobsVerticle(JobQueue queue) {
    this.queue = queue;
  }

  @Override
  public Future<?> stop() {
    queue.shutdown();
    return Future.succeededFuture();
  }
}
