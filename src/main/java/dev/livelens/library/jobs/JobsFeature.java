package dev.livelens.library.jobs;

import dev.livelens.web.SignedInUsers;
import java.util.function.Supplier;
import dev.livelens.config.LiveLensConfig;
import dev.livelens.db.DatabaseFeature;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.library.LibraryFeature;
import dev.livelens.media.MediaFeature;
import dev.livelens.web.Feature;
import dev.livelens.web.MovableThings;
import dev.livelens.web.Mounts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The library's jobs (cut, process, import) and their API. Jobs need FFmpeg: without it their routes are
 * not there (404) and nothing is queued. Deleting a video first stops the job that makes it.
 */
public final class JobsFeature implements Feature {

  private final DatabaseFeature database;
  private final MediaFeature media;
  private final LibraryFeature library;
  private final FilterCatalog catalog;
  private final LiveLensConfig config;
  private final Supplier<SignedInUsers> users;
  private LibraryJobs jobs;

  public JobsFeature(DatabaseFeature database, MediaFeature media, LibraryFeature library, FilterCatalog catalog,
      LiveLensConfig config, Supplier<SignedInUsers> users) {
    this.users = users;
    this.database = database;
    this.media = media;
    this.library = library;
    this.catalog = catalog;
    this.config = config;
  }

  @Override
  public Future<?> start(Vertx vertx) {
    if (media.ffmpeg().isEmpty()) {
      return Future.succeededFuture();
    }
    JobPicture picture = new JobPicture(vertx, library.library().store(), config.maxFrameBytes(),
        config.maxImageSide(), config.frameTimeoutMs());
    return LibraryJobs.start(vertx, database.database().pool(), library.library(), media.ffmpeg().get(), catalog,
        config.storage(), config.leases().renewMs(), users.get(), picture).onSuccess(started -> {
          jobs = started;
          library.madeBy(started::cancel);
        });
  }

  /**
   * Every job an owner asked for, moved into an account that a guest's browser signed in to (the offer
   * counts the unfinished ones). A job running at that moment lists its new owner once it ends.
   */
  public MovableThings movableThings() {
    return MovableThings.rows("jobs", () -> database.database().pool(), "jobs",
        " AND state IN ('" + Job.QUEUED + "', '" + Job.RUNNING + "')");
  }

  @Override
  public void mount(Mounts mounts) {
    if (jobs != null) {
      jobs.mount(mounts.router());
    }
  }

  @Override
  public Future<?> stop() {
    if (jobs != null) {
      jobs.shutdown();
    }
    return Future.succeededFuture();
  }
}
