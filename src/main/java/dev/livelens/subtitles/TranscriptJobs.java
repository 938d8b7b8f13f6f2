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
 * queued is not queued twice, and a node first takes the transcript's lease (see {@link Transcripts#begin}):
 * of nodes sharing a database, one makes it. A cut made by transcript words gets those words of its parent,
 * re-timed, rather than being heard again.
 */
final class TranscriptJobs {

  private static final Logger LOG = LoggerFactory.getLogger(TranscriptJobs.class);

  private final Library library;
  private final Transcripts transcripts;
  private final Ffmpeg ffmpeg;
  private final WorkerExecutor pool;
  private final SpeechModel model;
  private final String language;
  private final Lease lease;
  private final Lines lines;
  /** Videos queued or being transcribed, with how far they are (0..1) and how to stop them. */
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private volatile boolean stopped;

  /**
   * How this node takes transcripts.
   *
   * @param node this node's name, unique among the live nodes sharing the database
   * @param ms how long a lease lasts unrenewed
   * @param shared whether other nodes use the database: on one that is this node's own, every lease is free
   */
  record Lease(String node, long ms, boolean shared) {

    long until() {
      return System.currentTimeMillis() + ms;
    }

    long lapsedBefore() {
      return shared ? System.currentTimeMillis() : Long.MAX_VALUE;
    }
  }

  private static final class Running {
    final Cancel cancel = new Cancel();
    volatile double progress;
  }

  TranscriptJobs(Library library, Transcripts transcripts, Lines lines, Ffmpeg ffmpeg, WorkerExecutor pool,
      SpeechModel model, String language, Lease lease) {
    this.lines = lines;
    this.lease = lease;
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
    return transcripts.begin(videoId, language, lease.node(), lease.until(), lease.lapsedBefore())
        .compose(taken -> taken ? make(videoId, job) : Future.succeededFuture())
        .onComplete(done -> running.remove(videoId));
  }

  /** Renews the leases of the transcripts this node is making. */
  Future<Integer> renew() {
    return transcripts.renew(lease.node(), lease.until());
  }

  private Future<Void> make(String videoId, Running job) {
    return library.videos().find(videoId)
        .compose(found -> found.filter(v -> Video.READY.equals(v.status())).isEmpty()
            ? Future.failedFuture("the video is not ready")
            : transcripts.plan(videoId).compose(plan -> plan.isPresent() ? copy(videoId, found.get(), plan.get(), job)
                : hear(videoId, found.get(), job)))
        .recover(error -> {
          String reason = job.cancel.cancelled() ? "the server stopped before the transcript was complete"
              : "the transcript could not be made: " + FailureReason.of(error, "speech recognition failed on the "
                  + "server (its log has the details): try again later");
          LOG.info("transcript of video {} failed: {}", videoId, error.toString());
          return job.cancel.cancelled() ? Future.succeededFuture() : transcripts.end(videoId, Transcripts.FAILED,
              reason);
        });
  }

  private Future<Void> hear(String videoId, Video video, Running job) {
    return ffmpeg.probe(library.store().mp4(videoId)).compose(probe -> !hasAudio(probe)
        ? transcripts.finish(videoId, List.of(), language)
        : recognise(videoId, video, job).compose(words -> transcripts.finish(videoId, words, language)));
  }

  /**
   * A cut by words: the parent's words, re-timed to the cut (and its corrected lines). A fast cut starts at
   * the keyframe before its first word, so the shift is where the cut starts in its parent: its last word's
   * end less its length. Heard again when the parent's words are gone.
   */
  private Future<Void> copy(String videoId, Video video, Transcripts.Plan plan, Running job) {
    return transcripts.find(plan.parentId()).compose(parent -> {
      Optional<String> language = parent.filter(state -> Transcripts.READY.equals(state.status()))
          .map(Transcripts.State::language);
      return language.isEmpty() ? hear(videoId, video, job) : transcripts.words(plan.parentId(), plan.fromWord(),
          plan.toWord()).compose(words -> words.size() != plan.toWord() - plan.fromWord() + 1 ? hear(videoId, video, job)
              : lines.copy(plan.parentId(), plan.fromWord(), plan.toWord(), videoId)
                  .compose(copied -> transcripts.finish(videoId, retimed(words, video), language.get())));
    });
  }

  static List<Word> retimed(List<Word> words, Video cut) {
    int first = words.get(0).startMs();
    long length = cut.durationMs() == null ? words.get(words.size() - 1).endMs() - first : cut.durationMs();
    int shift = (int) Math.max(0, Math.min(first, words.get(words.size() - 1).endMs() - length));
    return words.stream().map(w -> new Word(w.text(), Math.max(0, w.startMs() - shift), Math.max(0, w.endMs() - shift),
        w.conf())).toList();
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
