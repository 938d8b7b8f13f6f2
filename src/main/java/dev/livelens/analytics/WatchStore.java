package dev.livelens.analytics;

import dev.livelens.db.BatchCounts;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The analytics tables: views, raw events stored once each, and the aggregates they update. */
final class WatchStore {

  /**
   * What the server keeps of a view between batches.
   *
   * @param startedAt the server's clock when it was issued
   * @param watchedMs play time credited so far
   * @param secretHash SHA-256 (hex) of the secret its page must show to resume it; null for none
   */
  record View(String id, String videoId, String viewer, long startedAt, long watchedMs, String secretHash,
      long lastEventAt, long stallStartedAt) {
  }

  private final Pool pool;

  WatchStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * @param accountId who watches (an account or a guest identity), null for a visitor without one
   * @param own whether they own the video: their own views are not counted as its audience
   */
  Future<Void> createView(View view, Long accountId, boolean own) {
    return pool.preparedQuery("INSERT INTO watch_views (id, video_id, viewer, started_at, last_event_at, "
        + "secret_hash, account_id, own) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").execute(Tuple.of(view.id(),
            view.videoId(), view.viewer(), view.startedAt(), -1L, view.secretHash()).addLong(accountId)
            .addInteger(own ? 1 : 0)).mapEmpty();
  }

