package dev.livelens.upload;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One PATCH body on its way into the data file at the upload's offset. Writes (and the checksum's
 * hashing) run on the upload pool, one batch at a time, so bytes land in order; the caller pauses the
 * request while {@link #full()} and resumes on the drain handler, so at most about
 * {@link #MAX_QUEUED_BYTES} of a body are ever in memory. Used on one event loop only.
 */
final class ChunkWriter {

  /** Above this much queued, the request is paused; below half of it, resumed. */
  static final int MAX_QUEUED_BYTES = 1 << 20;
  /**
   * Network reads come in pieces of a few KiB; one trip to the pool per piece would cost more thread
   * hand-offs than the writing itself, so pieces gather up to this much (or the end of the body) first.
   */
  static final int BATCH_BYTES = 256 << 10;

  private final WorkerExecutor pool;
  private final FileChannel channel;
  private final long start;
  private final MessageDigest digest;
  private final ArrayDeque<Buffer> queue = new ArrayDeque<>();
  private long queued;
  private boolean busy;
  /** Bytes fully written; read on the event loop, set from the pool's results. */
  private long written;
  private Throwable failure;
  private Runnable drainHandler;
  private Promise<Void> drained;

  private ChunkWriter(WorkerExecutor pool, FileChannel channel, long start, MessageDigest digest) {
    this.pool = pool;
    this.channel = channel;
    this.start = start;
    this.digest = digest;
  }

  /** Opens the data file on the pool; {@code digest} may be null when the PATCH carries no checksum. */
  static Future<ChunkWriter> open(WorkerExecutor pool, Path data, long offset, MessageDigest digest) {
    return pool.executeBlocking(() -> new ChunkWriter(pool,
        FileChannel.open(data, StandardOpenOption.WRITE, StandardOpenOption.CREATE), offset, digest), false);
  }

  /** Whether a write failed because the disk (or the file system's quota) is full: ENOSPC, EDQUOT. */
  static boolean isDiskFull(Throwable failure) {
    String message = String.valueOf(failure.getMessage());
    return message.contains("No space left on device") || message.contains("Disk quota exceeded");
  }

  void write(Buffer chunk) {
    queue.add(chunk);
    queued += chunk.length();
    pump();
  }

  boolean full() {
    return queued >= MAX_QUEUED_BYTES;
  }

  void drainHandler(Runnable handler) {
    this.drainHandler = handler;
  }

  /** Bytes written so far and bytes still queued: what this PATCH has taken in. */
  long received() {
    return written + queued;
  }

  long written() {
    return written;
  }

  /** The digest of what was written; only after {@link #drained()} succeeded. */
  byte[] digest() {
    return digest == null ? null : digest.digest();
  }

  /** Completes when everything queued is written, or fails with the first write's failure (ENOSPC, say). */
  Future<Void> drained() {
    Promise<Void> done = Promise.promise();
    drained = done;
    pump();
    return done.future();
  }

  /**
   * Keeps the first {@code keep} bytes of this PATCH, cuts the rest off the file, syncs and closes it: the
   * file then ends exactly at the offset that is acknowledged.
   */
  Future<Void> close(long keep) {
    return pool.executeBlocking(() -> {
      try (channel) {
        channel.truncate(start + keep);
        channel.force(false);
      }
      return null;
    }, false);
  }

  private void pump() {
    if (busy) {
      return;
    }
    if (failure == null && drained == null && queued < BATCH_BYTES) {
      return; // more of the body is coming: write it together
    }
    if (failure != null || queue.isEmpty()) {
      queue.clear();
      queued = 0;
      if (drained != null) {
        Promise<Void> done = drained;
        drained = null;
        if (failure == null) {
          done.complete();
        } else {
          done.fail(failure);
        }
      }
      return;
    }
    busy = true;
    List<Buffer> batch = new ArrayList<>(queue);
    queue.clear();
    long[] done = new long[1];
    pool.executeBlocking(() -> writeAll(batch, done), false).onComplete(result -> {
      busy = false;
      written += done[0];
      queued -= batch.stream().mapToLong(Buffer::length).sum();
      if (result.failed()) {
        failure = result.cause();
      }
      if (drainHandler != null && queued < MAX_QUEUED_BYTES / 2) {
        drainHandler.run();
      }
      pump();
    });
  }

  /** On the pool: writes the batch at the next position, counting in {@code done} what really landed. */
  private Void writeAll(List<Buffer> batch, long[] done) throws IOException {
    for (Buffer buffer : batch) {
      byte[] bytes = buffer.getBytes();
      ByteBuffer view = ByteBuffer.wrap(bytes);
      long position = start + written + done[0];
      while (view.hasRemaining()) {
        position += channel.write(view, position);
      }
      if (digest != null) {
        digest.update(bytes);
      }
      done[0] += bytes.length;
    }
    return null;
  }
}
