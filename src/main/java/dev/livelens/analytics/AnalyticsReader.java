package dev.livelens.analytics;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * A video's analytics read from the aggregates and the views: a few indexed queries whatever the number of
 * events, so reading stays fast however much a video was watched.
 */
final class AnalyticsReader {

  private static final int RECENT_VIEWS = 50;
  /** Who a view's viewer is: "a<id>" for an account or guest identity, else the browser's own id. */
  private static final String VIEWER = "COALESCE('a' || CAST(account_id AS VARCHAR(20)), viewer)";

  private final Pool pool;

  AnalyticsReader(Pool pool) {
    this.pool = pool;
  }

  /** The JSON of GET /api/videos/<id>/analytics; {@code durationMs} sizes the per-second arrays. */
  Future<JsonObject> video(String videoId, long durationMs) {
    Tuple id = Tuple.of(videoId);
    // The audience: every view but the owner's own; a viewer is their account (or guest identity) when they
    // had one, else their browser's id.
    Future<Row> totals = pool.preparedQuery("SELECT COUNT(*) AS views, COUNT(DISTINCT " + VIEWER + ") AS viewers, "
        + "COALESCE(AVG(watched_ms), 0) AS average_ms, COALESCE(SUM(completed), 0) AS completed, "
        + "COALESCE(SUM(pauses), 0) AS pauses, COALESCE(SUM(stalls), 0) AS stalls, "
        + "COALESCE(SUM(stall_ms), 0) AS stall_ms, COALESCE(MAX(longest_stall_ms), 0) AS longest_ms, "
        + "COALESCE(SUM(seeks), 0) AS seeks "
        + "FROM watch_views WHERE video_id = ? AND own = 0").execute(id).map(rows -> rows.iterator().next());
    Future<Row> own = pool.preparedQuery("SELECT COUNT(*) AS views, COALESCE(SUM(watched_ms), 0) AS watched_ms "
        + "FROM watch_views WHERE video_id = ? AND own = 1").execute(id).map(rows -> rows.iterator().next());
    Future<Long> median = totals.compose(row -> median(videoId, row.getLong("views")));
    Future<JsonObject> seconds = pool.preparedQuery("SELECT second, plays, skips, rewatches, stalls, pauses "
        + "FROM watch_seconds WHERE video_id = ? ORDER BY second").execute(id)
        .map(rows -> perSecond(rows, (int) Math.ceil(durationMs / 1000.0)));
    Future<JsonObject> rates = pool.preparedQuery("SELECT rate, ms FROM watch_rates WHERE video_id = ?").execute(id)
        .map(rows -> {
          JsonObject json = new JsonObject();
          rows.forEach(row -> json.put(row.getString("rate"), row.getLong("ms")));
          return json;
        });
    Future<JsonArray> views = pool.preparedQuery("SELECT id, viewer, started_at, watched_ms, completed, pauses, "
        + "stalls, stall_ms, seeks, own, account_id FROM watch_views WHERE video_id = ? ORDER BY started_at DESC LIMIT "
        + RECENT_VIEWS).execute(id).map(rows -> {
          JsonArray array = new JsonArray();
          rows.forEach(row -> array.add(new JsonObject().put("view", row.getString("id"))
              .put("viewer", row.getString("viewer")).put("started", row.getLong("started_at"))
              .put("watchedMs", row.getLong("watched_ms")).put("completed", row.getInteger("completed") == 1)
              .put("pauses", row.getInteger("pauses")).put("stalls", row.getInteger("stalls"))
              .put("stallMs", row.getLong("stall_ms")).put("seeks", row.getInteger("seeks"))
              .put("own", row.getInteger("own") == 1).put("signedIn", row.getLong("account_id") != null)));
          return array;
        });
    return Future.all(median, seconds, rates, views, own).map(done -> {
      Row t = totals.result();
      long count = t.getLong("views");
      return new JsonObject().put("video", videoId).put("views", count)
          .put("uniqueViewers", t.getLong("viewers"))
          .put("ownViews", new JsonObject().put("views", own.result().getLong("views"))
              .put("watchedMs", own.result().getLong("watched_ms")))
          .put("watchTime", new JsonObject().put("averageMs", Math.round(t.getDouble("average_ms")))
              .put("medianMs", median.result()))
          .put("completionRate", count == 0 ? 0.0 : t.getLong("completed") / (double) count)
          .put("pauses", new JsonObject().put("total", t.getLong("pauses"))
              .put("perView", count == 0 ? 0.0 : t.getLong("pauses") / (double) count))
          .put("buffering", new JsonObject().put("stalls", t.getLong("stalls")).put("totalMs", t.getLong("stall_ms"))
              .put("longestMs", t.getLong("longest_ms")))
          .put("seeks", t.getLong("seeks"))
          .put("rates", rates.result())
          .put("seconds", seconds.result())
          .put("recentViews", views.result());
    });
  }

