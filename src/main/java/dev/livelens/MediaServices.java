package dev.livelens;

import dev.livelens.config.LiveLensConfig;
import dev.livelens.db.Database;
import dev.livelens.filter.FilterCatalog;
import dev.livelens.library.Library;
import dev.livelens.library.LocalMediaStore;
import dev.livelens.library.Packager;
import dev.livelens.library.Videos;
import dev.livelens.library.jobs.LibraryJobs;
import dev.livelens.media.DiskQuota;
import dev.livelens.media.Ffmpeg;
import dev.livelens.record.Recordings;
import dev.livelens.upload.Uploads;
import dev.livelens.stream.StreamRecording;
import dev.livelens.vision.JpegCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What an HTTP node keeps beyond the live streams: the database, the library of videos and their media
 * files, and the recorder of live streams; all under {@code --data-dir} (the database in PostgreSQL instead
 * when {@code --db-url} names one). FFmpeg work runs on the bounded
 * "livelens-media" pool. The database pool and the media pool close with Vert.x.
 */
record MediaServices(Database database, LocalMediaStore store, Library library, StreamRecording recordings,
    WorkerExecutor pool, Optional<Ffmpeg> ffmpeg, Optional<LibraryJobs> jobs, DiskQuota quota) {

  static final String MEDIA_POOL = "livelens-media";
  /** FFmpeg runs as its own processes: the pool's threads mostly wait, a few of them keep two cores busy. */
  static final int MEDIA_POOL_SIZE = 4;

  static Future<MediaServices> start(Vertx vertx, LiveLensConfig config, Supplier<JpegCodec> codecs,
      FilterCatalog catalog) {
    WorkerExecutor pool = vertx.createSharedWorkerExecutor(MEDIA_POOL, MEDIA_POOL_SIZE);
    LocalMediaStore store = new LocalMediaStore(config.storage().dataDir());
    Optional<Ffmpeg> ffmpeg = Ffmpeg.locate(pool);
    // One account of the data directory's disk use for every writer: recordings and uploads alike.
    DiskQuota quota = new DiskQuota(pool, List.of(store.root(), Uploads.root(config.storage())),
        config.storage().maxDataBytes());
    return Database.open(vertx, config.storage().dataDir(), config.database()).compose(database -> {
      Videos videos = new Videos(database.pool());
      Library library = new Library(videos, store, ffmpeg.map(f -> new Packager(f, store, vertx.fileSystem())),
          vertx.fileSystem());
      Future<StreamRecording> recordings = ffmpeg.map(f -> Recordings.deploy(vertx, library, codecs,
          config.storage(), quota)).orElse(Future.succeededFuture(StreamRecording.UNAVAILABLE));
      // Jobs need FFmpeg: without it their routes are not there (404) and nothing is queued.
      Future<Optional<LibraryJobs>> jobs = ffmpeg.map(f -> LibraryJobs.start(vertx, database.pool(), library, f,
          catalog, config.storage()).map(Optional::of)).orElse(Future.succeededFuture(Optional.empty()));
      return library.recover().compose(recovered -> jobs).compose(started -> recordings.map(recorder ->
          new MediaServices(database, store, library, recorder, pool, ffmpeg, started, quota)));
    });
  }
}
