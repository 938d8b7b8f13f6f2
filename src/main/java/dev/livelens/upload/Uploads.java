package dev.livelens.upload;

import dev.livelens.web.RandomIds;

import dev.livelens.config.StorageConfig;
import dev.livelens.library.Library;
import dev.livelens.media.DiskQuota;
import dev.livelens.media.Ffmpeg;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every upload the server knows, kept in memory as their {@code upload.json} files say, and what may
 * be done to them: create, lock for a PATCH, save progress, turn into a video, delete. The memory is
 * only a copy: every change is on disk before it is acknowledged, so a restart finds every upload again.
 */
public final class Uploads {

  private static final Logger LOG = LoggerFactory.getLogger(Uploads.class);
  static final String POOL = "livelens-uploads";
  /** File writes and hashing for a few uploads at once; more wait their turn, never on an event loop. */
  static final int POOL_SIZE = 4;

  private final StorageConfig storage;
  private final WorkerExecutor pool;
  private final UploadFiles files;
  private final DiskQuota quota;
  private final UploadCompletion completion;
  private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
  private final Set<String> locked = ConcurrentHashMap.newKeySet();
  private final ChunksInFlight chunks = new ChunksInFlight();
  private final UploadClaims claims;
  private final Vertx vertx;

  private Uploads(Vertx vertx, StorageConfig storage, WorkerExecutor pool, UploadFiles files, DiskQuota quota,
      UploadCompletion completion) {
    this.vertx = vertx;
    this.storage = storage;
    this.pool = pool;
    this.files = files;
    this.quota = quota;
    this.completion = completion;
    this.claims = new UploadClaims(storage.maxUploadsPerAddress(), quota);
  }

  /** Loads what is on disk, finishes uploads that were complete but not yet videos, starts the cleaner. */
  /** @param quota the data directory's one account of disk use, shared with the recordings */
  public static Future<Uploads> start(Vertx vertx, StorageConfig storage, Library library, Optional<Ffmpeg> ffmpeg,
      DiskQuota quota) {
    WorkerExecutor pool = vertx.createSharedWorkerExecutor(POOL, POOL_SIZE);
    UploadFiles files = new UploadFiles(root(storage));
    Uploads uploads = new Uploads(vertx, storage, pool, files, quota, new UploadCompletion(library, files, pool));
    return pool.executeBlocking(files::loadAll, false).compose(found -> {
      found.forEach(upload -> uploads.uploads.put(upload.id(), upload));
      LOG.info("{} uploads found at start-up", found.size());
      // Complete but not yet a video: the server stopped between the last byte and the library.
      List<Future<String>> resumed = found.stream().filter(u -> u.complete() && u.videoId() == null && !u.expired())
          .map(u -> uploads.toVideo(u).recover(e -> Future.succeededFuture())).toList();
      return Future.join(resumed);
    }).map(done -> {
      UploadExpiry cleaner = new UploadExpiry(uploads);
      cleaner.sweep();
      vertx.setPeriodic(TimeUnit.MINUTES.toMillis(UploadExpiry.EVERY_MINUTES), id -> cleaner.sweep());
      return uploads;
    });
  }

  /**
   * The node is stopping: new chunks and uploads are refused (503 with Retry-After) and the chunks in flight
   * end; one still receiving after {@code graceMs} keeps what landed. Completes when each has saved its offset.
   */
  public Future<Void> finishInFlight(long graceMs) {
    return chunks.finish(vertx, graceMs);
  }

  ChunksInFlight chunks() {
    return chunks;
  }

  /** Where unfinished uploads live, under the data directory. */
  public static Path root(StorageConfig storage) {
    return storage.dataDir().resolve("uploads");
  }

  StorageConfig storage() {
    return storage;
  }

  WorkerExecutor pool() {
    return pool;
  }

  DiskQuota quota() {
    return quota;
  }

  UploadFiles files() {
    return files;
  }