  private Future<Long> median(String videoId, long views) {
    if (views == 0) {
      return Future.succeededFuture(0L);
    }
    return pool.preparedQuery("SELECT watched_ms FROM watch_views WHERE video_id = ? AND own = 0 ORDER BY watched_ms "
        + "LIMIT 1 OFFSET ?").execute(Tuple.of(videoId, views / 2))
        .map(rows -> rows.iterator().next().getLong("watched_ms"));
  }

  /** Arrays indexed by second, as long as the video (or the last second anything happened in). */
  private static JsonObject perSecond(Iterable<Row> rows, int length) {
    int size = length;
    for (Row row : rows) {
      size = Math.max(size, row.getInteger("second") + 1);
    }
    long[][] columns = new long[5][size];
    for (Row row : rows) {
      int s = row.getInteger("second");
      columns[0][s] = row.getInteger("plays");
      columns[1][s] = row.getInteger("skips");
      columns[2][s] = row.getInteger("rewatches");
      columns[3][s] = row.getInteger("stalls");
      columns[4][s] = row.getInteger("pauses");
    }
    JsonObject json = new JsonObject();
    String[] names = {"plays", "skips", "rewatches", "stalls", "pauses"};
    for (int c = 0; c < names.length; c++) {
      JsonArray values = new JsonArray();
      for (long value : columns[c]) {
        values.add(value);
      }
      json.put(names[c], values);
    }
    return json;
  }

  /**
   * Across videos: the most watched and the most skipped, for the library page; of {@code ownerId}'s videos
   * only (null: of everyone's, an admin's view).
   */
  Future<JsonObject> summary(int top, Long ownerId) {
    String owned = ownerId == null ? "" : " WHERE %s.video_id IN (SELECT id FROM videos WHERE owner_id = ?)";
    Tuple params = ownerId == null ? Tuple.of(top) : Tuple.of(ownerId, top);
    // Watched: by the audience (the owners' own views are not counted).
    Future<JsonArray> watched = ranking("SELECT v.video_id AS id, COUNT(*) AS n FROM watch_views v"
        + (owned.isEmpty() ? " WHERE" : owned.formatted("v") + " AND") + " v.own = 0 GROUP BY v.video_id ORDER BY n DESC LIMIT ?", params);
    Future<JsonArray> skipped = ranking("SELECT s.video_id AS id, SUM(s.skips) AS n FROM watch_seconds s"
        + owned.formatted("s") + " GROUP BY s.video_id HAVING SUM(s.skips) > 0 ORDER BY n DESC LIMIT ?", params);
    return Future.all(watched, skipped).map(done -> new JsonObject().put("mostWatched", watched.result())
        .put("mostSkipped", skipped.result()));
  }

  private Future<JsonArray> ranking(String sql, Tuple params) {
    return pool.preparedQuery("SELECT r.id, r.n, videos.title FROM (" + sql + ") r JOIN videos ON videos.id = r.id "
        + "ORDER BY r.n DESC").execute(params).map(rows -> {
          JsonArray array = new JsonArray();
          rows.forEach(row -> array.add(new JsonObject().put("id", row.getString("id"))
              .put("title", row.getString("title")).put("count", row.getLong("n"))));
          return array;
        });
  }
}
