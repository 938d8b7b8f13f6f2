package dev.livelens.library.jobs;

import dev.livelens.library.VideoLeases;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The jobs table: every read and write of it, in portable SQL. */
public final class Jobs {

  private final Pool pool;

  public Jobs(Pool pool) {
    this.pool = pool;
  }

  public Future<Job> create(String videoId, String kind, JsonObject input, Long ownerId) {
    long now = System.currentTimeMillis();
    return pool.preparedQuery("INSERT INTO jobs (video_id, kind, input, state, attempts, created_at, updated_at, "
            + "owner_id) VALUES (?, ?, ?, ?, 0, ?, ?, ?)")
        .execute(Tuple.of(videoId, kind, input.encode(), Job.QUEUED, now, now).addLong(ownerId))
        .map(done -> new Job(videoId, kind, input, Job.QUEUED, 0, now, ownerId));
  }

  public Future<Optional<Job>> find(String videoId) {
    return pool.preparedQuery("SELECT " + Job.COLUMNS + " FROM jobs WHERE video_id = ?").execute(Tuple.of(videoId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Job.fromRow(rows.iterator().next())));
  }

  /** Jobs queued or running whose video's lease {@code claim} allows taking, oldest first. */
  public Future<List<Job>> unfinished(VideoLeases.Claim claim) {
    return pool.preparedQuery("SELECT " + Job.COLUMNS + " FROM jobs WHERE state IN (?, ?) "
            + "AND video_id IN (SELECT id FROM videos WHERE " + claim.condition() + ") ORDER BY created_at")
        .execute(claim.after(Tuple.of(Job.QUEUED, Job.RUNNING))).map(rows -> {
          List<Job> jobs = new ArrayList<>();
          rows.forEach(row -> jobs.add(Job.fromRow(row)));
          return jobs;
        });
  }

  /** A run starts: counted, so a job that keeps stopping the server is not tried forever. */
  public Future<Void> started(String videoId) {
    return pool.preparedQuery("UPDATE jobs SET state = ?, attempts = attempts + 1, updated_at = ? WHERE video_id = ?")
        .execute(Tuple.of(Job.RUNNING, System.currentTimeMillis(), videoId)).mapEmpty();
  }

  public Future<Void> ended(String videoId, String state) {
    return pool.preparedQuery("UPDATE jobs SET state = ?, updated_at = ? WHERE video_id = ?")
        .execute(Tuple.of(state, System.currentTimeMillis(), videoId)).mapEmpty();
  }
}
