package dev.livelens.media;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * How much of {@code --max-data-bytes} the media and the uploads in progress leave: one account for
 * every writer (uploads, recordings). Walking the directories costs a little, so the sum is re-read at
 * most every {@link #RESCAN_MS} and the uploads' own writes are added in between; recordings and
 * packaging are seen at the next walk. Used from every HTTP verticle's event loop, so the sum is atomic.
 */
public final class DiskQuota {

  static final long RESCAN_MS = 2000;

  private final WorkerExecutor pool;
  private final List<Path> roots;
  private final long maxBytes;
  private final AtomicLong used = new AtomicLong();
  /** Bytes promised to uploads in progress: their declared lengths, held from creation to their end. */
  private final AtomicLong reserved = new AtomicLong();
  private volatile long walkedAt = Long.MIN_VALUE;

  public DiskQuota(WorkerExecutor pool, List<Path> roots, long maxBytes) {
    this.pool = pool;
    this.roots = roots;
    this.maxBytes = maxBytes;
  }

  /** Bytes that may still be written before the quota is full (never negative). */
  public Future<Long> remaining() {
    long now = System.currentTimeMillis();
    Future<Long> usage = now - walkedAt < RESCAN_MS ? Future.succeededFuture(used.get())
        : pool.executeBlocking(this::walk, false).andThen(walked -> {
          if (walked.succeeded()) {
            used.set(walked.result());
            walkedAt = now;
          }
        }).otherwise(error -> used.get()); // a directory deleted during the walk: the last sum will do
    return usage.map(bytes -> Math.max(0, maxBytes - bytes));
  }

  /**
   * Promises {@code bytes} to a new upload if they fit in {@code remaining} beside what is promised already;
   * false, promising nothing, when they do not. Counted conservatively: an upload's written bytes are in the
   * walked sum too until it ends and {@link #release}s its promise.
   */
  public boolean tryReserve(long bytes, long remaining) {
    long now;
    do {
      now = reserved.get();
      if (now + bytes > remaining) {
        return false;
      }
    } while (!reserved.compareAndSet(now, now + bytes));
    return true;
  }

  public void release(long bytes) {
    reserved.addAndGet(-bytes);
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** Bytes an upload has just written (or freed, when negative). */
  public void add(long bytes) {
    used.addAndGet(bytes);
  }

  private long walk() throws IOException {
    long sum = 0;
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        sum += files.filter(Files::isRegularFile).mapToLong(DiskQuota::size).sum();
      }
    }
    return sum;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException deletedMeanwhile) {
      return 0;
    }
  }
}
