package dev.livelens.subtitles;

import dev.livelens.library.Library;
import dev.livelens.library.Video;
import dev.livelens.media.Cancel;
import dev.livelens.media.FailureReason;
import dev.livelens.media.Ffmpeg;
import dev.livelens.worker.BelowLive;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.Model;

/**
 * A transcript for every video that becomes ready. Each video's work waits its turn on the speech pool
 * ({@code --transcribe-threads} threads, so memory and cores stay bounded), whose threads run below live
 * work, as FFmpeg does: under live load a transcript slows down, the streams do not. A video already
 * queued is not queued twice.
 */
final class TranscriptJobs {

  private static final Logger LOG = LoggerFactory.getLogger(TranscriptJobs.class);

  private final Library library;
  private final Transcripts transcripts;
  private final Ffmpeg ffmpeg;
  private final WorkerExecutor pool;
  private final SpeechModel model;
  private final String language;
  /** Videos queued or being transcribed, with how far they are (0..1) and how to stop them. */
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private volatile boolean stopped;

  private static final class Running {
    final Cancel cancel = new Cancel();
    volatile double progress;
  }

  TranscriptJobs(Library library, Transcripts transcripts, Ffmpeg ffmpeg, WorkerExecutor pool, SpeechModel model,
      String language) {
    this.library = library;
    this.transcripts = transcripts;
    this.ffmpeg = ffmpeg;
    this.pool = pool;
    this.model = model;
    this.language = language;
  }

  /** How far a video's transcript is (0..1), while it is queued or running. */
  Optional<Double> progress(String videoId) {
    return Optional.ofNullable(running.get(videoId)).map(r -> r.progress);
  }

  /** Queues the video's transcript; completes when it ended (ready, no_speech or failed). */
  Future<Void> transcribe(String videoId) {
    Running job = new Running();
    if (stopped || running.putIfAbsent(videoId, job) != null) {
      return Future.succeededFuture();
    }
    return transcripts.begin(videoId, language)
        .compose(begun -> library.videos().find(videoId))
        .compose(found -> found.filter(v -> Video.READY.equals(v.status())).isEmpty()
            ? Future.failedFuture("the video is not ready")
            : ffmpeg.probe(library.store().mp4(videoId)).compose(probe -> !hasAudio(probe)
                ? transcripts.finish(videoId, List.of())
                : recognise(videoId, found.get(), job).compose(words -> transcripts.finish(videoId, words))))
        .recover(error -> {
          String reason = job.cancel.cancelled() ? "the server stopped before the transcript was complete"
              : "the transcript could not be made: " + FailureReason.of(error, "speech recognition failed on the "
                  + "server (its log has the details): try again later");
          LOG.info("transcript of video {} failed: {}", videoId, error.toString());
          return job.cancel.cancelled() ? Future.succeededFuture() : transcripts.end(videoId, Transcripts.FAILED,
              reason);
        })
        .onComplete(done -> running.remove(videoId));
  }

  private Future<List<Word>> recognise(String videoId, Video video, Running job) {
    double seconds = video.durationMs() == null ? 0 : video.durationMs() / 1000.0;
    return pool.executeBlocking(() -> {
      BelowLive.lowerThisThread();
      job.cancel.check();
      Model loaded = model.get();
      long started = System.nanoTime();
      List<Word> words = new Transcriber(ffmpeg).words(loaded, library.store().mp4(videoId), seconds,
          fraction -> job.progress = fraction, job.cancel);
      double took = (System.nanoTime() - started) / 1e9;
      LOG.info("video {}: {} words from {} s of audio in {} s ({}x real time)", videoId, words.size(),
          String.format("%.1f", seconds), String.format("%.1f", took),
          seconds > 0 ? String.format("%.2f", took / seconds) : "?");
      return words;
    }, false);
  }

  private static boolean hasAudio(JsonObject probe) {
    JsonArray streams = probe.getJsonArray("streams", new JsonArray());
    for (int i = 0; i < streams.size(); i++) {
      if ("audio".equals(streams.getJsonObject(i).getString("codec_type"))) {
        return true;
      }
    }
    return false;
  }

  /** Stops the video's transcript, if one is being made (the video is gone). */
  void drop(String videoId) {
    Running job = running.get(videoId);
    if (job != null) {
      job.cancel.cancel();
    }
  }

  /** Takes no more work and stops what runs: its transcripts stay processing and are done again at start. */
  void stop() {
    stopped = true;
    running.values().forEach(job -> job.cancel.cancel());
  }
}
