package dev.livelens.social;

import dev.livelens.library.Video;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/** One video's engagement score as it stands now, for its owner: read from its own rows (an index each). */
final class Engagement {

  private final Pool reads;

  Engagement(Pool reads) {
    this.reads = reads;
  }

  Future<JsonObject> of(Video video) {
    return reads.preparedQuery("SELECT COUNT(*) AS n, SUM(completed) AS c, SUM(watched_ms) AS w, "
        + "(SELECT COUNT(*) FROM video_likes WHERE video_id = ?) AS likes, "
        + "(SELECT COUNT(*) FROM video_replies r JOIN videos v ON v.id = r.video_id WHERE r.parent_id = ? "
        + "AND v.visibility = 'public') AS replies FROM watch_views WHERE video_id = ?")
        .execute(Tuple.of(video.id(), video.id(), video.id())).map(rows -> {
          Row row = rows.iterator().next();
          VideoStats stats = new VideoStats(video.id(), video.ownerId(), video.createdAt(),
              video.durationMs() == null ? 0 : video.durationMs(), row.getLong("n"), orZero(row.getLong("c")),
              orZero(row.getLong("w")), row.getLong("likes"), row.getLong("replies"));
          return Ranking.engagement(stats);
        });
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