  /** A snapshot of every upload, for the cleaner. */
  List<Upload> all() {
    return List.copyOf(uploads.values());
  }

  /** The upload, or null when there is none by that id (any string may be asked). */
  Upload find(String id) {
    return RandomIds.LONG.isValid(id) ? uploads.get(id) : null;
  }

  long expiryMs() {
    return TimeUnit.HOURS.toMillis(storage.uploadExpiryHours());
  }

  /**
   * A new upload from {@code address}, owned by {@code ownerId}: refused (429) when the address has its most
   * uploads in progress, or (413) when its declared length does not fit in the disk quota beside the others'
   * declared lengths.
   */
  Future<Upload> create(long length, String metadata, String address, long ownerId) {
    Upload upload = new Upload(RandomIds.LONG.next(), 0, length, metadata, System.currentTimeMillis() + expiryMs(),
        null, false, ownerId);
    return quota.remaining().compose(remaining -> {
      claims.claim(upload.id(), address, ownerId, length, remaining);
      return pool.executeBlocking(() -> {
        files.create(upload);
        return upload;
      }, false).onFailure(error -> claims.release(upload.id()));
    }).onSuccess(created -> uploads.put(created.id(), created));
  }

  /** Takes the upload for one PATCH (or a delete); false when another one holds it. */
  boolean lock(String id) {
    return locked.add(id);
  }

  void unlock(String id) {
    locked.remove(id);
  }

  boolean isLocked(String id) {
    return locked.contains(id);
  }

  /**
   * Writes the new state to disk, then takes it as the truth; the owner stays the one memory holds now (an
   * owner changes only by {@link #moveOwner}, never by a chunk that began before the move).
   */
  Future<Upload> save(Upload upload) {
    return pool.executeBlocking(() -> {
      synchronized (uploads) {
        Upload current = uploads.get(upload.id());
        Upload kept = current == null ? upload : upload.withOwner(current.ownerId());
        files.save(kept);
        uploads.put(kept.id(), kept);
        return kept;
      }
    }, false);
  }

  /** How many uploads in progress {@code ownerId} has on this node. */
  long inProgress(long ownerId) {
    long now = System.currentTimeMillis();
    return uploads.values().stream().filter(u -> u.ownerId() != null && u.ownerId() == ownerId
        && u.videoId() == null && !u.goneAt(now)).count();
  }

  /** Every upload of {@code from} on this node becomes {@code to}'s (a guest's, moved into an account). */
  Future<Void> moveOwner(long from, long to) {
    return pool.executeBlocking(() -> {
      synchronized (uploads) {
        for (Upload upload : List.copyOf(uploads.values())) {
          if (upload.ownerId() != null && upload.ownerId() == from) {
            Upload moved = upload.withOwner(to);
            files.save(moved);
            uploads.put(moved.id(), moved);
          }
        }
        return null;
      }
    }, false);
  }

  /** The complete upload becomes a library video, its owner's as memory says now; the answer is its id. */
  Future<String> toVideo(Upload upload) {
    Upload current = uploads.getOrDefault(upload.id(), upload);
    return completion.toVideo(upload.withOwner(current.ownerId())).onComplete(ended -> claims.release(upload.id()))
        .compose(videoId -> save(upload.withVideo(videoId)).map(videoId));
  }

  /** Deletes the upload's files and forgets it. */
  Future<Void> delete(String id) {
    claims.release(id);
    return pool.executeBlocking(() -> {
      files.deleteAll(id);
      return null;
    }, false).onSuccess(done -> uploads.remove(id)).mapEmpty();
  }

  /** Deletes the data, keeping the state marked expired until {@code keepUntil}, so the URL answers 410. */
  Future<Void> expire(Upload upload, long keepUntil) {
    claims.release(upload.id());
    return pool.executeBlocking(() -> {
      files.deleteData(upload.id());
      return null;
    }, false).compose(done -> save(upload.asExpired(keepUntil))).mapEmpty();
  }
}
