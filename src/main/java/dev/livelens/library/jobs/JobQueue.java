package dev.livelens.library.jobs;

import dev.livelens.web.Problem;
import dev.livelens.bus.Addresses;
import dev.livelens.library.Library;
import dev.livelens.library.Video;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's jobs: a bounded queue, a few running at once, their work on the media pool (never an
 * event loop). Each job is a row first, so a restart finds it; it ends with its video ready, or failed
 * with a reason and its files removed, or (cancelled) with no trace at all.
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
  private final Deque<JobRun> waiting = new ArrayDeque<>();
  private final Map<String, JobRun> running = new LinkedHashMap<>();
  private volatile boolean closing;

  public JobQueue(Vertx vertx, Jobs jobs, Library library, Map<String, JobWork> works, int concurrency,
      int maxQueued) {
    this.vertx = vertx;
    this.jobs = jobs;
    this.library = library;
    this.works = Map.copyOf(works);
    this.concurrency = concurrency;
    this.maxQueued = maxQueued;
  }

  /** Creates the video (processing) and its job, and queues it; fails with {@link QueueFull} when full. */
  public Future<Video> submit(String kind, String title, String source, String parentId, JsonObject input) {
    synchronized (this) {
      if (waiting.size() >= maxQueued) {
        return Future.failedFuture(new QueueFull(waiting.size()));
      }
    }
    return library.create(title, source, parentId).compose(video -> jobs.create(video.id(), kind, input)
        .recover(error -> library.delete(video.id()).compose(gone -> Future.failedFuture(error)))
        .map(job -> {
          enqueue(job);
          return video;
        }));
  }

  /** Jobs queued or running now, with their progress. */
  public synchronized List<JsonObject> active() {
    List<JsonObject> all = new ArrayList<>();
    running.values().forEach(run -> all.add(run.toJson()));
    waiting.forEach(run -> all.add(run.toJson()));
    return all;
  }

  /** The job making this video: live while it is active, else as its row says. */
  public Future<Optional<JsonObject>> describe(String videoId) {
    JobRun run = find(videoId);
    return run != null ? Future.succeededFuture(Optional.of(run.toJson()))
        : jobs.find(videoId).map(job -> job.map(Job::toJson));
  }

  /**
   * Stops the job making this video and removes the video; false when no such job is queued or running.
   * Completes once the job's processes have stopped and its files are gone.
   */
  public Future<Boolean> cancel(String videoId) {
    JobRun run;
    boolean wasWaiting;
    synchronized (this) {
      run = find(videoId);
      wasWaiting = run != null && waiting.remove(run);
    }
    if (run == null) {
      return Future.succeededFuture(false);
    }
    run.cancel().cancel();
    if (wasWaiting) {
      run.state(Job.CANCELLED);
      return library.delete(videoId).map(true);
    }
    return run.whenEnded().map(true);
  }

  /** After a restart: interrupted jobs run again from the start, or fail when they were tried enough. */
  public Future<Void> recover() {
    return jobs.unfinished().compose(unfinished -> {
      List<Future<?>> done = new ArrayList<>();
      for (Job job : unfinished) {
        done.add(job.attempts() >= MAX_ATTEMPTS
            ? failed(job.videoId(), "the server stopped during this job " + job.attempts() + " times")
            : library.videos().processingAgain(job.videoId()).andThen(again -> enqueue(job)));
      }
      LOG.info("{} interrupted jobs found at start-up", unfinished.size());
      return Future.join(done).mapEmpty();
    });
  }

  /** The server stops: running FFmpeg processes are killed, rows left as they are for the next start. */
  public void shutdown() {
    closing = true;
    synchronized (this) {
      running.values().forEach(run -> run.cancel().cancel());
    }
  }

  private synchronized JobRun find(String videoId) {
    JobRun run = running.get(videoId);
    return run != null ? run : waiting.stream().filter(r -> r.videoId().equals(videoId)).findFirst().orElse(null);
  }

  private void enqueue(Job job) {
    JobRun run = new JobRun(job, json -> vertx.eventBus().publish(Addresses.JOBS, json));
    synchronized (this) {
      waiting.add(run);
    }
    run.state(Job.QUEUED);
    startNext();
  }

  private void startNext() {
    JobRun run;
    synchronized (this) {
      if (closing || running.size() >= concurrency || waiting.isEmpty()) {
        return;
      }
      run = waiting.poll();
      running.put(run.videoId(), run);
    }
    execute(run).onComplete(done -> {
      synchronized (this) {
        running.remove(run.videoId());
      }
      run.ended();
      startNext();
    });
  }

  private Future<Void> execute(JobRun run) {
    String id = run.videoId();
    run.state(Job.RUNNING);
    return jobs.started(id)
        .compose(started -> works.get(run.job().kind()).make(run))
        .compose(source -> library.finish(id, source, null, run::packaging, run.cancel()))
        .compose(video -> jobs.ended(id, Job.DONE))
        .map(done -> {
          run.state(Job.DONE);
          return done;
        })
        .recover(error -> ended(run, error));
  }

  private Future<Void> ended(JobRun run, Throwable error) {
    if (closing || error instanceof InterruptedException) {
      // The server stops (Vert.x interrupts the media pool's threads as it closes): the row still says
      // running, and the next start takes the job up again.
      return Future.succeededFuture();
    }
    if (run.cancel().cancelled()) {
      run.state(Job.CANCELLED);
      return library.delete(run.videoId()).mapEmpty();
    }
    LOG.info("job {} ({}) failed: {}", run.videoId(), run.job().kind(), error.toString(), error);
    return failed(run.videoId(), String.valueOf(error.getMessage())).andThen(done -> run.state(Job.FAILED));
  }

  /** Failed with its reason kept on the video, its half-made files removed. */
  private Future<Void> failed(String videoId, String reason) {
    return library.failed(videoId, reason).compose(done -> jobs.ended(videoId, Job.FAILED))
        .compose(done -> vertx.fileSystem().deleteRecursive(library.store().directory(videoId).toString())
            .recover(missing -> Future.succeededFuture()));
  }
}
