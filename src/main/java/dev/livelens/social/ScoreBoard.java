package dev.livelens.social;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The measurements of every public video, summed from the watch analytics, likes and replies in a few
 * grouped queries and kept as one immutable snapshot: a feed request ranks from memory and never scans the
 * events. A new snapshot replaces the old one every refresh (see {@link ScoreRefresher}).
 */
final class ScoreBoard {

  static final ScoreBoard EMPTY = new ScoreBoard(Map.of(), 0);

  private final Map<String, VideoStats> videos;
  private final long loadedAt;

  private ScoreBoard(Map<String, VideoStats> videos, long loadedAt) {
    this.videos = videos;
    this.loadedAt = loadedAt;
  }

  Map<String, VideoStats> videos() {
    return videos;
  }

  long loadedAt() {
    return loadedAt;
  }

  static Future<ScoreBoard> load(Pool reads) {
    long now = System.currentTimeMillis();
    Future<RowSet<Row>> publicVideos = reads.query("SELECT id, owner_id, created_at, duration_ms FROM videos "
        + "WHERE visibility = 'public' AND status = 'ready'").execute();
    Future<RowSet<Row>> views = reads.query("SELECT video_id, COUNT(*) AS n, SUM(completed) AS c, "
        + "SUM(watched_ms) AS w FROM watch_views GROUP BY video_id").execute();
    Future<Map<String, Long>> likes = counts(reads, "SELECT video_id AS id, COUNT(*) AS n FROM video_likes "
        + "GROUP BY video_id");
    Future<Map<String, Long>> replies = counts(reads, "SELECT r.parent_id AS id, COUNT(*) AS n FROM video_replies r "
        + "JOIN videos v ON v.id = r.video_id WHERE v.visibility = 'public' GROUP BY r.parent_id");
    return Future.all(publicVideos, views, likes, replies).map(done -> {
      Map<String, long[]> watched = new HashMap<>();
      views.result().forEach(row -> watched.put(row.getString("video_id"),
          new long[] {row.getLong("n"), orZero(row.getLong("c")), orZero(row.getLong("w"))}));
      Map<String, VideoStats> stats = new HashMap<>();
      for (Row row : publicVideos.result()) {
        String id = row.getString("id");
        long[] w = watched.getOrDefault(id, new long[3]);
        stats.put(id, new VideoStats(id, row.getLong("owner_id"), row.getLong("created_at"),
            orZero(row.getLong("duration_ms")), w[0], w[1], w[2], likes.result().getOrDefault(id, 0L),
            replies.result().getOrDefault(id, 0L)));
      }
      return new ScoreBoard(Map.copyOf(stats), now);
    });
  }

  private static Future<Map<String, Long>> counts(Pool reads, String sql) {
    return reads.preparedQuery(sql).execute().map(rows -> {
      Map<String, Long> counts = new HashMap<>();
      rows.forEach(row -> counts.put(row.getString("id"), row.getLong("n")));
      return counts;
    });
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
