package dev.livelens.subtitles;

import dev.livelens.config.SpeechConfig;
import dev.livelens.db.Database;
import dev.livelens.db.DatabaseFeature;
import dev.livelens.library.LibraryFeature;
import dev.livelens.media.MediaFeature;
import dev.livelens.web.Feature;
import dev.livelens.web.Mounts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subtitles from speech: a transcript for every video that becomes ready (Vosk, offline), its words stored
 * with their times, served as lines and as WebVTT, and searchable. Owns the node's speech pool
 * ("livelens-speech", {@code --transcribe-threads}) and its one speech model, loaded on first use and
 * released at stop. Needs FFmpeg; with it missing, or with 0 threads, no transcripts are made but those
 * stored are still served.
 */
public final class SubtitlesFeature implements Feature {

  public static final String SPEECH_POOL = "livelens-speech";
  /** Videos left untranscribed (made while transcripts were off, or cut short by a stop) queued at start. */
  private static final int CATCH_UP_AT_START = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(SubtitlesFeature.class);

  private final SpeechConfig config;
  private final Path dataDir;
  private final DatabaseFeature database;
  private final MediaFeature media;
  private final LibraryFeature library;
  private Transcripts transcripts;
  private TranscriptJobs jobs;
  private WorkerExecutor pool;
  private SpeechModel model;

  public SubtitlesFeature(SpeechConfig config, Path dataDir, DatabaseFeature database, MediaFeature media,
      LibraryFeature library) {
    this.config = config;
    this.dataDir = dataDir;
    this.database = database;
    this.media = media;
    this.library = library;
  }

  @Override
  public Future<?> start(Vertx vertx) {
    Database db = database.database();
    transcripts = new Transcripts(db.pool(), db.reads());
    library.library().whenDeleted(this::forget);
    if (media.ffmpeg().isEmpty() || config.threads() == 0) {
      jobs = null;
      return Future.succeededFuture();
    }
    pool = vertx.createSharedWorkerExecutor(SPEECH_POOL, config.threads());
    model = new SpeechModel(dataDir.resolve("models"), config.model());
    jobs = new TranscriptJobs(library.library(), transcripts, media.ffmpeg().get(), pool, model, config.language());
    library.library().whenReady(jobs::transcribe);
    transcripts.untranscribed(CATCH_UP_AT_START).onSuccess(ids -> {
      if (!ids.isEmpty()) {
        LOG.info("{} ready videos without a transcript queued", ids.size());
      }
      ids.forEach(jobs::transcribe);
    });
    return Future.succeededFuture();
  }

  /** A deleted video's transcript goes with it; one being made is stopped first. */
  private Future<Void> forget(String videoId) {
    if (jobs != null) {
      jobs.drop(videoId);
    }
    return transcripts.forget(videoId)
        .onFailure(e -> LOG.warn("the transcript of deleted video {} stays: {}", videoId, e.toString()));
  }

  @Override
  public void mount(Mounts mounts) {
    SubtitlesRoutes.mount(mounts.router(), transcripts, jobs == null ? videoId -> Optional.empty() : jobs::progress);
  }

  @Override
  public Future<?> stop() {
    if (jobs == null) {
      return Future.succeededFuture();
    }
    library.library().whenReady(videoId -> { });
    jobs.stop();
    return pool.close().onComplete(closed -> model.release());
  }
}
