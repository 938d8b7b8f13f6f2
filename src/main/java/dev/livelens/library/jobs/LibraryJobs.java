package dev.livelens.library.jobs;

import dev.livelens.web.RandomIds;
import dev.livelens.web.SignedInUsers;
import dev.livelens.config.StorageConfig;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.library.Library;
import dev.livelens.library.imports.AddressPolicy;
import dev.livelens.library.imports.Download;
import dev.livelens.library.imports.ImportProxy;
import dev.livelens.library.imports.UrlCheck;
import dev.livelens.media.Ffmpeg;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.util.Map;

/** The library's jobs put together: the queue with its three kinds of work, the import proxy, the routes. */
public final class LibraryJobs {

  /** Jobs running at once: FFmpeg and the filters share two to a few cores with the live streams. */
  static final int CONCURRENCY = 2;
  static final int MAX_QUEUED = 32;

  private final Vertx vertx;
  private final Library library;
  private final JobQueue queue;
  private final FilterCatalog catalog;
  private final UrlCheck urls;
  private final Ffmpeg ffmpeg;
  private final JobFeed feed;
  private final SignedInUsers users;
  private final JobPicture picture;
  private final Path uploads;

  private LibraryJobs(Vertx vertx, Library library, JobQueue queue, FilterCatalog catalog, UrlCheck urls,
      Ffmpeg ffmpeg, SignedInUsers users, JobPicture picture, Path uploads) {
    this.users = users;
    this.picture = picture;
    this.uploads = uploads;
    this.vertx = vertx;
    this.library = library;
    this.queue = queue;
    this.catalog = catalog;
    this.urls = urls;
    this.ffmpeg = ffmpeg;
    this.feed = new JobFeed(vertx, queue, users);
  }

  /**
   * Starts the import proxy and the queue, and takes up the jobs a previous run left unfinished; then every
   * {@code leaseCheckMs} those of nodes that died.
   */
  static Future<LibraryJobs> start(Vertx vertx, Pool db, Library library, Ffmpeg ffmpeg,
      FilterCatalog catalog, StorageConfig storage, long leaseCheckMs, SignedInUsers users, JobPicture picture) {
    AddressPolicy policy = new AddressPolicy(storage.allowPrivateUrls());
    // A folder of this node's own: nodes of a cluster may share the data directory, and start together.
    Path uploads = storage.dataDir().resolve("tmp").resolve("job-pictures").resolve(RandomIds.SHORT.next());
    return vertx.fileSystem().mkdirs(uploads.toString())
        .compose(ready -> ImportProxy.start(vertx, policy, ffmpeg.pool())).compose(proxy -> {
      Map<String, JobWork> works = Map.of(
          CutWork.KIND, new CutWork(ffmpeg, library.store()),
          ProcessWork.KIND, new ProcessWork(ffmpeg, library.store(), vertx, catalog, picture),
          ImportWork.KIND, new ImportWork(ffmpeg, library.store(),
              new Download(vertx, proxy.port(), storage.maxUploadBytes()), proxy.url(),
              storage.maxRecordingSeconds(), storage.maxUploadBytes()));
      JobQueue queue = new JobQueue(vertx, new Jobs(db), library, works, CONCURRENCY, MAX_QUEUED);
      LibraryJobs jobs = new LibraryJobs(vertx, library, queue, catalog, new UrlCheck(policy, proxy.port()), ffmpeg,
          users, picture, uploads);
      return vertx.deployVerticle(new JobsVerticle(queue, leaseCheckMs)).map(jobs);
    });
  }

  /** Mounts the jobs' API on one event loop's router of its own. */
  public void mount(Router router) {
    JobRoutes.mount(router, library, queue, catalog, urls, ffmpeg.pool(), feed, users, picture, uploads);
  }

  /** Stops the job making this video and removes the video; false when no job makes it. */
  public Future<Boolean> cancel(String videoId) {
    return queue.cancel(videoId);
  }

  /** The node stops: running FFmpeg processes end, their rows stay for the next start. */
  public void shutdown() {
    queue.shutdown();
  }
}
