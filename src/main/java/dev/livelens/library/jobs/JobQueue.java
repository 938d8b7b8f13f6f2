package dev.livelens.library.jobs;

import dev.livelens.bus.Addresses;
import dev.livelens.library.Library;
import dev.livelens.library.Video;
import dev.livelens.library.VideoLeases;
import dev.livelens.media.FailureReason;
import dev.livelens.web.Problem;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's jobs: a bounded queue, a few running at once, their work on the media pool (never an
 * event loop). Each job is a row first, so a restart finds it; it ends with its video ready, or failed
 * with a reason and its files removed, or (cancelled) with no trace at all. The queue's state belongs to
 * {@link JobsVerticle}'s context: every method hops onto it and answers on the caller's, so no lock.
 */
public final class JobQueue {

  private static final Logger LOG = LoggerFactory.getLogger(JobQueue.class);
  /** A job interrupted this often by a stopping server is not tried again. */
  static final int MAX_ATTEMPTS = 2;

  /** The queue is full: the client may try again later (503). */
  public static final class QueueFull extends Problem {
    QueueFull(int size) {
      super(503, "busy", "the server has " + size + " jobs waiting; try again when some have finished");
    }
  }

  private final Vertx vertx;
  private final Jobs jobs;
  private final Library library;
  private final Map<String, JobWork> works;
  private final int concurrency;
  private final int maxQueued;
  private final OwnContext owner = new OwnContext();
  // Touched on the owning context only.
  private final Deque<JobRun> waiting = new ArrayDeque<>();
  private final Map<String, JobRun> running = new LinkedHashMap<>();
  /** Jobs accepted whose rows are still being written: they hold a place in the queue already. */
  private int reserved;
  private boolean closing;

  public JobQueue(Vertx vertx, Jobs jobs, Library library, Map<String, JobWork> works, int concurrency,
      int maxQueued) {
    this.vertx = vertx;
    this.jobs = jobs;
    this.library = library;
    this.works = Map.copyOf(works);
    this.concurrency = concurrency;
    this.maxQueued = maxQueued;
  }

  /** The context that owns the queue's state, given by its verticle as it starts. */
  void ownedBy(Context context) {
    owner.set(context);
  }

  /**
   * Creates the video (processing) and its job, both {@code ownerId}'s, and queues it; fails with
   * {@link QueueFull} when full.
   */
  public Future<Video> submit(String kind, String title, String source, String parentId, JsonObject input,
      Long ownerId) {
    return submit(kind, title, source, parentId, input, ownerId, video -> Future.succeededFuture());
  }

  /**
   * {@link #submit}, with {@code prepare} putting the job's own files in place once its video exists and
   * before the job is written and queued (so no run can start without them); its failure undoes the video.
   */
  public Future<Video> submit(String kind, String title, String source, String parentId, JsonObject input,
      Long ownerId, Function<Video, Future<?>> prepare) {
    return owner.call(() -> {
      // Decided and counted in one step: a burst cannot slip in between the check and the insert.
      if (waiting.size() + reserved >= maxQueued) {
        return Future.failedFuture(new QueueFull(waiting.size() + reserved));
      }
      reserved++;
      Future<Video> made = library.create(title, source, parentId, ownerId)
          .compose(video -> owner.back(prepare.apply(video).compose(ready -> jobs.create(video.id(), kind, input,
              ownerId)))
          .recover(error -> library.delete(video.id()).compose(gone -> Future.failedFuture(error)))
          .map(job -> {
            reserved--;
            enqueue(job);
            return video;
          }));
      return owner.back(made).onFailure(error -> reserved--);
    });
  }

  /** Jobs queued or running now, with their progress. */
  public Future<List<JsonObject>> active() {
    return owner.call(() -> {
      List<JsonObject> all = new ArrayList<>();
      running.values().forEach(run -> all.add(run.toJson()));
      waiting.forEach(run -> all.add(run.toJson()));
      return Future.succeededFuture(all);
    });
  }

  /** The job making this video: live while it is active here, else as its row says. */
  public Future<Optional<JsonObject>> describe(String videoId) {
    return owner.call(() -> {
      JobRun run = find(videoId);
      return run != null ? Future.succeededFuture(Optional.of(run.toJson()))
          : jobs.find(videoId).map(job -> job.map(Job::toJson));
    });
  }

