package dev.livelens.media;

import dev.livelens.web.Feature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * FFmpeg and the node's media work: the bounded "livelens-media" pool every FFmpeg run and media file
 * operation goes to, and one account of the data directory's disk use for every writer.
 */
public final class MediaFeature implements Feature {

  public static final String MEDIA_POOL = "livelens-media";
  /** FFmpeg runs as its own processes: the pool's threads mostly wait, a few of them keep two cores busy. */
  static final int MEDIA_POOL_SIZE = 4;

  private final List<Path> quotaRoots;
  private final long maxDataBytes;
  private WorkerExecutor pool;
  private Optional<Ffmpeg> ffmpeg = Optional.empty();
  private DiskQuota quota;

  /** @param quotaRoots the folders whose files count against {@code maxDataBytes} */
  public MediaFeature(List<Path> quotaRoots, long maxDataBytes) {
    this.quotaRoots = List.copyOf(quotaRoots);
    this.maxDataBytes = maxDataBytes;
  }

  @Override
  public Future<?> start(Vertx vertx) {
    pool = vertx.createSharedWorkerExecutor(MEDIA_POOL, MEDIA_POOL_SIZE);
    ffmpeg = Ffmpeg.locate(pool);
    quota = new DiskQuota(pool, quotaRoots, maxDataBytes);
    return Future.succeededFuture();
  }

  public WorkerExecutor pool() {
    return pool;
  }

  /** FFmpeg, where the jar carries it for this platform. */
  public Optional<Ffmpeg> ffmpeg() {
    return ffmpeg;
  }

  public DiskQuota quota() {
    return quota;
  }

  @Override
  public Future<?> stop() {
    return pool == null ? Future.succeededFuture() : pool.close();
  }
}
