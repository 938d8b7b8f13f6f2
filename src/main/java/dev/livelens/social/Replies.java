package dev.livelens.social;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The video_replies table: which video answers which. A row outlives its parent (the reply then says it
 * answers a deleted video); every read joins the videos, so a deleted reply's row is never shown.
 */
final class Replies {

  /** Newest first, or the most liked first. */
  enum Order { NEWEST, LIKES }

  private final Pool pool;
  private final Pool reads;

  Replies(Pool pool, Pool reads) {
    this.pool = pool;
    this.reads = reads;
  }

  /** Makes {@code videoId} a reply to {@code parentId} (instead of whatever it answered before). */
  Future<Void> link(String videoId, String parentId) {
    return pool.preparedQuery("INSERT INTO video_replies (video_id, parent_id, created_at) VALUES (?, ?, ?) "
        + "ON CONFLICT (video_id) DO UPDATE SET parent_id = excluded.parent_id, created_at = excluded.created_at")
        .execute(Tuple.of(videoId, parentId, System.currentTimeMillis())).mapEmpty();
  }

  Future<Void> unlink(String videoId) {
    return pool.preparedQuery("DELETE FROM video_replies WHERE video_id = ?").execute(Tuple.of(videoId)).mapEmpty();
  }

  /**
   * The ids of the replies to {@code parentId} that a caller may list: public ones, and those {@code ownerId}
   * owns (null: nobody's); the caller checks each video again as it reads it.
   */
  Future<List<String>> of(String parentId, Long ownerId, Order order, int limit) {
    String sort = order == Order.LIKES
        ? "(SELECT COUNT(*) FROM video_likes l WHERE l.video_id = r.video_id) DESC, r.created_at DESC"
        : "r.created_at DESC";
    return reads.preparedQuery("SELECT r.video_id FROM video_replies r JOIN videos v ON v.id = r.video_id "
        + "WHERE r.parent_id = ? AND (v.visibility = 'public' OR v.owner_id = ?) ORDER BY " + sort + " LIMIT ?")
        .execute(Tuple.of(parentId, ownerId == null ? -1L : ownerId, limit)).map(rows -> {
          List<String> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getString("video_id")));
          return ids;
        });
  }

  /** The parent of each of these videos that is a reply. */
  Future<Map<String, String>> parents(List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return reads.preparedQuery("SELECT video_id, parent_id FROM video_replies WHERE video_id IN ("
        + SqlLists.marks(ids.size()) + ")").execute(SqlLists.tuple(null, ids)).map(rows -> {
          Map<String, String> parents = new HashMap<>();
          rows.forEach(row -> parents.put(row.getString("video_id"), row.getString("parent_id")));
          return parents;
        });
  }

  /** How many public replies each of these videos has. */
  Future<Map<String, Long>> counts(List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return reads.preparedQuery("SELECT r.parent_id, COUNT(*) AS n FROM video_replies r JOIN videos v "
        + "ON v.id = r.video_id WHERE v.visibility = 'public' AND r.parent_id IN (" + SqlLists.marks(ids.size())
        + ") GROUP BY r.parent_id").execute(SqlLists.tuple(null, ids)).map(rows -> {
          Map<String, Long> counts = new HashMap<>();
          rows.forEach(row -> counts.put(row.getString("parent_id"), row.getLong("n")));
          return counts;
        });
  }
}