  Future<Optional<View>> findView(String id) {
    return pool.preparedQuery("SELECT id, video_id, viewer, started_at, watched_ms, secret_hash, last_event_at, "
        + "stall_started_at FROM watch_views WHERE id = ?")
        .execute(Tuple.of(id)).map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row row = rows.iterator().next();
          Long stall = row.getLong("stall_started_at");
          return Optional.of(new View(row.getString("id"), row.getString("video_id"), row.getString("viewer"),
              row.getLong("started_at"), row.getLong("watched_ms"), row.getString("secret_hash"),
              row.getLong("last_event_at"), stall == null ? -1 : stall));
        });
  }

  /** One player's batch: its view and its checked events. */
  record Batch(View view, List<WatchEvent> events) {
  }

  /**
   * Stores the events of these batches that were not stored yet and adds their effects to the aggregates,
   * all in one transaction with four statements however many batches there are (SQLite's one writer
   * then spends its time on rows, not on statements): a batch is counted whole or not at all, and once.
   * The events' insert itself says which are new (a stored (view, seq) inserts no row), so no query
   * looks for them first. Returns how many events of each batch were new, in order.
   */
  Future<List<Integer>> ingest(List<Batch> batches, long now) {
    List<Tuple> eventRows = new ArrayList<>();
    for (Batch batch : batches) {
      for (WatchEvent event : batch.events()) {
        eventRows.add(Tuple.of(batch.view().id(), event.seq(), batch.view().videoId(), event.type(),
            event.body().encode(), now));
      }
    }
    return pool.withTransaction(conn -> conn.preparedQuery("INSERT INTO watch_events (view_id, seq, video_id, "
            + "type, body, received_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (view_id, seq) DO NOTHING")
        .executeBatch(eventRows).compose(inserted -> {
          Map<String, WatchEffects> perView = new LinkedHashMap<>();
          Map<String, String> videoOf = new HashMap<>();
          List<Integer> fresh = new ArrayList<>();
          int[] counts = BatchCounts.perItem(inserted, eventRows.size());
          int row = 0;
          for (Batch batch : batches) {
            View view = batch.view();
            WatchEffects effects = perView.computeIfAbsent(view.id(), id -> new WatchEffects(view.stallStartedAt()));
            videoOf.put(view.id(), view.videoId());
            int added = 0;
            for (WatchEvent event : batch.events()) {
              if (counts[row++] > 0) {
                effects.add(event);
                added++;
              }
            }
            fresh.add(added);
          }
          if (fresh.stream().allMatch(added -> added == 0)) {
            return Future.succeededFuture(fresh);
          }
          return addSeconds(conn, perView, videoOf)
              .compose(v -> addRates(conn, perView, videoOf))
              .compose(v -> updateViews(conn, perView))
              .map(fresh);
        }));
  }

  private static Future<Void> addSeconds(SqlConnection conn, Map<String, WatchEffects> perView,
      Map<String, String> videoOf) {
    Map<String, WatchEffects.Second> merged = new LinkedHashMap<>();
    perView.forEach((view, effects) -> effects.seconds.forEach((second, c) -> {
      WatchEffects.Second sum = merged.computeIfAbsent(videoOf.get(view) + "/" + second, k -> new WatchEffects.Second());
      sum.plays += c.plays;
      sum.skips += c.skips;
      sum.rewatches += c.rewatches;
      sum.stalls += c.stalls;
      sum.pauses += c.pauses;
    }));
    if (merged.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> rows = new ArrayList<>();
    merged.forEach((key, c) -> {
      int slash = key.lastIndexOf('/');
      rows.add(Tuple.of(key.substring(0, slash), Integer.parseInt(key.substring(slash + 1)), c.plays, c.skips,
          c.rewatches, c.stalls, c.pauses));
    });
    return conn.preparedQuery("INSERT INTO watch_seconds (video_id, second, plays, skips, rewatches, stalls, pauses) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (video_id, second) DO UPDATE SET "
        + "plays = watch_seconds.plays + excluded.plays, skips = watch_seconds.skips + excluded.skips, "
        + "rewatches = watch_seconds.rewatches + excluded.rewatches, stalls = watch_seconds.stalls + excluded.stalls, "
        + "pauses = watch_seconds.pauses + excluded.pauses").executeBatch(rows).mapEmpty();
  }

  private static Future<Void> addRates(SqlConnection conn, Map<String, WatchEffects> perView,
      Map<String, String> videoOf) {
    Map<String, Long> merged = new LinkedHashMap<>();
    perView.forEach((view, effects) -> effects.rateMs.forEach((rate, ms) ->
        merged.merge(videoOf.get(view) + "/" + rate, ms, Long::sum)));
    if (merged.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> rows = new ArrayList<>();
    merged.forEach((key, ms) -> {
      int slash = key.lastIndexOf('/');
      rows.add(Tuple.of(key.substring(0, slash), key.substring(slash + 1), ms));
    });
    return conn.preparedQuery("INSERT INTO watch_rates (video_id, rate, ms) VALUES (?, ?, ?) "
        + "ON CONFLICT (video_id, rate) DO UPDATE SET ms = watch_rates.ms + excluded.ms").executeBatch(rows)
        .mapEmpty();
  }

  private static Future<Void> updateViews(SqlConnection conn, Map<String, WatchEffects> perView) {
    List<Tuple> rows = new ArrayList<>();
    perView.forEach((viewId, e) -> rows.add(Tuple.from(List.of(e.watchedMs, e.pauses, e.stalls, e.stallMs, e.seeks,
        e.longestStallMs, e.longestStallMs, e.completed ? 1 : 0, e.lastEventAt, e.lastEventAt))
        .addValue(e.stallStartedAt < 0 ? null : e.stallStartedAt).addString(viewId)));
    return conn.preparedQuery("UPDATE watch_views SET watched_ms = watched_ms + ?, pauses = pauses + ?, "
            + "stalls = stalls + ?, stall_ms = stall_ms + ?, seeks = seeks + ?, "
            + "longest_stall_ms = CASE WHEN longest_stall_ms > ? THEN longest_stall_ms ELSE ? END, "
            + "completed = CASE WHEN ? = 1 THEN 1 ELSE completed END, "
            + "last_event_at = CASE WHEN last_event_at > ? THEN last_event_at ELSE ? END, stall_started_at = ? "
            + "WHERE id = ?")
        .executeBatch(rows).mapEmpty();
  }

  Pool pool() {
    return pool;
  }
}
