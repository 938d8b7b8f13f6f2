package dev.livelens.social;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The video_likes table: one row per person per video. Liking twice or unliking what was not liked changes
 * nothing (the primary key and {@code ON CONFLICT DO NOTHING}), and a count is the rows' {@code COUNT(*)},
 * so it stays exact however many people like at once, on every node.
 */
final class Likes {

  private final Pool pool;
  private final Pool reads;

  Likes(Pool pool, Pool reads) {
    this.pool = pool;
    this.reads = reads;
  }

  Future<Void> like(String videoId, long userId) {
    return pool.preparedQuery("INSERT INTO video_likes (video_id, user_id, created_at) VALUES (?, ?, ?) "
        + "ON CONFLICT (video_id, user_id) DO NOTHING")
        .execute(Tuple.of(videoId, userId, System.currentTimeMillis())).mapEmpty();
  }

  Future<Void> unlike(String videoId, long userId) {
    return pool.preparedQuery("DELETE FROM video_likes WHERE video_id = ? AND user_id = ?")
        .execute(Tuple.of(videoId, userId)).mapEmpty();
  }

  /** Every like {@code userId} gave (a guest that expired). */
  Future<Void> forget(long userId) {
    return pool.preparedQuery("DELETE FROM video_likes WHERE user_id = ?").execute(Tuple.of(userId)).mapEmpty();
  }

  /** The count as the writer sees it: right after a like, it includes that like. */
  Future<Long> countNow(String videoId) {
    return pool.preparedQuery("SELECT COUNT(*) AS n FROM video_likes WHERE video_id = ?").execute(Tuple.of(videoId))
        .map(rows -> rows.iterator().next().getLong("n"));
  }

  /** Likes per video id (absent: none). */
  Future<Map<String, Long>> counts(List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return reads.preparedQuery("SELECT video_id, COUNT(*) AS n FROM video_likes WHERE video_id IN ("
        + SqlLists.marks(ids.size()) + ") GROUP BY video_id").execute(SqlLists.tuple(null, ids)).map(rows -> {
          Map<String, Long> counts = new HashMap<>();
          rows.forEach(row -> counts.put(row.getString("video_id"), row.getLong("n")));
          return counts;
        });
  }

  /** Which of these videos {@code userId} likes. */
  Future<Set<String>> likedBy(long userId, List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    return reads.preparedQuery("SELECT video_id FROM video_likes WHERE user_id = ? AND video_id IN ("
        + SqlLists.marks(ids.size()) + ")").execute(SqlLists.tuple(userId, ids)).map(rows -> {
          Set<String> liked = new HashSet<>();
          rows.forEach(row -> liked.add(row.getString("video_id")));
          return liked;
        });
  }
}
