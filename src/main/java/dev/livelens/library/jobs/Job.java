package dev.livelens.library.jobs;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * A job as its row says: the work that makes one video.
 *
 * @param videoId the video the job makes, which is also the job's id
 * @param kind cut, import or process
 * @param input what was asked (times, URL, filter), as the kind reads it
 * @param state queued, running, done or failed (a cancelled job is deleted with its video)
 * @param attempts runs started so far
 * @param ownerId who asked for it (and owns its video), or null for a job made before owners
 */
public record Job(String videoId, String kind, JsonObject input, String state, int attempts, long createdAt,
    Long ownerId) {

  public static final String QUEUED = "queued";
  public static final String RUNNING = "running";
  public static final String DONE = "done";
  public static final String FAILED = "failed";
  public static final String CANCELLED = "cancelled";

  static final String COLUMNS = "video_id, kind, input, state, attempts, created_at, owner_id";

  static Job fromRow(Row row) {
    return new Job(row.getString("video_id"), row.getString("kind"), new JsonObject(row.getString("input")),
        row.getString("state"), row.getInteger("attempts"), row.getLong("created_at"), row.getLong("owner_id"));
  }

  /** The API's shape of a job that is not active any more (active ones report their progress live). */
  JsonObject toJson() {
    return new JsonObject().put("video", videoId).put("kind", kind).put("state", state)
        .put("progress", DONE.equals(state) ? 1.0 : 0.0).put("input", input).put("owner", ownerId);
  }
}