  /**
   * Stops the job making this video and removes the video; false when no such job is queued or running.
   * Completes once the job's processes have stopped and its files are gone.
   */
  public Future<Boolean> cancel(String videoId) {
    return owner.call(() -> {
      JobRun run = find(videoId);
      if (run == null) {
        return Future.succeededFuture(false);
      }
      run.cancel().cancel();
      if (waiting.remove(run)) {
        run.state(Job.CANCELLED);
        return library.delete(videoId).map(true);
      }
      return run.whenEnded().map(true);
    });
  }

  /** At start-up: the jobs an earlier run left unfinished whose leases this node may take (see VideoLeases). */
  Future<Void> recover() {
    return owner.call(() -> takeUp(library.leases().atStart(), true));
  }

  /** The jobs of nodes that stopped renewing their leases (they died): taken over here. */
  Future<Void> takeOver() {
    return owner.call(() -> takeUp(library.leases().lapsed(), false));
  }

  /** The server stops: running FFmpeg processes are killed, rows left as they are for the next start. */
  void shutdown() {
    closing = true;
    running.values().forEach(run -> run.cancel().cancel());
  }

  /** Interrupted jobs whose lease this node wins run again from the start, or fail when tried enough. */
  private Future<Void> takeUp(VideoLeases.Claim claim, boolean atStart) {
    return owner.back(jobs.unfinished(claim)).compose(unfinished -> {
      List<Future<?>> done = new ArrayList<>();
      for (Job job : unfinished) {
        done.add(owner.back(library.leases().take(job.videoId(), claim)).compose(taken -> !taken
            ? Future.succeededFuture()
            : job.attempts() >= MAX_ATTEMPTS
                ? failed(job.videoId(), "the server stopped during this job " + job.attempts() + " times")
                : owner.back(library.videos().processingAgain(job.videoId())).andThen(again -> enqueue(job))));
      }
      if (atStart || !unfinished.isEmpty()) {
        LOG.info("{} interrupted jobs found {}", unfinished.size(), atStart ? "at start-up" : "with lapsed leases");
      }
      return Future.join(done).mapEmpty();
    });
  }

  private JobRun find(String videoId) {
    JobRun run = running.get(videoId);
    return run != null ? run : waiting.stream().filter(r -> r.videoId().equals(videoId)).findFirst().orElse(null);
  }

  private void enqueue(Job job) {
    JobRun run = new JobRun(job, json -> vertx.eventBus().publish(Addresses.JOBS, json));
    waiting.add(run);
    run.state(Job.QUEUED);
    startNext();
  }

  private void startNext() {
    if (closing || running.size() >= concurrency || waiting.isEmpty()) {
      return;
    }
    JobRun run = waiting.poll();
    running.put(run.videoId(), run);
    execute(run).onComplete(done -> {
      running.remove(run.videoId());
      run.ended();
      startNext();
    });
  }

  /** Completes on the owning context, whatever threads the work ran on. */
  private Future<Void> execute(JobRun run) {
    String id = run.videoId();
    run.state(Job.RUNNING);
    Future<Void> made = jobs.started(id)
        .compose(started -> works.get(run.job().kind()).make(run))
        .compose(source -> library.finish(id, source, null, run::packaging, run.cancel()))
        .compose(video -> jobs.ended(id, Job.DONE));
    return owner.back(made)
        .map(done -> {
          run.state(Job.DONE);
          return done;
        })
        .recover(error -> owner.back(ended(run, error)));
  }

  private Future<Void> ended(JobRun run, Throwable error) {
    if (closing || error instanceof InterruptedException) {
      // The server stops (Vert.x interrupts the media pool's threads as it closes): the row still says
      // running, and the next start (or another node, once the lease lapses) takes the job up again.
      return Future.succeededFuture();
    }
    if (run.cancel().cancelled()) {
      run.state(Job.CANCELLED);
      return library.delete(run.videoId()).mapEmpty();
    }
    LOG.info("job {} ({}) failed: {}", run.videoId(), run.job().kind(), error.toString(), error);
    return failed(run.videoId(), FailureReason.of(error)).andThen(done -> run.state(Job.FAILED));
  }

  /** Failed with its reason kept on the video, its half-made files removed. */
  private Future<Void> failed(String videoId, String reason) {
    return library.failed(videoId, reason).compose(done -> jobs.ended(videoId, Job.FAILED))
        .compose(done -> vertx.fileSystem().deleteRecursive(library.store().directory(videoId).toString())
            .recover(missing -> Future.succeededFuture()));
  }
}
