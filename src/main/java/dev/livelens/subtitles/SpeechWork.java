package dev.livelens.subtitles;

import dev.livelens.config.SpeechConfig;
import dev.livelens.library.Library;
import dev.livelens.media.Ffmpeg;
import dev.livelens.web.SocketMessages;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.ServerWebSocket;
import dev.livelens.web.User;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's speech work as a verticle, so that undeploying it (the feature's stop, or Vert.x closing)
 * stops the transcripts being made, closes the speech pool and releases the model's ~265 MB of native
 * memory. At start it queues the ready videos left without a finished transcript.
 */
final class SpeechWork extends VerticleBase {

  /** Videos left untranscribed (made while transcripts were off, or cut short by a stop) queued at start. */
  private static final int CATCH_UP_AT_START = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(SpeechWork.class);

  private final SpeechConfig config;
  private final Path modelsDir;
  private final Library library;
  private final Transcripts transcripts;
  private final Lines lines;
  private final Ffmpeg ffmpeg;
  private final TranscriptJobs.Lease lease;
  private final long renewMs;
  private WorkerExecutor pool;
  /** Live captions' own pool at normal priority: a caption must not wait behind a library video's audio. */
  private WorkerExecutor captions;
  private SpeechModel model;
  private TranscriptJobs jobs;

  SpeechWork(SpeechConfig config, Path modelsDir, Library library, Transcripts transcripts, Lines lines,
      Ffmpeg ffmpeg, TranscriptJobs.Lease lease, long renewMs) {
    this.config = config;
    this.lines = lines;
    this.lease = lease;
    this.renewMs = renewMs;
    this.modelsDir = modelsDir;
    this.library = library;
    this.transcripts = transcripts;
    this.ffmpeg = ffmpeg;
  }

  @Override
  public Future<?> start() {
    pool = vertx.createSharedWorkerExecutor(SubtitlesFeature.SPEECH_POOL, config.threads());
    captions = vertx.createSharedWorkerExecutor(SubtitlesFeature.CAPTIONS_POOL, SubtitlesFeature.CAPTIONS_THREADS);
    model = new SpeechModel(modelsDir, config.model());
    jobs = new TranscriptJobs(library, transcripts, lines, ffmpeg, pool, model, config.language(), lease);
    // Undeploying the verticle cancels the timer: a stopped node's leases lapse and another may take them.
    vertx.setPeriodic(renewMs, tick -> jobs.renew()
        .onFailure(error -> LOG.warn("transcript leases not renewed: {}", error.toString())));
    transcripts.untranscribed(CATCH_UP_AT_START).onSuccess(ids -> {
      if (!ids.isEmpty()) {
        LOG.info("{} ready videos without a transcript queued", ids.size());
      }
      ids.forEach(jobs::transcribe);
    });
    return Future.succeededFuture();
  }

  /** Only after start. */
  TranscriptJobs jobs() {
    return jobs;
  }

  /**
   * Opens a page's live captions, whose recordings they may caption; on its event loop.
   *
   * @param onClosed run once when the socket has closed
   */
  void caption(ServerWebSocket socket, SocketMessages messages, Optional<User> caller, Runnable onClosed) {
    LiveCaptions.open(socket, messages, captions, model, new RecordingCaptions(caller, library.videos(), transcripts,
        config.language()), onClosed);
  }

  @Override
  public Future<?> stop() {
    jobs.stop();
    return Future.join(pool.close(), captions.close()).onComplete(closed -> model.release());
  }
}
