package dev.livelens.library.jobs;

import dev.livelens.media.Cancel;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** One job while it is queued or running: its progress, its time left, its cancel handle. */
public final class JobRun {

  /** Progress is pushed to the pages at most this often; state changes always. */
  private static final long PUBLISH_EVERY_MS = 300;

  private final Job job;
  private final Consumer<JsonObject> publish;
  private final Cancel cancel = new Cancel();
  private final Promise<Void> ended = Promise.promise();
  private volatile String state = Job.QUEUED;
  private volatile double progress;
  private volatile long startedAtMs;
  /** Progress comes from the work's threads: the one that moves this on publishes. */
  private final AtomicLong publishedAtMs = new AtomicLong();

  JobRun(Job job, Consumer<JsonObject> publish) {
    this.job = job;
    this.publish = publish;
  }

  public Job job() {
    return job;
  }

  public String videoId() {
    return job.videoId();
  }

  public JsonObject input() {
    return job.input();
  }

  public Cancel cancel() {
    return cancel;
  }

  /** The work's share of the whole job: making the source is 80 %, packaging it the rest. */
  public void progress(double fraction) {
    report(0.8 * Math.max(0, Math.min(1, fraction)));
  }

  void packaging(double fraction) {
    report(0.8 + 0.2 * Math.max(0, Math.min(1, fraction)));
  }

  private void report(double fraction) {
    progress = Math.max(progress, fraction);
    long now = System.currentTimeMillis();
    long last = publishedAtMs.get();
    if (now - last >= PUBLISH_EVERY_MS && publishedAtMs.compareAndSet(last, now)) {
      publish.accept(toJson());
    }
  }

  void state(String newState) {
    if (Job.RUNNING.equals(newState)) {
      startedAtMs = System.currentTimeMillis();
    }
    state = newState;
    publish.accept(toJson());
  }

  void ended() {
    ended.tryComplete();
  }

  Future<Void> whenEnded() {
    return ended.future();
  }

  /** Seconds left, from the pace so far; null until there is a pace to go by. */
  private Long etaSeconds() {
    double done = progress;
    if (startedAtMs == 0 || done < 0.02) {
      return null;
    }
    double elapsed = (System.currentTimeMillis() - startedAtMs) / 1000.0;
    return Math.round(elapsed * (1 - done) / done);
  }

  JsonObject toJson() {
    return new JsonObject().put("video", job.videoId()).put("kind", job.kind()).put("state", state)
        .put("progress", Job.DONE.equals(state) ? 1.0 : Math.round(progress * 1000) / 1000.0)
        .put("eta", etaSeconds()).put("input", job.input()).put("owner", job.ownerId());
  }
}
